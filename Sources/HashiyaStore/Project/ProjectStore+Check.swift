import AnnotatorKit
import Crypto
import Foundation
import GRDB
import HashiyaModel

extension ProjectStore {
  /// Checks the whole file, like `git fsck`: SQLite's integrity check, then every invariant
  /// Hashiya keeps. Reads only; an empty list means the project is sound.
  ///
  /// Unlike ordinary reads, which stop at the first damaged row, this goes on and lists them all,
  /// up to `limit` problems.
  public func check(limit: Int = 1000) throws(StoreError) -> [ProjectProblem] {
    try read("check the project") { db in
      var problems = ProblemList(limit: limit)
      // A page SQLite cannot read stops only the part of the check that reads it.
      problems.attempt(.file, "the file") { try Self.checkSQLite(db, into: &$0) }
      problems.attempt(.schema, "the schema") { try Self.checkSchema(db, into: &$0) }
      problems.attempt(.file, "the columns") { try Self.checkColumnTypes(db, into: &$0) }
      var layers: [String: LayerSchema] = [:]
      problems.attempt(.layer, "the layers") { layers = try Self.checkLayers(db, into: &$0) }
      problems.attempt(.report, "the reports") { try Self.checkReports(db, layers: layers, into: &$0) }
      problems.attempt(.link, "the links") { try Self.checkLinks(db, into: &$0) }
      problems.attempt(.event, "the event log") { try Self.checkEvents(db, into: &$0) }
      problems.attempt(.index, "the search index") { try Self.checkSearchIndex(db, into: &$0) }
      return problems.items
    }
  }

  /// SQLite's own view: page structure, indexes matching their tables, and foreign keys.
  private static func checkSQLite(_ db: Database, into problems: inout ProblemList) throws {
    for result in try String.fetchAll(db, sql: "PRAGMA integrity_check(100)") where result != "ok" {
      for line in result.split(separator: "\n") where !line.hasPrefix("*** ") {
        problems.add(.file, "SQLite", String(line))
      }
    }
    for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
      let table: String = (try? row.decode(String.self, atIndex: 0)) ?? "?"
      let rowID = (row[1] as DatabaseValue).description
      let parent: String = (try? row.decode(String.self, atIndex: 2)) ?? "?"
      problems.add(.file, "\(table) row \(rowID)", "refers to a missing row of \(parent)")
    }
  }

  /// The tables and the triggers that keep texts immutable and the log append-only.
  static func checkSchema(_ db: Database, into problems: inout ProblemList) throws {
    for missing in try missingSchemaObjects(db) {
      problems.add(.schema, missing.name, "the \(missing.type) is missing: \(missing.purpose)")
    }
  }

  /// Schema objects a current project must have, absent from this file.
  static func missingSchemaObjects(_ db: Database) throws -> [(type: String, name: String, purpose: String)] {
    let present = Set(try String.fetchAll(db, sql: "SELECT type || ' ' || name FROM sqlite_master"))
    // An older file gains the later objects when it is opened for writing, which upgrades it.
    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    return ProjectSchema.requiredObjects.filter {
      !present.contains("\($0.type) \($0.name)") && version >= ProjectSchema.introduced[$0.name, default: 1]
    }
  }

  /// Every value has its column's declared type. SQLite stores whatever it is given, and a text
  /// column holding bytes reads back differently depending on how it is read.
  private static func checkColumnTypes(_ db: Database, into problems: inout ProblemList) throws {
    let expected = ["TEXT": "text", "INTEGER": "integer"]
    for table in ProjectSchema.requiredObjects where table.type == "table" && table.name != "reports_fts" {
      let columns = try Row.fetchAll(
        db, sql: "SELECT name, type, \"notnull\" FROM pragma_table_info(?)", arguments: [table.name])
      for column in columns {
        guard let type = expected[try column.checked("type", "table \(table.name)")] else { continue }
        let name: String = try column.checked("name", "table \(table.name)")
        let nullable = (try column.checked("notnull", "table \(table.name)") as Int) == 0
        let allowed = nullable ? "('\(type)', 'null')" : "('\(type)')"
        // Names come from the file's own schema, quoted as identifiers; no value is spliced in.
        let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let rows = try Row.fetchAll(
          db,
          sql: "SELECT rowid, typeof(\(quoted)) FROM \(table.name) WHERE typeof(\(quoted)) NOT IN \(allowed) LIMIT 20")
        for row in rows {
          problems.add(
            .file, "\(table.name) row \(row[0] as DatabaseValue)",
            "its \(name) holds \((try? row.decode(String.self, atIndex: 1)) ?? "?") where \(type) belongs")
        }
      }
    }
  }

  /// Each recorded layer schema must parse; returns the schemas by layer id.
  private static func checkLayers(_ db: Database, into problems: inout ProblemList) throws -> [String: LayerSchema] {
    var schemas: [String: LayerSchema] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT * FROM plugins ORDER BY id") {
      do {
        let id: String = try row.checked("id", "a layer")
        let json: String = try row.checked("schema", "layer \(id)")
        do {
          schemas[id] = try LayerSchema(json: try JSONParser.parse(json), layer: id)
        } catch {
          problems.add(.layer, "layer \(id)", "its recorded schema cannot be read: \(error)")
        }
      } catch {
        problems.add(.layer, error)
      }
    }
    return schemas
  }

  /// Every report decodes and its text has the recorded length and hash; then its annotations are
  /// checked against it, one report at a time so memory stays flat however large the project.
  private static func checkReports(
    _ db: Database, layers: [String: LayerSchema], into problems: inout ProblemList
  ) throws {
    let annotations = try db.cachedStatement(sql: "SELECT * FROM annotations WHERE reportId = ? ORDER BY id")
    let rows = try Row.fetchCursor(db, sql: "SELECT * FROM reports ORDER BY id")
    while let row = try rows.next() {
      let report: Report
      do {
        report = try self.report(from: row)
      } catch {
        problems.add(.report, error)
        continue
      }
      let digest = SHA256.hash(data: Data(report.text.utf8)).map { String(format: "%02x", $0) }.joined()
      if digest != report.sha256 {
        problems.add(.report, "report #\(report.id)", "its text does not match its recorded SHA-256")
      }
      let text = ReportText(report.text)
      if text.count != report.length {
        problems.add(
          .report, "report #\(report.id)", "its text has \(text.count) characters where \(report.length) were recorded")
      }
      for row in try Row.fetchAll(annotations, arguments: [report.id]) {
        checkAnnotation(row, text: text, layers: layers, into: &problems)
      }
    }
    let strays = try Row.fetchAll(
      db, sql: "SELECT id, reportId FROM annotations WHERE reportId NOT IN (SELECT id FROM reports) ORDER BY id")
    for row in strays {
      problems.add(
        .annotation, "annotation #\(row[0] as DatabaseValue)", "its report #\(row[1] as DatabaseValue) is missing")
    }
  }

  /// An annotation decodes, lies inside its report's text on character edges, covers its quote,
  /// and uses a recorded layer and one of its labels.
  private static func checkAnnotation(
    _ row: Row, text: ReportText, layers: [String: LayerSchema], into problems: inout ProblemList
  ) {
    let annotation: Annotation
    do {
      annotation = try self.annotation(from: row)
    } catch {
      problems.add(.annotation, error)
      return
    }
    let what = "annotation #\(annotation.id)"
    do {
      try annotation.check(against: text)
    } catch {
      problems.add(.annotation, error)
    }
    if let schema = layers[annotation.layer] {
      if schema.label(annotation.label) == nil {
        problems.add(.annotation, what, "layer \(annotation.layer) has no label \"\(annotation.label)\"")
      }
    } else {
      problems.add(.annotation, what, "its layer \"\(annotation.layer)\" has no recorded schema")
    }
  }

  /// Every active link joins two live annotations.
  private static func checkLinks(_ db: Database, into problems: inout ProblemList) throws {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT l.*, f.status AS fromStatus, t.status AS toStatus FROM links l
        LEFT JOIN annotations f ON f.id = l.fromId LEFT JOIN annotations t ON t.id = l.toId ORDER BY l.id
        """)
    for row in rows {
      do {
        let link = try link(from: row)
        guard link.status == .active else { continue }
        let ends: [(Int, String?)] = [(link.fromID, row["fromStatus"]), (link.toID, row["toStatus"])]
        for (handle, status) in ends where status != "active" {
          problems.add(
            .link, "link \(link.id)",
            status == nil ? "points at #\(handle), which does not exist" : "points at #\(handle), which was deleted")
        }
      } catch {
        problems.add(.link, error)
      }
    }
  }

  /// The log decodes, its snapshots are JSON, and every annotation has a history: an event of
  /// its own, or the import of its report.
  private static func checkEvents(_ db: Database, into problems: inout ProblemList) throws {
    let rows = try Row.fetchCursor(db, sql: "SELECT * FROM events ORDER BY id")
    while let row = try rows.next() {
      do {
        let event = try event(from: row)
        for (name, snapshot) in [("before", event.before), ("after", event.after)] {
          if let snapshot, (try? JSONParser.parse(snapshot)) == nil {
            problems.add(.event, "event \(event.id)", "its \(name) state is not JSON")
          }
        }
      } catch {
        problems.add(.event, error)
      }
    }
    let orphans = try Int.fetchAll(
      db,
      sql: """
        SELECT a.id FROM annotations a
        WHERE NOT EXISTS (
          SELECT 1 FROM events e WHERE e.entity = 'annotation' AND e.entityId = a.uuid AND \(ProjectSchema.keyedEntities))
          AND NOT EXISTS (
            SELECT 1 FROM events e WHERE e.entity = 'annotations' AND e.action = 'import' AND e.reportId = a.reportId)
        ORDER BY a.id
        """)
    for id in orphans { problems.add(.event, "annotation #\(id)", "has no history in the event log") }
  }

  /// The full-text index is internally sound and holds one row per report.
  private static func checkSearchIndex(_ db: Database, into problems: inout ProblemList) throws {
    do {
      // FTS5 checks its own structure on this command and changes nothing; the savepoint makes
      // sure of it.
      try db.execute(sql: "SAVEPOINT ftsCheck")
      defer { try? db.execute(sql: "ROLLBACK TO ftsCheck; RELEASE ftsCheck") }
      try db.execute(sql: "INSERT INTO reports_fts(reports_fts) VALUES ('integrity-check')")
    } catch {
      problems.add(.index, "search index", "fails its own check: \(message(of: error))")
      return
    }
    let indexed = try Int.fetchOne(db, sql: "SELECT count(*) FROM reports_fts") ?? 0
    let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM reports") ?? 0
    if indexed != stored {
      problems.add(.index, "search index", "holds \(indexed) reports where the project has \(stored)")
    }
  }
}

/// The problems found so far, up to a limit, so a badly damaged file cannot flood the screen.
struct ProblemList {
  let limit: Int
  private(set) var items: [ProjectProblem] = []

  init(limit: Int) { self.limit = limit }

  mutating func add(_ kind: ProjectProblem.Kind, _ location: String, _ message: String) {
    guard items.count < limit else { return }
    items.append(ProjectProblem(kind: kind, location: location, message: message))
  }

  /// Runs one part of the check; an error that stops it (a page SQLite cannot read) becomes a
  /// problem of its own, and the other parts still run.
  mutating func attempt(_ kind: ProjectProblem.Kind, _ part: String, _ body: (inout ProblemList) throws -> Void) {
    do {
      try body(&self)
    } catch let error as StoreError {
      add(kind, error)
    } catch {
      add(kind, part, "could not be read to the end: \(ProjectStore.message(of: error))")
    }
  }

  /// A damaged row as a problem: where, and why, without the advice to run `check`.
  mutating func add(_ kind: ProjectProblem.Kind, _ error: StoreError) {
    if case .damaged(let what, let reason) = error {
      add(kind, what, reason)
    } else {
      add(kind, "\(kind.rawValue)", error.description)
    }
  }
}
