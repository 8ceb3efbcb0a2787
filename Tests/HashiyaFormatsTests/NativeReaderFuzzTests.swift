import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

/// Mutated native exports never crash the reader or the import's checks: each record is read,
/// checked, or refused with a `FormatError` naming where.
@Suite struct NativeReaderFuzzTests {
  let folder = TemporaryFolder()
  let fuzzer = Fuzzer(
    target: "native", iterations: 1_000,
    dictionary: [
      "\"start\":", "\"end\":", "\"quote\":", "\"annotations\":[]", "\"links\":", "\"reviews\":", "\"kind\":\"header\"",
      "\"attributes\":{\"name\":[1]}", "null", "\"\\u0000\"", "-1", "\n", "\"utf16\":[0,1]", "\"layer\":\"x\"",
    ])

  @Test func readsChecksOrRefusesEveryRecord() throws {
    #expect(!fuzzer.corpus.isEmpty, "no seeds in \(Fuzzer.seedsFolder.path)/\(fuzzer.target)")
    fuzzer.forEachInput { input, iteration in
      // The reader tells the layouts apart by the first line, not by the name.
      let path = folder.path("input.jsonl")
      _ = FileManager.default.createFile(atPath: path, contents: Data(input))
      var schemas: [String: LayerSchema] = [:]
      var refused: [FormatError] = []
      do {
        try NativeReader.read(
          path: path,
          onHeader: { header in for schema in header.schemas { schemas[schema.layer] = schema } },
          onBadRecord: { refused.append($0) },
          { imported in
            if let error = NULCheck.error(in: imported) { return refused.append(error) }
            _ = try AnnotatedImport.checked(imported, schemas: schemas) { refused.append($0) }
          })
      } catch {
        #expect(error is FormatError, "\(fuzzer.replay(iteration)): \(error)")
      }
      for error in refused {
        #expect(!error.location.isEmpty, "\(fuzzer.replay(iteration)): \(error)")
      }
    }
  }
}
