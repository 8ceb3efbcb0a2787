import AnnotatorTesting
import Foundation
import Testing

/// The keystroke table of docs/keyboard.md, typed key for key at a terminal with the Arabic layout
/// on: two speakers, two quotes, two claims and three translation notes on the seed report, then
/// suggestions decided in triage one key each.
@Suite struct KeystrokeTableTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("keys.hashiya") }

  /// Each line as typed: "⇥" is Tab, "⏎" Enter; everything else one key on the Arabic layout,
  /// except the quoted English of a note, typed on the Latin one.
  static let lines = [
    "سح⇥\"كيف⇥⏎",  // speaker "كيفين كويثي"
    "سح⇥\"كين⇥⏎",  // speaker "كينو كابرييل"
    "ضعخ⇥س١٠ز٥- ⇥#٢⏎",  // quote s10.5- by #2
    "ضعخ⇥س٩ز١٩- ⇥#٢⏎",  // quote s9.19- by #2
    "ؤم⇥س٥ز٢٩+٢⏎",  // claim s5.29+2
    "ؤم⇥س٧ز١١+٢⏎",  // claim s7.11+2
    "ىخ⇥س٥ز١٣ \"SDF\"⏎",  // note s5.13 "SDF"
    "ىخ⇥س٦ز٩+١ \"sleeper cells\"⏎",  // note s6.9+1 "sleeper cells"
    "ىخ⇥س١١ز٢٦+١ \"Autonomous Administration\"⏎",  // note s11.26+1 "Autonomous Administration"
  ]

  @Test func theTableIsWhatTheKeysDo() throws {
    let prepared = try hashiya.run([project, "--user", "tester", "-c", "import \(HashiyaBinary.seed)"])
    #expect(prepared.status == 0, "\(prepared.stderr)")
    var steps: [TerminalSession.Step] = [.expect("hashiya #1> ")]
    for line in Self.lines {
      steps += [
        .type(line.replacingOccurrences(of: "⇥", with: "\t").replacingOccurrences(of: "⏎", with: "\r")),
        .expect("hashiya #1> "),
      ]
    }
    steps += [.type("quit\r"), .expect("bye")]
    let session = try TerminalSession.run([project], in: hashiya.folder, steps: steps, columns: 80)
    #expect(session.failedStep == nil, "\(session.output)")
    #expect(!session.output.contains("error:"), "\(session.output)")
    let listed = try hashiya.run([project, "--json", "-c", "ls"])
    let made = (try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? [])
      .sorted { ($0["handle"] as? Int ?? 0) < ($1["handle"] as? Int ?? 0) }
    let quotes = made.map { "\($0["label"] ?? "") \($0["quote"] ?? "")" }
    #expect(
      quotes == [
        "speaker كيفين كويثي", "speaker كينو كابرييل",
        "quote لكن هذا ليس حلاً نهائياً للمشكلة، ونحن نطرح بشكل مستمر في جميع اللقاءات إيجاد حل لهذه القضية بشكل كامل، من خلال إقامة محكمة دولية، على الأراضي السورية لمحاكمة إرهابيي داعش على جرائمهم التي ارتكبوها",
        "quote إنّهم يتلقون الدعم بأشكال مختلفة من التحالف الدولي، مشيراً إلى أنّ هذا الدعم يساعد إلى حدّ ما في تأمين الحماية التي تقوم بها قسد للمنشآت التي تأوي إرهابيي داعش وأفراد عائلاتهم",
        "claim 120 ألف مقاتل", "claim ثمانية ملايين شخص", "note قسد", "note الخلايا النائمة", "note الإدارة الذاتية",
      ], "\(quotes)")
    // Both quotes are said by كينو كابرييل (#2).
    let links = made.filter { $0["label"] as? String == "quote" }.compactMap {
      ($0["links"] as? [[String: Any]])?.first
    }
    #expect(links.count == 2 && links.allSatisfy { $0["to"] as? Int == 2 }, "\(links)")
    // The counts in the table: at most 15 keys for each span with its command, English aside.
    for line in Self.lines {
      // A note's English is content, typed on the Latin layout: counted apart.
      let keys = line.hasPrefix("ىخ") ? line.prefix { $0 != "\"" }.count : line.count
      #expect(keys <= 15, "\(line): \(keys) keys")
    }
  }

  /// In triage each suggestion takes one key; the walk starts with four.
  @Test func triageDecidesEachSuggestionWithOneKey() throws {
    _ = try hashiya.run([project, "--user", "tester", "-c", "import \(HashiyaBinary.seed)"])
    let session = try TerminalSession.run(
      [project], in: hashiya.folder,
      steps: [
        .expect("hashiya #1> "), .type("فق\t\r"), .expect(" · 0 accepted"), .type("a"),
        .expect(" · 1 accepted"), .type("a"), .expect(" · 2 accepted"), .type("x"), .expect("1 rejected"),
        .type("q"), .expect("triage: 2 accepted, 1 rejected"), .expect("hashiya #1> "), .type("quit\r"),
        .expect("bye"),
      ], columns: 80)
    #expect(session.failedStep == nil, "\(session.output)")
  }
}
