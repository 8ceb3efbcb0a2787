import AnnotatorTesting
import Foundation
import Testing

/// The screen a person sees at the prompt: colour codes whole around Arabic, isolates kept on a
/// terminal for the runs to order, columns that line up.
@Suite struct TerminalScreenTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("screen.hashiya") }

  @Test func findSearchAndListAtThePromptWriteWholeEscapeSequences() throws {
    let prepared = try hashiya.run([
      project, "--user", "tester", "-c", "import \(HashiyaBinary.seed); show 1; speaker \"كيفين كويثي\"",
    ])
    #expect(prepared.status == 0, "\(prepared.stderr)")
    let session = try TerminalSession.run(
      [project], in: hashiya.folder,
      steps: [
        .expect("hashiya #1> "), .type("find كويثي\r"), .expect("hashiya #1> "), .type("search قسد\r"),
        .expect("hashiya #1> "), .type("ls\r"), .expect("hashiya #1> "), .type("quit\r"), .expect("bye"),
      ])
    #expect(session.failedStep == nil, "\(session.output)")
    #expect(session.status == 0, "\(session.output)")
    let malformed = EscapeSequences.malformed(in: session.output)
    #expect(malformed.isEmpty, "\(malformed)")
    // The match is highlighted, and a terminal keeps the isolates.
    #expect(session.output.contains("\u{1B}[7m"), "\(session.output)")
    #expect(session.output.contains("\u{2068}"))
  }

  /// Output taller than the screen (the pseudo-terminal has 40 rows) goes through the pager;
  /// a short answer does not, and batch output never does.
  @Test func longOutputAtThePromptGoesThroughThePager() throws {
    _ = try hashiya.run([project, "-c", "import \(HashiyaBinary.seed)"])
    let session = try TerminalSession.run(
      [project], in: hashiya.folder,
      steps: [
        .expect("hashiya #1> "), .type("help\r"), .expect("hashiya #1> "), .type("whoami\r"),
        .expect("tester on"), .expect("hashiya #1> "), .type("quit\r"), .expect("bye"),
      ],
      environment: ["PAGER": "sed 's/^/paged: /'"])
    #expect(session.failedStep == nil, "\(session.output)")
    #expect(session.output.contains("paged: help COMMAND"), "\(session.output)")
    #expect(!session.output.contains("paged: tester on"), "\(session.output)")
    let batch = try hashiya.run([project, "-c", "help"], environment: ["PAGER": "sed 's/^/paged: /'"])
    #expect(!batch.stdout.contains("paged:"))
  }
}
