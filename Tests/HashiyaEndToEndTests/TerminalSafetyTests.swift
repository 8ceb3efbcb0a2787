import Foundation
import Testing

/// Escape sequences in data never reach the terminal raw: a hostile title, text, author name,
/// attribute value or error message is shown with its control characters escaped, while
/// Hashiya's own colours still work and `--json` escapes them as JSON does.
@Suite struct TerminalSafetyTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("p.hashiya") }

  static let title = "Title \u{1B}]0;pwned\u{07} and \u{1B}[2J clear \u{9B}31m c1 \u{7F}"
  static let hostileAuthor = "eve\u{1B}[31m\u{1B}]0;pwned\u{07}"

  /// A report whose title and CRLF text carry escape sequences, C1 controls and a bidi override,
  /// among Arabic with diacritics and an emoji; annotated by an author whose name has escapes,
  /// with an attribute value that has them too.
  func prepare() throws {
    let text =
      "قالَ المُتَحَدِّثُ 🛰️ \u{1B}[2J شيئاً.\r\nSecond line with \u{1B}]0;pwned\u{07} a bell and \u{1B}[31mred\u{1B}[0m.\r\n"
      + "Third \u{202E}override\u{202C} line."
    let record: [String: Any] = ["id": "evil", "title": Self.title, "text": text, "lang": "ar"]
    let line = try JSONSerialization.data(withJSONObject: record)
    let file = hashiya.write("evil.jsonl", Array(line) + [0x0A])
    // A name with escapes cannot be a --user; it arrives in an annotated file a teammate sent.
    let noted = hashiya.path("noted.jsonl")
    let made = try hashiya.run([
      hashiya.path("other.hashiya"), "-c",
      "import \(file); note \"Second line\" \"gloss \u{1B}[2J\u{1B}]0;pwned\u{07}\"; export \(noted)",
    ])
    #expect(made.status == 0, "\(made.stderr)")
    let author = String(decoding: try JSONSerialization.data(withJSONObject: [Self.hostileAuthor]), as: UTF8.self)
      .dropFirst().dropLast()
    let export = try String(contentsOfFile: noted, encoding: .utf8)
    #expect(export.contains("\"author\":\"tester\""))
    _ = hashiya.write(
      "noted.jsonl", export.replacingOccurrences(of: "\"author\":\"tester\"", with: "\"author\":\(author)"))
    let imported = try hashiya.run([project, "-c", "import \(noted)"])
    #expect(imported.status == 0, "\(imported.stderr)")
  }

  static let commands = "reports; show 1; show 1 --tokens; ls; blame #1; history; search Second; find line"

  /// No ESC, BEL, DEL, C1 control or (but in JSON) bidi override, whatever the command printed.
  static func expectNoRawControls(
    _ output: String, allowingOwnColours: Bool = false, json: Bool = false, _ context: String
  ) {
    var text = output
    if allowingOwnColours {
      text = text.replacingOccurrences(of: #"\u{1B}\[(0|1|2|7|3[1-6])m"#, with: "", options: .regularExpression)
    }
    let raw = text.unicodeScalars.filter {
      ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || (0x7F...0x9F).contains($0.value)
        || (!json && $0 == "\u{202E}")
    }
    #expect(raw.isEmpty, "\(context): \(raw.map { String($0.value, radix: 16) }) in \(output)")
  }

  @Test func textOutputShowsDataControlsEscaped() throws {
    try prepare()
    let run = try hashiya.run([project, "-c", Self.commands])
    #expect(run.status == 0, "\(run.stderr)")
    Self.expectNoRawControls(run.stdout, "stdout")
    Self.expectNoRawControls(run.stderr, "stderr")
    #expect(run.stdout.contains(#"\e]0;pwned\x07"#))
    #expect(run.stdout.contains(#"\e[2J"#))
    #expect(run.stdout.contains(#"\u{9B}31m"#))
    #expect(run.stdout.contains(#"\u{202E}override"#))
    #expect(run.stdout.contains(#"eve\e[31m"#))
    // CRLF text still reads as lines: no carriage return is shown escaped.
    #expect(!run.stdout.contains(#"\r"#))
    // Arabic with diacritics and the emoji come through untouched.
    #expect(run.stdout.contains("المُتَحَدِّثُ 🛰️"))
  }

  @Test func errorMessagesQuotingDataAreEscaped() throws {
    try prepare()
    let run = try hashiya.run([project, "-c", "\u{1B}[2Jbogus; reports \u{1B}]0;pwned\u{07}"])
    #expect(run.status == 1)
    Self.expectNoRawControls(run.stderr, "stderr")
    Self.expectNoRawControls(run.stdout, "stdout")
    #expect(run.stderr.contains(#"\e[2Jbogus"#), "\(run.stderr)")
  }

  @Test func colourStaysOnWhileDataControlsAreEscaped() throws {
    try prepare()
    let session = try TerminalSession.run(
      [project, "-c", Self.commands + "; \u{1B}[2Jbogus"], in: hashiya.folder, steps: [])
    #expect(session.status == 1, "\(session.output)")
    // The terminal shows Hashiya's colours...
    #expect(session.output.contains("\u{1B}[1m"), "\(session.output)")
    // ...and nothing else.
    Self.expectNoRawControls(session.output, allowingOwnColours: true, "terminal")
    #expect(session.output.contains(#"\e]0;pwned\x07"#))
  }

  @Test func jsonEscapesEveryControlCharacter() throws {
    try prepare()
    let run = try hashiya.run([project, "--json", "-c", "reports; show 1; ls"])
    #expect(run.status == 0, "\(run.stderr)")
    Self.expectNoRawControls(run.stdout, json: true, "json")
    let reports = try JSONSerialization.jsonObject(with: Data(run.stdoutLines[0].utf8)) as? [String: Any]
    let first = (reports?["reports"] as? [[String: Any]])?.first
    #expect(first?["title"] as? String == Self.title)
    let annotations = try JSONSerialization.jsonObject(with: Data(run.stdoutLines[2].utf8)) as? [[String: Any]]
    #expect(annotations?.first?["author"] as? String == Self.hostileAuthor)
  }
}
