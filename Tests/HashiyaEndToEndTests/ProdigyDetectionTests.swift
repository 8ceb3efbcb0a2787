import Foundation
import Testing

/// A Prodigy export of a long report imports without --format: its first task holds the text
/// and every token before the spans, past the first kilobytes the format used to be told by.
@Suite struct ProdigyDetectionTests {
  let hashiya = HashiyaBinary()

  @Test func aLongProdigyTaskIsRecognisedWithEachAnnotatorKept() throws {
    let source = hashiya.path("source.hashiya")
    let out = hashiya.path("tasks.jsonl")
    let made = try hashiya.run([
      source, "--user", "amal", "-c",
      "import \(HashiyaBinary.seed); team add karim annotator; speaker s4.3+1",
    ])
    #expect(made.status == 0, "\(made.stderr)")
    let karim = try hashiya.run([
      source, "--user", "karim", "-c", "speaker s9.3+1; claim s5.29+2; export --format prodigy \(out)",
    ])
    #expect(karim.status == 0, "\(karim.stderr)")
    let head = try #require(FileHandle(forReadingAtPath: out)?.readData(ofLength: 4096))
    #expect(!String(decoding: head, as: UTF8.self).contains("\"spans\""))

    let copy = hashiya.path("copy.hashiya")
    let imported = try hashiya.run([copy, "--user", "lead", "--json", "-c", "import \(out); ls"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let listed = try #require(imported.stdoutLines.last)
    let annotations = try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]] ?? []
    let byAuthor = Dictionary(grouping: annotations) { $0["author"] as? String ?? "" }.mapValues(\.count)
    #expect(byAuthor == ["amal": 1, "karim": 2], "\(annotations)")
  }
}
