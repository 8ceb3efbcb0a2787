import AnnotatorKit
import AnnotatorTesting
import Foundation
import GRDB
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// Merge as a team uses it: three people work on three copies of one project and merge pairwise
/// in any order and grouping. Every copy must end in the same state, whatever the order, with a
/// history that replays to that state.
///
/// The seeds run by default keep CI quick; `HASHIYA_MERGE_SEEDS=5000` runs more.
@Suite struct MergeConvergenceTests {
  static let seeds = Array(1...(ProcessInfo.processInfo.environment["HASHIYA_MERGE_SEEDS"].flatMap(Int.init) ?? 300))
  static let users = ["amal", "karim", "lina"]
  static let texts = [
    "قالَ المتحدثُ “كيفين كويثي” 👍🏽 إنّ 120 ألف مقاتل تدرّبوا.\r\nسطرٌ ثانٍ 🇸🇾 هنا",
    "The coalition said 𝔸 support continues.\r\nSecond line 👩‍👩‍👧 ends.",
  ]

  let folder = TemporaryFolder()

  /// The shared starting point, made once per test process: two reports and a few
  /// annotations, linked and reviewed.
  static let basePath: String = (try? makeBase()) ?? "the base project could not be made"

  static func makeBase() throws -> String {
    let path = TemporaryFolder.scratch() + "/base.hashiya"
    let store = try ProjectStore.open(path: path)
    try store.importReports(author: "lead", source: "seed") { inserter in
      for (index, text) in Self.texts.enumerated() {
        try inserter.insert(NewReport(uid: "r\(index + 1)", title: "report \(index + 1)", text: text, language: "ar"))
      }
    }
    // Everyone leads, so any of them may change anyone's annotations and the team itself.
    for user in ["lead"] + Self.users { try store.setMember(user, role: .lead, by: "lead") }
    var rng = SeededGenerator(seed: 7)
    try store.change(author: "lead") { changes in
      var made: [Annotation] = []
      for _ in 0..<4 { made.append(try changes.add(Self.randomAnnotation(&rng))) }
      try changes.link("said-by", from: made[0].id, to: made[1].id)
      try changes.review(made[2].id, verdict: .approve, comment: "تمام")
    }
    // The store closes as it goes out of scope, folding its log into the file that is copied.
    return path
  }

  /// Three copies of the base, one per user.
  func copies() throws -> [ProjectStore] {
    try Self.users.map { user in
      let path = folder.path("\(user).hashiya")
      try FileManager.default.copyItem(atPath: Self.basePath, toPath: path)
      return try ProjectStore.open(path: path)
    }
  }

  @Test(arguments: seeds) func randomTeamworkConverges(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed))
    let copies = try copies()
    for _ in 0..<40 {
      let index = Int.random(in: 0..<3, using: &rng)
      if Int.random(in: 0..<6, using: &rng) == 0 {
        let other = (index + Int.random(in: 1...2, using: &rng)) % 3
        _ = try merge(copies[other], into: copies[index])
      } else {
        try Self.act(on: copies[index], as: Self.users[index], &rng)
      }
    }
    // Two rounds over every ordered pair, in a shuffled order, bring every change everywhere.
    var pairs = (0..<3).flatMap { a in (0..<3).filter { $0 != a }.map { (a, $0) } }
    for _ in 0..<2 {
      pairs.shuffle(using: &rng)
      for (into, from) in pairs { _ = try merge(copies[from], into: copies[into]) }
    }
    let dumps = try copies.map(CanonicalDump.lines(of:))
    for other in 1...2 {
      // Compared apart from the message, which would otherwise print both whole dumps.
      let same = dumps[0] == dumps[other]
      #expect(same, "seed \(seed), copies 0 and \(other): \(CanonicalDump.firstDifference(dumps[0], dumps[other]))")
    }
    for copy in copies {
      try Self.expectHistoryMatchesState(copy, seed: seed)
      try Self.expectCommandsMatchTheLog(copy, seed: seed)
    }
  }

  /// The commands undo walks back through, as changes, undos, redos and merges listed them, are
  /// those the log itself holds: each batch with an undoable event, its author, its first such
  /// event and whether it is an undo, a redo or another change.
  static func expectCommandsMatchTheLog(_ store: ProjectStore, seed: Int) throws {
    let (listed, derived) = try store.read("commands") { db in
      (
        try Row.fetchAll(db, sql: "SELECT batch, author, firstEvent, kind FROM commands ORDER BY firstEvent"),
        try Row.fetchAll(
          db,
          sql: """
            SELECT batch, min(author), min(id),
              CASE min(action) WHEN 'undo' THEN 'undo' WHEN 'redo' THEN 'redo' ELSE 'change' END
            FROM events WHERE entity IN (\(EventSnapshot.undoableEntities)) GROUP BY batch ORDER BY min(id)
            """)
      )
    }
    #expect(!listed.isEmpty, "seed \(seed)")
    #expect(listed.map { Array($0.databaseValues) } == derived.map { Array($0.databaseValues) }, "seed \(seed)")
  }

  @Test func mergingTheSameFileTwiceChangesNothing() throws {
    var rng = SeededGenerator(seed: 11)
    let copies = try copies()
    for _ in 0..<15 { try Self.act(on: copies[1], as: "karim", &rng) }
    for _ in 0..<15 { try Self.act(on: copies[0], as: "amal", &rng) }
    let first = try merge(copies[1], into: copies[0])
    #expect(first.changedAnything)
    let after = try CanonicalDump.lines(of: copies[0])
    let second = try merge(copies[1], into: copies[0])
    #expect(!second.changedAnything)
    #expect(second.conflicts.isEmpty)
    let again = try CanonicalDump.lines(of: copies[0])
    let same = again == after
    #expect(same, "\(CanonicalDump.firstDifference(again, after))")
  }

  @Test(arguments: [3, 5, 8]) func mergingEitherWayGivesTheSameProject(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed))
    let copies = try copies()
    for _ in 0..<20 { try Self.act(on: copies[0], as: "amal", &rng) }
    for _ in 0..<20 { try Self.act(on: copies[1], as: "karim", &rng) }
    // Each side merges a snapshot of the other as it was before either merge.
    let snapshots = try copies[0...1].enumerated().map { index, copy in
      let path = folder.path("snapshot-\(index).hashiya")
      try copy.saveCopy(to: path)
      return try ProjectStore.open(path: path)
    }
    _ = try merge(snapshots[1], into: copies[0])
    _ = try merge(snapshots[0], into: copies[1])
    let (a, b) = (try CanonicalDump.lines(of: copies[0]), try CanonicalDump.lines(of: copies[1]))
    let same = a == b
    #expect(same, "\(CanonicalDump.firstDifference(a, b))")
  }

  @Test func groupingDoesNotMatter() throws {
    var rng = SeededGenerator(seed: 21)
    let copies = try copies()
    for (index, user) in Self.users.enumerated() {
      for _ in 0..<15 { try Self.act(on: copies[index], as: user, &rng) }
    }
    let frozen = try copies.enumerated().map { index, copy in
      let path = folder.path("frozen-\(index).hashiya")
      try copy.saveCopy(to: path)
      return path
    }
    func fresh(_ index: Int, _ name: String) throws -> ProjectStore {
      let path = folder.path(name)
      try FileManager.default.copyItem(atPath: frozen[index], toPath: path)
      return try ProjectStore.open(path: path)
    }
    // (A + B) + C
    let left = try fresh(0, "left-a.hashiya")
    _ = try merge(try fresh(1, "left-b.hashiya"), into: left)
    _ = try merge(try fresh(2, "left-c.hashiya"), into: left)
    // A + (B + C)
    let bc = try fresh(1, "right-b.hashiya")
    _ = try merge(try fresh(2, "right-c.hashiya"), into: bc)
    let right = try fresh(0, "right-a.hashiya")
    _ = try merge(bc, into: right)
    let (l, r) = (try CanonicalDump.lines(of: left), try CanonicalDump.lines(of: right))
    let same = l == r
    #expect(same, "\(CanonicalDump.firstDifference(l, r))")
  }

  // MARK: Helpers

  func merge(_ other: ProjectStore, into store: ProjectStore) throws -> MergeOutcome {
    try store.merge(from: ProjectStore.openReadOnly(path: other.path), author: "merger")
  }

  static func randomAnnotation(_ rng: inout SeededGenerator) -> NewAnnotation {
    let report = Int.random(in: 0..<texts.count, using: &rng)
    let scalars = Array(texts[report].unicodeScalars)
    let start = Int.random(in: 0..<(scalars.count - 1), using: &rng)
    let end = Int.random(in: (start + 1)...min(scalars.count, start + 9), using: &rng)
    var quote = String.UnicodeScalarView()
    quote.append(contentsOf: scalars[start..<end])
    let label = ["speaker", "quote"].randomElement(using: &rng) ?? "speaker"
    return NewAnnotation(
      reportID: report + 1, layer: "speaker-tagging", label: label, range: TextRange(start, end),
      quote: String(quote), attributes: randomAttributes(&rng))
  }

  static func randomAttributes(_ rng: inout SeededGenerator) -> JSONObject {
    var attributes = JSONObject()
    for key in ["role", "name", "tone"] where Bool.random(using: &rng) {
      attributes[key] = randomValue(&rng)
    }
    return attributes
  }

  static func randomValue(_ rng: inout SeededGenerator) -> JSONValue {
    [.string("قائد"), .string("نائبٌ"), .string("👍🏽"), .int(3), .bool(true), .string("x")].randomElement(using: &rng)
      ?? .null
  }

  /// One random action of `user` on `store`; an action the store refuses (an undo blocked by
  /// someone else's change) is simply not taken, as a user would move on.
  /// A lead adds, changes or removes a member (named in different cases, to meet the same row
  /// under two spellings), or sets a layer blind.
  static func changeTeam(_ store: ProjectStore, as user: String, _ rng: inout SeededGenerator) throws {
    let name = ["nour", "Nour", "سامي", "سامِي"].randomElement(using: &rng) ?? "nour"
    switch Int.random(in: 0..<4, using: &rng) {
    case 0: try store.setMember(name, role: .annotator, by: user)
    case 1: try store.setMember(name, role: .lead, by: user)
    case 2: _ = try? store.removeMember(name, by: user)
    default:
      try store.setBlind(Bool.random(using: &rng), layer: Bool.random(using: &rng) ? nil : "speaker-tagging", by: user)
    }
  }

  static func act(on store: ProjectStore, as user: String, _ rng: inout SeededGenerator) throws {
    let active = try store.annotations(AnnotationFilter()).filter { $0.status == .active }
    let target = active.randomElement(using: &rng)
    if Int.random(in: 0..<10, using: &rng) == 0 {
      try changeTeam(store, as: user, &rng)
      return
    }
    switch Int.random(in: 0..<13, using: &rng) {
    case 0, 1:
      _ = try store.change(author: user) { try $0.add(randomAnnotation(&rng)) }
    case 2, 3, 4:
      guard let target else { return }
      var attributes = target.attributes
      let key = ["role", "name", "tone"].randomElement(using: &rng) ?? "role"
      if Bool.random(using: &rng) {
        attributes[key] = randomValue(&rng)
      } else {
        attributes[key] = nil
      }
      _ = try store.change(author: user) { try $0.update(target.id, attributes: attributes) }
    case 5:
      guard let target else { return }
      let label = target.label == "speaker" ? "quote" : "speaker"
      _ = try store.change(author: user) { try $0.update(target.id, label: label) }
    case 6:
      guard let target else { return }
      _ = try store.change(author: user) { try $0.delete(target.id) }
    case 7:
      _ = try? store.undo(author: user)
    case 8:
      _ = try? store.redo(author: user)
    case 9:
      // Links join two annotations of one report, as the write path insists.
      guard let target,
        let other = active.filter({ $0.reportID == target.reportID && $0.id != target.id }).randomElement(using: &rng)
      else { return }
      _ = try store.change(author: user) { try $0.link("said-by", from: target.id, to: other.id) }
    case 10:
      guard let target else { return }
      try store.change(author: user) { changes in
        try changes.review(target.id, verdict: .flag, comment: "راجِع \(user)")
        try changes.withdrawReviewDecisions(reportID: target.reportID, layer: target.layer, sources: [target.uuid])
        try changes.recordReviewDecision(
          ReviewDecision(
            reportID: target.reportID, layer: target.layer, range: target.range, outcome: .accepted,
            annotationID: target.id, sources: [target.uuid], comment: "by \(user)", reviewer: user))
        try changes.setReviewUnits(
          reportID: target.reportID, layer: target.layer, units: Int.random(in: 1...3, using: &rng))
      }
    case 11:
      try actOnAssignments(store, as: user, &rng)
    default:
      guard let target else { return }
      try store.change(author: user) { changes in
        try changes.recordDecision(
          SuggestionDecision(
            reportID: target.reportID, layer: target.layer, label: target.label, range: target.range,
            verdict: Bool.random(using: &rng) ? .accepted : .rejected), origin: "suggested:test@1")
      }
    }
  }

  /// Assigns a report to someone, takes a report's assignments back, or marks one of the
  /// user's assignments done or open again.
  static func actOnAssignments(_ store: ProjectStore, as user: String, _ rng: inout SeededGenerator) throws {
    let report = Int.random(in: 1...texts.count, using: &rng)
    let layer = ["", "speaker-tagging"].randomElement(using: &rng) ?? ""
    switch Int.random(in: 0..<5, using: &rng) {
    case 0, 1:
      let annotator = users.randomElement(using: &rng) ?? user
      try store.assign([(reportID: report, annotators: [annotator])], layer: layer, by: user, record: [:])
    case 2:
      try store.clearAssignments(reportIDs: [report], layer: layer, by: user)
    default:
      _ = try? store.setDone(Bool.random(using: &rng), reportID: report, annotator: user, layer: layer)
    }
  }

  /// Each annotation's label, status and attributes are what replaying its events in the
  /// merge's order gives: the latest change of each field.
  static func expectHistoryMatchesState(_ store: ProjectStore, seed: Int) throws {
    for annotation in try store.annotations(AnnotationFilter(includeDeleted: true)) {
      let events = try store.events(entity: "annotation", entityID: annotation.uuid)
        .sorted { ($0.at, $0.author, $0.uuid) < ($1.at, $1.author, $1.uuid) }
      var label: String?
      var status: String?
      var attributes: [String: JSONValue] = [:]
      for event in events {
        guard let after = try event.after.map({ try JSONParser.parse($0) }) else { continue }
        let before = try event.before.map { try JSONParser.parse($0) }
        if before?["label"] != after["label"] { label = after["label"]?.stringValue }
        if before?["status"] != after["status"] { status = after["status"]?.stringValue }
        let old = before?["attributes"]?.objectValue ?? JSONObject()
        let new = after["attributes"]?.objectValue ?? JSONObject()
        for key in Set(old.keys).union(new.keys) where old[key] != new[key] {
          if let value = new[key] { attributes[key] = value } else { attributes.removeValue(forKey: key) }
        }
      }
      let what = "seed \(seed), \(store.path) #\(annotation.id)"
      #expect(label == annotation.label, "\(what)")
      #expect(status == annotation.status.rawValue, "\(what)")
      let stored = Dictionary(annotation.attributes.pairs.map { ($0.key, $0.value) }) { _, last in last }
      #expect(attributes == stored, "\(what)")
    }
  }
}
