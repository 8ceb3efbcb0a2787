import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaAnnotating
import HashiyaModel
import HashiyaPlugins
import HashiyaStore
import Testing

@testable import HashiyaREPL

@Suite struct CompletionTests {
  /// Report 1: a name twice (once with a kasra), another with the same first word, an alef with hamza.
  static let report =
    "أكد “كيفين كويثي” نائب قائد العمليات في مدينة رميلان. وقال كيفين نو إن الأمن مستتب.\n"
    + "ثم التقى أحمد كِيفين كويثي مرة أخرى."

  let folder: TemporaryFolder
  let session: Session

  init() throws {
    folder = TemporaryFolder()
    let store = try ProjectStore.open(path: folder.path("completion.hashiya"))
    try store.importReports(author: "t", source: "t") {
      try $0.insert(NewReport(title: "r1", text: Self.report, language: "ar"))
      for n in 2...12 { try $0.insert(NewReport(title: "r\(n)", text: "نص \(n)", language: "ar")) }
    }
    _ = try store.admit("t")
    let catalog = LayerCatalog(plugins: BuiltinAnnotators.standard.map { LoadedPlugin(builtin: $0) }, failures: [])
    session = Session(store: store, user: "t", commandsFromStandardInput: false, catalog: catalog)
  }

  func complete(_ before: String, _ word: String) -> [String]? {
    Completion.candidates(lineBeforeWord: before, word: word, session: session)
  }

  /// Runs command lines as typed at the prompt; fails the test when one fails.
  func run(_ lines: String...) {
    var errors: [String] = []
    let runner = CommandRunner(session: session, json: false, style: TextStyle(colour: false), write: { _ in }) {
      errors.append($0)
    }
    for line in lines { runner.run(line: line) }
    #expect(errors.isEmpty, "\(errors)")
  }

  @Test func completesCommandsReportIdsLayersAndLabels() {
    #expect(complete("", "sho") == ["show"])
    #expect(complete("", "spe") == ["speaker"])
    #expect(complete("show ", "1") == ["1", "10", "11", "12"])
    #expect(complete("tag ", "cl") == ["claim-labeling"])
    #expect(complete("tag claim-labeling ", "") == ["claim", "claimant"])
    #expect(complete("ls --layer ", "tr") == ["translation-notes"])
    #expect(complete("whoami; help ", "agr") == ["agreement"])
    #expect(complete("import ", "pro") == nil)
    #expect(complete("plugin ", "") == ["info"])
    #expect(complete("plugin info ", "sp") == ["speaker-tagging"])
    #expect(complete("suggest ", "tr") == ["translation-notes"])
  }

  /// With the Arabic layout on, a command name completes from the Latin keys pressed.
  @Test func completesCommandNamesTypedOnTheArabicLayout() {
    #expect(complete("", "سح") == ["speaker"])
    #expect(complete("", "قث")?.contains("relabel") == true)
  }

  @Test func completesTheOptionsTheSynopsisNames() {
    let options = complete("ls ", "--") ?? []
    #expect(options == ["--layer", "--author", "--mine", "--label", "--all", "--flagged", "--deleted"])
    #expect(complete("export ", "--f") == ["--format"])
    #expect(complete("export --gold ", "--al") == ["--allow-open"])
    #expect(complete("whoami ", "--") == [])
  }

  @Test func everyOptionOfEverySynopsisCompletes() throws {
    let registry = session.registry
    var checked = 0
    for name in registry.allNames {
      let command = try #require(registry.command(named: name))
      let offered = Set(complete("\(name) ", "--") ?? [])
      for match in command.synopsis.matches(of: /--[a-z][a-z0-9-]*/) {
        #expect(offered.contains(String(match.output)), "\(name) \(match.output)")
        checked += 1
      }
    }
    #expect(checked > 40)
  }

  @Test func completesOptionValues() {
    #expect(
      complete("export --format ", "")
        == ["json", "jsonl", "w3c", "brat", "prodigy", "doccano", "labelstudio", "html"])
    #expect(complete("export --format ", "js") == ["json", "jsonl"])
    #expect(complete("reports --state ", "") == ["open", "in-review", "settled"])
    #expect(complete("reports --sort ", "t") == ["title"])
    #expect(complete("agreement --by ", "") == ["token", "span"])
    #expect(complete("export --offsets ", "") == ["all"])
    #expect(complete("export --layer ", "cl") == ["claim-labeling"])
    #expect(complete("ls --label ", "claima") == ["claimant"])
    #expect(complete("reports --page ", "") == [])
    #expect(complete("save --copy ", "ou") == nil)
    // A flag is not followed by a value: after it comes the command's argument.
    #expect(complete("merge --skip-bad ", "x") == nil)
  }

  @Test func completesAnnotatorsFromTheTeam() {
    run("team add ali annotator", "team add بشرى annotator")
    #expect(complete("ls --author ", "a") == ["ali"])
    #expect(complete("export --author ", "ب") == ["بشرى"])
    #expect(complete("assign 1-3 --to ", "ali,") == ["ali,t", "ali,ali", "ali,بشرى"])
    #expect(complete("accept ", "") == ["t", "ali", "بشرى"])
    #expect(complete("team rm ", "al") == ["ali"])
    #expect(complete("diff ali ", "t") == ["t"])
  }

  @Test func completesHandlesOfTheCurrentReportWithPreviews() throws {
    session.currentReportID = 2
    run("speaker s1")
    session.currentReportID = 1
    run("speaker \"كيفين كويثي\"#1", "claim s1 type=statistical")
    let result = try #require(Completion.complete("edit #", session: session))
    try #require(result.candidates.map(\.text) == ["#2", "#3"])
    #expect(result.candidates[0].preview.contains("speaker-tagging/speaker"))
    #expect(result.candidates[0].preview.contains("«كيفين كويثي»"))
    #expect(result.candidates[1].preview.contains("claim-labeling/claim"))
    #expect(complete("rm #2 ", "#") == ["#2", "#3"])
    #expect(complete("blame ", "#3") == ["#3"])
    #expect(complete("history ", "#9") == [])
    session.currentReportID = 2
    #expect(complete("link ", "#") == ["#1"])
  }

  @Test func aPreviewIsOneLineWhateverTheQuoteHolds() throws {
    session.currentReportID = 1
    let newline = Self.report.unicodeScalars.prefix { $0 != "\n" }.count
    run("note \(newline - 3)..\(newline + 3) \"then\"")
    let preview = try #require(Completion.complete("rm #", session: session)?.candidates.first?.preview)
    #expect(!preview.contains("\n") && !TerminalSafe.needsEscaping(BidiIsolation.removingIsolates(preview)))
    #expect(preview.contains("ثم"))
  }

  @Test func completesAttributesAndTheirValuesFromTheSchema() {
    run("show 1", "claim s1", "speaker \"كيفين كويثي\"#2")
    #expect(complete("speaker \"كيفين كويثي\" ", "") == ["name=", "role=", "affiliation="])
    #expect(complete("speaker \"كيفين كويثي\" ", "na") == ["name="])
    #expect(complete("claim s2 ", "type=st") == ["type=statistical"])
    #expect(complete("claim s2 type=statistical ", "verdict=m") == ["verdict=misleading", "verdict=mixed"])
    #expect(complete("tag claim-labeling claim s2 ", "ch") == ["checkworthiness="])
    #expect(complete("tag speaker-tagging quote s2 ", "mode=") == ["mode=direct", "mode=indirect"])
    #expect(complete("quote s2 ", "") == ["by"])
    #expect(complete("quote s2 by #2 ", "mo") == ["mode="])
    #expect(complete("edit #1 ", "") == ["type=", "checkworthiness=", "verdict=", "evidence="])
    #expect(complete("edit #2 ", "r") == ["role="])
    #expect(complete("relabel #1 ", "") == ["claim", "claimant"])
    #expect(complete("link #1 ", "") == ["claimed-by"])
    #expect(complete("link #2 ", "") == [])
    #expect(complete("link #9 ", "") == [])
    // `name=` waits for its value: no space after it.
    let key = Completion.complete("speaker s1 na", session: session)?.candidates
    #expect(key?.map(\.endsWord) == [false])
    #expect(complete("speaker s1 ", "colour=") == [])
  }

  @Test func completesPhrasesOfTheReportInsideQuotes() throws {
    session.currentReportID = 1
    // One word starting so: the report's spelling, and the quote closes.
    #expect(complete("speaker \"", "رمي") == ["رميلان\""])
    // Alef forms and tashkeel typed or not match the same words; the report's spelling is inserted.
    #expect(complete("speaker \"", "اكد") == ["أكد\""])
    #expect(complete("speaker \"", "الأمْن") == ["الأمن\""])
    #expect(complete("speaker \"", "كِيفِين ن") == ["كيفين نو\""])
    // The same words spelled two ways are two phrases; Tab keeps what was typed until they part.
    let both = try #require(Completion.complete("speaker \"كيفين ك", session: session))
    #expect(both.candidates.map(\.text) == ["كيفين كويثي", "كِيفين كويثي"])
    #expect(both.candidates.map(\.preview) == ["s1", "s3"])
    #expect(both.insertion == "كيفين ك")
    // Several words starting so: listed, and Tab adds what they share.
    let many = try #require(Completion.complete("speaker \"كي", session: session))
    #expect(many.candidates.map(\.text) == ["كيفين", "كِيفين"])
    #expect(Completion.complete("speaker \"م", session: session)?.insertion == "م")
    // «…» and “…” quote as "…" does, and close with their own closing quote.
    #expect(complete("speaker «", "رمي") == ["رميلان»"])
    #expect(complete("claim “", "مست") == ["مستتب”"])
    #expect(complete("tag speaker-tagging speaker \"", "رمي") == ["رميلان\""])
    #expect(complete("find \"", "رمي") == ["رميلان\""])
  }

  @Test func phrasesOnlyWhereASpanGoes() {
    session.currentReportID = 1
    #expect(complete("speaker s1 role=\"", "رمي") == [])
    #expect(complete("note s1 \"", "رمي") == [])
    #expect(complete("tag speaker-tagging \"", "رمي") == [])
    #expect(complete("comment \"", "رمي") == [])
    #expect(complete("speaker \"", "") == [])
    session.currentReportID = nil
    #expect(complete("speaker \"", "رمي") == [])
  }

  @Test func aQuotedPhraseWithSpacesIsOneWord() {
    let line = CompletionLine("tag l x \"a b\"#2 k=\"c d\"; speaker «كيفين ك")
    #expect(line.words == ["speaker"])
    #expect(line.word == "كيفين ك")
    #expect(line.closingQuote == "»")
    let escaped = CompletionLine("find \"say \\\"hi")
    #expect(escaped.unescapedWord == "say \"hi")
    #expect(CompletionLine("ls --layer x ").word == "")
  }

  @Test func listsCandidatesOneLineEachWithinTheTerminal() throws {
    let previewed = (1...30).map {
      CompletionCandidate(
        text: "#\($0)",
        preview: "speaker-tagging/speaker  "
          + BidiIsolation.isolate("«كيفين كويثي \u{1B}[2J طويل جدا جدا جدا جدا جدا جدا»"))
    }
    let lines = Completion.listing(previewed, columns: 40, lines: 10)
    #expect(lines.count == 10)
    #expect(lines.last == "… 21 more: type more to narrow")
    for line in lines {
      #expect(DisplayWidth.of(line) < 40)
      #expect(!line.contains("\u{1B}") && !line.contains("\n"))
    }
    let plain = (1...12).map { CompletionCandidate(text: "layer-\($0)") }
    let columns = Completion.listing(plain, columns: 80, lines: 20)
    #expect(columns.count == 2)
    #expect(columns[0].contains("layer-7") && columns[1].contains("layer-12"))
    #expect(columns.allSatisfy { DisplayWidth.of($0) < 80 })
  }
}
