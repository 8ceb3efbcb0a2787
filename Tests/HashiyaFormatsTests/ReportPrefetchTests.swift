import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

@Suite struct ReportPrefetchTests {
  /// More reports than fit in a few batches, so hand-overs, waits and the last partial batch all occur.
  static let reportCount = 150

  struct Failure: Error {}

  let store: ProjectStore = {
    let folder = URL(fileURLWithPath: TemporaryFolder.scratch())
    let paths = (1...reportCount).map { number in
      let path = folder.appendingPathComponent("r\(number).ar.txt").path
      _ = FileManager.default.createFile(atPath: path, contents: Data("تقرير رقم \(number) 👍🏽\r\n".utf8))
      return path
    }
    let store = try! ProjectStore.open(path: folder.appendingPathComponent("p.hashiya").path)
    _ = try! ReportImport.run(try! ReportImport.plan(paths: paths), into: store, author: "tester")
    return store
  }()

  @Test func handsOverEveryReportInOrderWithItsText() throws {
    var expected: [ReportBundle] = []
    try store.forEachReport(ExportSelection()) { expected.append($0) }
    var seen: [(ReportBundle, ReportText)] = []
    try ReportPrefetch.forEachReport(in: store, ExportSelection()) { seen.append(($0, $1)) }
    #expect(expected.count == Self.reportCount)
    #expect(seen.map(\.0.report) == expected.map(\.report))
    #expect(seen.allSatisfy { $0.1.string == $0.0.report.text })
  }

  @Test func aFailingWriterStopsTheReaderAndRethrows() {
    var calls = 0
    #expect(throws: Failure.self) {
      try ReportPrefetch.forEachReport(in: store, ExportSelection()) { _, _ in
        calls += 1
        if calls == 40 { throw Failure() }
      }
    }
    #expect(calls == 40)
  }
}
