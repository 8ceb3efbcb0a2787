import AnnotatorKit
import HashiyaModel

/// What one change did to annotations, as teammates hear of it: counts per action and report.
///
/// It travels as a NOTIFY payload sent once the change has committed, in a statement of its
/// own: a NOTIFY inside the change would hold PostgreSQL's notification lock through the
/// change's commit, so every teammate's commit would wait for the one before it to reach the
/// disk; its own commit does not wait for the disk either (`notifyWithoutFlush`). Sessions on
/// the same database hear it; a session that dies between the two never sends it, and teammates
/// still see the change on their next command.
struct PostgresActivity {
  /// The channel every session of a project listens on.
  static let channel = "hashiya_changes"

  let author: String
  private var counts: [String: Int] = [:]
  private var reports: [Int] = []

  init(author: String) { self.author = author }

  mutating func count(_ action: String, report: Int) {
    counts[action, default: 0] += 1
    if !reports.contains(report) { reports.append(report) }
  }

  /// Sends the announcement, after the change committed; nothing when it wrote no annotation.
  /// An announcement that cannot be sent is dropped: the change itself is saved.
  func announce(on connection: PostgresConnection) {
    guard !counts.isEmpty else { return }
    _ = try? connection.notifyWithoutFlush(channel: Self.channel, payload: payload)
  }

  /// The announcement as sent: the author, counts per action and the first reports.
  var payload: String {
    JSONWriter.string(
      .object([
        "author": .string(author),
        "counts": .object(JSONObject(counts.sorted { $0.key < $1.key }.map { (key: $0.key, value: .int($0.value)) })),
        "reports": .array(reports.prefix(5).map { .int($0) }),
      ]))
  }

  private static let verbs = [
    ("create", "added"), ("update", "edited"), ("delete", "deleted"), ("undo", "undid"),
    ("redo", "redid"),
  ]

  /// The sentence a payload stands for ("karim added 3 annotations to #12"); nil for one that
  /// does not parse. The author's name is data: whoever prints it escapes it.
  static func sentence(_ payload: String) -> String? {
    guard let object = (try? JSONParser.parse(payload))?.objectValue,
      let author = object["author"]?.stringValue, let counts = object["counts"]?.objectValue
    else { return nil }
    let parts = verbs.compactMap { action, verb -> String? in
      guard let count = counts[action]?.intValue, count > 0 else { return nil }
      return "\(verb) \(count) annotation\(count == 1 ? "" : "s")"
    }
    guard !parts.isEmpty else { return nil }
    let reports = (object["reports"]?.arrayValue ?? []).compactMap(\.intValue).map { "#\($0)" }
    let place = reports.isEmpty ? "" : (parts.count == 1 && parts[0].hasPrefix("added") ? " to " : " on ")
    return "\(author) \(parts.joined(separator: ", "))\(place)\(reports.joined(separator: ", "))"
  }
}

extension PostgresProjectStore {
  /// Teammates' changes announced since the last call, newest last; never waits.
  public func teammateActivity() -> [String] {
    lock.lock()
    defer { lock.unlock() }
    guard let heard = try? connection.notifications(waitingUpTo: 0) else { return [] }
    return heard.filter { $0.senderProcessID != backendProcess }.compactMap { PostgresActivity.sentence($0.payload) }
  }
}
