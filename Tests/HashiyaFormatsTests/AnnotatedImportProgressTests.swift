import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

@Suite struct AnnotatedImportProgressTests {
  let folder = TemporaryFolder()

  @Test func progressCountsEveryReportAndEndsAtTheFileSize() throws {
    let bundles = (1...5).map { $0 % 2 == 0 ? NativeFixtures.emojiBundle(id: $0) : NativeFixtures.seedBundle(id: $0) }
      .enumerated().map { index, bundle in
        var bundle = bundle
        bundle.report.uid = "progress-\(index)"
        return bundle
      }
    let path = try NativeFixtures.export(bundles, format: .jsonl)
    let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    let store = try ProjectStore.open(path: folder.path("p.hashiya"))
    var seen: [ImportProgress] = []
    let summary = try AnnotatedImport.run(
      paths: [path], options: AnnotatedImport.Options(), store: store, author: "amal", knownSchemas: [:],
      progress: { seen.append($0) })
    #expect(summary.outcome.reportsAdded.count + summary.outcome.reportsMatched.count == 5)
    #expect(seen.map(\.reportsRead) == [1, 2, 3, 4, 5])
    #expect(seen.allSatisfy { $0.bytesTotal == size })
    #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.bytesDone <= $1.bytesDone })
    #expect(seen.last?.bytesDone == size)
  }
}
