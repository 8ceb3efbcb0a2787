import Foundation
import Testing

/// `import --skip-bad` for plain reports: one empty article among many scraped ones no longer
/// blocks the file; what was left out is listed, and without the flag the import stays all or
/// nothing.
@Suite struct SkipBadImportTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("skip.hashiya") }

  func write(_ name: String, _ text: String) throws -> String {
    let path = hashiya.path(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func badReportsAreListedAndTheRestImported() throws {
    let news = try write(
      "news.jsonl",
      #"""
      {"title":"أول","text":"أكّد “كيفين كويثي” 👍🏽"}
      {"title":"فارغ","text":""}
      {"title":"ثان","text":"سطر\r\nسطر"}
      not json
      {"id":"same","title":"ثالث","text":"نص"}
      {"id":"same","title":"رابع","text":"نص آخر"}
      """#)
    let empty = try write("empty.txt", "  \n")
    let plain = try write("ok.txt", "عنوان\nنص")
    let strict = try hashiya.run([project, "--user", "tester", "-c", "import \(news) \(empty) \(plain)"])
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("news.jsonl:2"), "\(strict.stderr)")
    let nothing = try hashiya.run([project, "--json", "-c", "reports"])
    #expect(nothing.stdout.contains("[]") || !nothing.stdout.contains("\"id\""), "\(nothing.stdout)")

    let run = try hashiya.run([project, "--user", "tester", "-c", "import --skip-bad \(news) \(empty) \(plain)"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("imported 4 reports"), "\(run.stdout)")
    #expect(run.stdout.contains("skipped 4 bad records:"), "\(run.stdout)")
    for reason in ["news.jsonl:2:", "news.jsonl:4:", "empty.txt", "same"] {
      #expect(run.stdout.contains(reason), "\(reason) in \(run.stdout)")
    }
    let json = try hashiya.run([project, "--user", "tester", "--json", "-c", "import --skip-bad \(news)"])
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect((object?["skipped"] as? [String])?.count == 3, "\(json.stdout)")
    #expect((object?["duplicates"] as? [Int])?.count == 3)
  }
}
