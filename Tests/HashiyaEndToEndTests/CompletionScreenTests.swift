import AnnotatorTesting
import Foundation
import Testing

/// Tab at the real prompt: phrases of the report inside quotes, option values, handles with their
/// previews, attribute keys and values, and file names, all through readline.
@Suite struct CompletionScreenTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("completion.hashiya") }

  /// Imports the Arabic seed report as report 1.
  func prepare(_ commands: String = "") throws {
    let prepared = try hashiya.run([project, "--user", "tester", "-c", "import \(HashiyaBinary.seed)" + commands])
    #expect(prepared.status == 0, "\(prepared.stderr)")
  }

  /// The annotations of the project as `ls --all --json` gives them.
  func annotations() throws -> [[String: Any]] {
    let listed = try hashiya.json(project, "ls --all")
    #expect(listed.run.status == 0, "\(listed.run.stderr)")
    return listed.documents.first as? [[String: Any]] ?? []
  }

  /// Types `steps` at the prompt of the project, then quits; the session must end well and write
  /// no malformed escape sequence.
  func atPrompt(_ steps: [TerminalSession.Step], columns: Int = 200) throws -> TerminalSession.Result {
    let session = try TerminalSession.run(
      [project], in: hashiya.folder, steps: [.expect("hashiya #1> ")] + steps + [.type("quit\r"), .expect("bye")],
      columns: columns)
    #expect(session.failedStep == nil, "\(session.output)")
    #expect(session.status == 0, "\(session.output)")
    let malformed = EscapeSequences.malformed(in: session.output)
    #expect(malformed.isEmpty, "\(malformed)")
    return session
  }

  @Test func tabCompletesAPhraseOfTheReportAndClosesTheQuote() throws {
    try prepare()
    // Typed with a kasra the report does not have; the report's spelling goes in.
    _ = try atPrompt(
      [
        .type("speaker \"كِيفين كو\t"), .expect("كويثي\" "), .type("\r"), .expect("hashiya #1> "),
        .type("claim s2 ty\t"), .expect("type="), .type("st\t"), .expect("statistical "), .type("\r"),
        .expect("hashiya #1> "), .type("speaker «كويث\t"), .expect("كويثي» "), .type("\u{3}"), .expect("^C"),
        // A name the report quotes once comes whole from its first letters, as the issue's
        // keystroke count assumes: `speaker "كين` and Tab.
        .expect("hashiya #1> "), .type("speaker \"كين\t"), .expect("كينو كابرييل\" "), .type("\r"),
        .expect("hashiya #1> "),
      ], columns: 80)
    let made = try annotations()
    #expect(made.count == 3, "\(made)")
    #expect(made.contains { $0["quote"] as? String == "كينو كابرييل" }, "\(made)")
    let speaker = made.first { $0["label"] as? String == "speaker" && $0["quote"] as? String != "كينو كابرييل" }
    #expect(speaker?["quote"] as? String == "كيفين كويثي", "\(made)")
    let claim = made.first { $0["label"] as? String == "claim" }
    let attributes = claim?["attributes"] as? [String: Any]
    #expect(attributes?["type"] as? String == "statistical", "\(made)")
  }

  @Test func tabTwiceListsOptionValuesAndHandlesWithPreviews() throws {
    try prepare("; speaker \"كيفين كويثي\"; claim s2")
    let session = try atPrompt(
      [
        // On an empty line readline asks for no word: the commands list all the same.
        .type("\t\t"), .expect("whoami"), .type("\u{3}"), .expect("^C"), .expect("hashiya #1> "),
        .type("export --format \t\t"), .expect("labelstudio"), .type("\u{3}"), .expect("^C"),
        .expect("hashiya #1> "), .type("edit #\t\t"), .expect("claim-labeling/claim"), .type("\u{3}"),
        .expect("^C"), .expect("hashiya #1> "),
      ], columns: 80)
    for format in ["json", "jsonl", "w3c", "brat", "prodigy", "doccano", "html"] {
      #expect(session.output.contains(format), "\(format)")
    }
    #expect(session.output.contains("speaker-tagging/speaker"), "\(session.output)")
    #expect(session.output.contains("كيفين كويثي"), "\(session.output)")
    // Each preview is one line of the 80-column screen.
    let listed = session.output.split(whereSeparator: \.isNewline).filter {
      $0.contains("/speaker") || $0.contains("/claim")
    }
    #expect(listed.count == 2, "\(listed)")
    for line in listed {
      let visible = line.replacing(/\u{1B}\[[0-9;?]*[A-Za-z]/, with: "")
      #expect(visible.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint }.count <= 80, "\(line)")
    }
  }

  @Test func fileNamesStillCompleteWhereAFileGoes() throws {
    try prepare()
    _ = hashiya.write("other-team.hashiya", "")
    _ = try atPrompt([
      .type("merge --skip-bad other-t\t"), .expect("other-team.hashiya"), .type("\u{3}"), .expect("^C"),
      .expect("hashiya #1> "),
    ])
  }
}
