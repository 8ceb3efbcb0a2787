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

  /// At 80 and 160 columns, as a fact-checker's terminal is: every line fits the width, no
  /// Arabic word is cut across lines, every line opens and closes its own isolates, and a
  /// table's columns line up even where its cells fold.
  @Test(arguments: [80, 160])
  func theScreenFitsTheTerminalWidth(columns: Int) throws {
    let prepared = try hashiya.run([
      project, "--user", "tester", "-c",
      "import \(HashiyaBinary.seed); speaker \"كيفين كويثي\"; claim s4; speaker s5.11 name=\"قوات سورية الديمقراطية\"",
    ])
    #expect(prepared.status == 0, "\(prepared.stderr)")
    let session = try TerminalSession.run(
      [project], in: hashiya.folder,
      steps: [
        .expect("hashiya #1> "), .type("show 1 --tokens\r"), .expect("hashiya #1> "), .type("ls\r"),
        .expect("hashiya #1> "), .type("suggest\r"), .expect("hashiya #1> "), .type("find الدولي\r"),
        .expect("hashiya #1> "), .type("quit\r"), .expect("bye"),
      ],
      environment: ["PAGER": "cat"], columns: columns)
    #expect(session.failedStep == nil, "\(session.output)")
    #expect(EscapeSequences.malformed(in: session.output).isEmpty)
    let lines = ScreenText.lines(session.output)
    let tooWide = lines.filter { ScreenText.width($0) > columns }
    #expect(tooWide.isEmpty, "\(tooWide)")
    // Each line of output is a paragraph of its own to the terminal's bidi: isolates balance.
    for line in session.output.components(separatedBy: "\r\n") {
      let opens = line.unicodeScalars.filter { ("\u{2066}"..."\u{2068}").contains($0) }.count
      #expect(opens == line.unicodeScalars.filter { $0 == "\u{2069}" }.count, "\(line)")
    }
    // Every run of Arabic letters on the screen is a whole word of what the same commands print
    // unfolded to a file.
    let unfolded = try hashiya.run([project, "-c", "show 1 --tokens; ls; suggest; find الدولي"])
    let words = Set(Self.arabicWords(unfolded.stdout))
    let cut = lines.flatMap(Self.arabicWords).filter { !words.contains($0) }
    #expect(cut.isEmpty, "\(cut)")
    // The author column of ls starts at one column on every row.
    let header = try #require(lines.firstIndex { $0.contains("layer/label") && $0.contains("author") })
    let rows = lines[header...].prefix { !$0.hasPrefix("hashiya") }.filter {
      $0.contains("tester") || $0.contains("author")
    }
    let columnsOfAuthor = rows.compactMap { line in
      (line.range(of: "tester") ?? line.range(of: "author")).map { ScreenText.width(String(line[..<$0.lowerBound])) }
    }
    #expect(columnsOfAuthor.count == 4 && Set(columnsOfAuthor).count == 1, "\(rows)")
    if columns == 80 {
      // Folded, not cut: the long sentence s4 takes more than one line.
      let s4 = try #require(lines.firstIndex { $0.hasPrefix("s4 ") })
      #expect(lines[s4 + 1].hasPrefix("    ") && !lines[s4 + 1].contains(":"), "\(lines[s4...].prefix(3))")
    }
  }

  /// Maximal runs of Arabic letters and marks in `text`.
  static func arabicWords(_ text: String) -> [String] {
    var words: [String] = []
    var word = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let isArabicLetter =
        (0x0621...0x064A).contains(scalar.value) || (0x064B...0x065F).contains(scalar.value)
        || (0x0671...0x06D3).contains(scalar.value) || scalar.value == 0x0670
      if isArabicLetter {
        word.append(scalar)
      } else if !word.isEmpty {
        words.append(String(word))
        word = String.UnicodeScalarView()
      }
    }
    if !word.isEmpty { words.append(String(word)) }
    return words
  }

  /// Spans by token marks, typed as an Arabic keyboard gives them, and +1 at the prompt.
  @Test func spansByTokenMarksAndPlusOneAtThePrompt() throws {
    _ = try hashiya.run([project, "--user", "tester", "-c", "import \(HashiyaBinary.seed)"])
    let session = try TerminalSession.run(
      [project], in: hashiya.folder,
      steps: [
        .expect("hashiya #1> "), .type("speaker s٤.٣\r"), .expect("«كيفين»"), .expect("hashiya #1> "),
        .type("+1\r"), .expect("#2 replaces #1"), .expect("hashiya #1> "), .type("quit\r"), .expect("bye"),
      ],
      columns: 80)
    #expect(session.failedStep == nil, "\(session.output)")
    let listed = try hashiya.run([project, "--json", "-c", "ls"])
    #expect(listed.stdout.contains("\"quote\":\"كيفين كويثي\""), "\(listed.stdout)")
    #expect(!listed.stdout.contains("\"quote\":\"كيفين\""))
  }
}
