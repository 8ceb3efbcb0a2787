import Foundation
import Testing

/// What an Arabic keyboard types, end to end: «…», “…” and „…“ as span quotes, Arabic-Indic and
/// Eastern Arabic-Indic digits in every number, ؛ between commands, ، in lists, and a span typed
/// with a double space.
@Suite struct ArabicKeyboardTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("keyboard.hashiya") }

  /// Each annotation `ls --json` lists, as (label, quote, attributes).
  func annotations() throws -> [(label: String, quote: String, attributes: [String: Any])] {
    let listed = try hashiya.run([project, "--json", "-c", "ls"])
    let array = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
    return array.sorted { ($0["handle"] as? Int ?? 0) < ($1["handle"] as? Int ?? 0) }.map {
      ($0["label"] as? String ?? "", $0["quote"] as? String ?? "", $0["attributes"] as? [String: Any] ?? [:])
    }
  }

  @Test func everyQuoteStyleAndDigitSystemWorksInCommands() throws {
    let run = try hashiya.run([
      project, "--user", "tester", "-c",
      "import \(HashiyaBinary.seed)؛ show ١؛ speaker «كيفين  كويثي»؛ claim s٧.١١-١٢ checkworthiness=٥؛ "
        + "note „قسد“#١ “SDF”؛ speaker s۹.۳+۱",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let made = try annotations()
    #expect(made.map(\.quote) == ["كيفين كويثي", "ثمانية ملايين", "قسد", "كينو كابرييل"], "\(made)")
    #expect(made[1].attributes["checkworthiness"] as? Int == 5)
    #expect(made[2].attributes["translation"] as? String == "SDF")
  }

  @Test func suggestionNumbersTakeArabicDigitsAndCommas() throws {
    let run = try hashiya.run([
      project, "--user", "tester", "-c", "import \(HashiyaBinary.seed)؛ suggest speaker-tagging؛ accept ١،٣",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try annotations().count == 2)
  }

  /// With the Arabic layout on, the Latin command names and SPAN marks are typed on the same
  /// keys: no switch of layout for a whole annotation.
  @Test func commandsTypedWithTheArabicLayoutOn() throws {
    let run = try hashiya.run([
      project, "--user", "tester", "-c",
      "import \(HashiyaBinary.seed)؛ سحثشنثق س٤ز٣+١؛ ضعخفث س٤ز٢٨+٥ لاغ #١؛ مس",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let made = try annotations()
    #expect(made.map(\.label) == ["speaker", "quote"], "\(made)")
    #expect(made.first?.quote == "كيفين كويثي")
    // A word that is neither a command nor the keys of one is refused as before.
    let unknown = try hashiya.run([project, "--user", "tester", "-c", "كويثي"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("unknown command"), "\(unknown.stderr)")
  }
}
