import AnnotatorKit
import GRDB

@testable import HashiyaModel
@testable import HashiyaStore

/// A project's state written out without anything local to its file: rows are named by UUID
/// (reports by uid), attributes with sorted keys, the event log as a set, and the open merge
/// conflicts. Two copies that have converged dump identically.
enum CanonicalDump {
  static func lines(of store: ProjectStore) throws -> [String] {
    var lines = try store.read("dump") { db in
      var lines: [String] = []
      func add(_ table: String, _ sql: String) throws {
        for row in try Row.fetchAll(db, sql: sql) {
          let values = row.databaseValues.map { $0.description }
          lines.append(table + " " + values.joined(separator: " | "))
        }
      }
      try add("report", "SELECT uid, sha256, title, importedBy FROM reports")
      try add("layer", "SELECT id, version, schema FROM plugins")
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT a.uuid, r.uid, a.layer, a.label, a.start, a."end", a.quote, a.attributes, a.author, a.origin,
            a.status, a.createdAt, a.updatedAt, a.provenance
          FROM annotations a JOIN reports r ON r.id = a.reportId
          """)
      {
        var values = Array(row.databaseValues.map { $0.description })
        values[7] = sortedObject(row["attributes"])
        lines.append("annotation " + values.joined(separator: " | "))
      }
      try add(
        "link",
        """
        SELECT l.uuid, l.type, f.uuid, t.uuid, l.author, l.status, l.createdAt FROM links l
        JOIN annotations f ON f.id = l.fromId JOIN annotations t ON t.id = l.toId
        """)
      try add(
        "review",
        """
        SELECT v.uuid, a.uuid, v.reviewer, v.verdict, v.comment, v.createdAt FROM reviews v
        JOIN annotations a ON a.id = v.annotationId
        """)
      try add(
        "decision",
        """
        SELECT d.uuid, r.uid, d.layer, d.start, d."end", d.decision, a.uuid, d.sources, d.comment, d.reviewer,
          d.decidedAt, d.status
        FROM reviewDecisions d JOIN reports r ON r.id = d.reportId LEFT JOIN annotations a ON a.id = d.annotationId
        """)
      try add(
        "state",
        "SELECT r.uid, s.layer, s.state, s.units, s.updatedAt FROM reviewState s JOIN reports r ON r.id = s.reportId")
      try add(
        "suggestion",
        """
        SELECT r.uid, s.layer, s.label, s.start, s."end", s.decision, s.origin, s.author, s.decidedAt
        FROM suggestionDecisions s JOIN reports r ON r.id = s.reportId
        """)
      try add(
        "assignment",
        """
        SELECT r.uid, a.layer, a.annotator, a.assignedBy, a.assignedAt, a.doneAt
        FROM assignments a JOIN reports r ON r.id = a.reportId
        """)
      try add(
        "removal",
        """
        SELECT r.uid, m.layer, m.annotator, m.removedBy, m.removedAt
        FROM assignmentRemovals m JOIN reports r ON r.id = m.reportId
        """)
      try add("member", "SELECT name, folded, role, status, addedBy, updatedAt FROM team")
      try add("setting", "SELECT key, value FROM meta WHERE key = 'blind' OR key LIKE 'blind:%'")
      // A merge's own record stays in the file that made it; every other event is shared.
      try add(
        "event",
        """
        SELECT e.uuid, e.at, e.author, e.action, e.entity, e.entityId, e.before, e.after, v.uuid, e.batch
        FROM events e LEFT JOIN events v ON v.id = e.reverts WHERE e.action <> 'merge'
        """)
      return lines
    }
    lines += try store.openConflicts().map { "conflict \($0.entityUUID) \($0.field) \($0.keptValue ?? "-")" }
    return lines.sorted()
  }

  private static func sortedObject(_ text: String?) -> String {
    guard let text, let object = (try? JSONParser.parse(text))?.objectValue else { return text ?? "NULL" }
    return JSONWriter.string(.object(JSONObject(object.pairs.sorted { $0.key < $1.key })))
  }

  /// The first line where two dumps differ, for a failure message.
  static func firstDifference(_ a: [String], _ b: [String]) -> String {
    for (x, y) in zip(a, b) where x != y { return "\(x)\n  vs\n\(y)" }
    return "one dump has \(a.count) lines, the other \(b.count)"
  }
}
