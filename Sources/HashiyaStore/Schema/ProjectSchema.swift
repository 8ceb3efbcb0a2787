import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

/// The versioned migrations that build a project file's schema.
enum ProjectSchema {
  /// `PRAGMA application_id` of every Hashiya project: "HSYA".
  static let applicationID: UInt32 = 0x4853_5941
  /// The schema version this build writes; files with a higher `user_version` are refused.
  static let version = 12

  /// Column orders that row decoding reads by position; a test checks them against the tables.
  static let reportColumns = [
    "id", "uid", "title", "titleFolded", "source", "url", "language", "published", "text", "sha256", "length",
    "hadBOM", "metadata", "importedAt", "importedBy",
  ]
  static let annotationColumns = [
    "id", "uuid", "reportId", "layer", "label", "start", "end", "quote", "attributes", "author", "origin", "status",
    "createdAt", "updatedAt", "provenance", "fragments",
  ]
  static let linkColumns = ["id", "uuid", "type", "fromId", "toId", "attributes", "author", "status", "createdAt"]
  static let reviewColumns = ["id", "uuid", "annotationId", "reviewer", "verdict", "comment", "createdAt"]
  static let eventColumns = [
    "id", "uuid", "at", "author", "action", "entity", "entityId", "reportId", "before", "after", "reverts", "batch",
  ]

  /// The tables and triggers a current project must have, with what each is for: `check` names
  /// a missing one, and opening a file without one refuses to write to it.
  static let requiredObjects: [(type: String, name: String, purpose: String)] = [
    ("table", "meta", "the project's identity"),
    ("table", "reports", "the reports"),
    ("table", "reports_fts", "the search index"),
    ("table", "reviewState", "review progress"),
    ("table", "plugins", "the layer schemas"),
    ("table", "annotations", "the annotations"),
    ("table", "links", "links between annotations"),
    ("table", "reviews", "review verdicts"),
    ("table", "reviewDecisions", "adjudication"),
    ("table", "suggestionDecisions", "suggestion decisions"),
    ("table", "events", "the event log"),
    ("table", "conflicts", "merge conflicts"),
    ("table", "team", "the team and its roles"),
    ("table", "assignments", "who annotates which report"),
    ("table", "assignmentRemovals", "assignments taken back"),
    ("table", "reportTokens", "the reports' word tokens"),
    ("table", "pendingSuggestions", "suggestions waiting for a decision"),
    ("table", "commands", "the commands undo walks back through"),
    ("index", "annotations_by_report", "reading a report's annotations"),
    ("trigger", "reports_text_is_immutable", "keeping report texts unchanged"),
    ("trigger", "events_no_update", "keeping the event log append-only"),
    ("trigger", "events_no_delete", "keeping the event log append-only"),
  ]

  /// The schema version that added an object to `requiredObjects`, when later than the first.
  static let introduced = [
    "conflicts": 3, "team": 4, "assignments": 4, "assignmentRemovals": 5, "reportTokens": 8,
    "pendingSuggestions": 9, "commands": 12,
  ]

  /// What opening a file of schema `version` will do to it, for the person waiting.
  static func upgradeNotice(path: String, from version: Int) -> String {
    let work =
      version < 5
      ? "adding the team, assignment and conflict tables and rebuilding its search index"
      : version < 6
        ? "rebuilding its search index to find Arabic words with their clitics"
        : version < 8
          ? "recording each report's word tokens and adding the table of pending suggestions"
          : version < 9
            ? "adding the table of pending suggestions"
            : version < 10
              ? "dropping an index of pending suggestions that slowed suggest, and rebuilding one of its history"
              : version < 11
                ? "rebuilding an index of its history that slowed accept all"
                : "listing each author's commands, which undo walks back through"
    return "updating \(path) from file version \(version) to \(Self.version): \(work)…"
  }

  /// The events the entity index holds: every query looking events up by entity states this,
  /// word for word, as SQLite uses a partial index only where the query's terms imply its own.
  static let keyedEntities = "entity <> 'suggestion'"

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try createReports(db)
      try createAnnotations(db)
      try createEventLog(db)
      try db.execute(sql: "PRAGMA user_version = 1")
    }
    migrator.registerMigration("v2") { db in
      try rebuildSearchIndex(db)
      try db.execute(sql: "PRAGMA user_version = 2")
    }
    migrator.registerMigration("v3") { db in
      try createConflicts(db)
      try db.execute(sql: "PRAGMA user_version = 3")
    }
    migrator.registerMigration("v4") { db in
      try createTeam(db)
      try db.execute(sql: "PRAGMA user_version = 4")
    }
    migrator.registerMigration("v5") { db in
      try createAssignmentRemovals(db)
      try db.execute(sql: "PRAGMA user_version = 5")
    }
    migrator.registerMigration("v6") { db in
      // A file of version 1 had its index rebuilt in this layout by v2 a moment ago.
      if try !db.columns(in: "reports_fts").contains(where: { $0.name == "clitics" }) {
        try rebuildSearchIndex(db)
      }
      try db.execute(sql: "PRAGMA user_version = 6")
    }
    migrator.registerMigration("v7") { db in
      // Discontinuous spans: the pieces after the first, as JSON; NULL for a span in one piece.
      try db.execute(sql: "ALTER TABLE annotations ADD COLUMN fragments TEXT")
      try db.execute(sql: "PRAGMA user_version = 7")
    }
    migrator.registerMigration("v8") { db in
      try createReportTokens(db)
      try db.execute(sql: "PRAGMA user_version = 8")
    }
    migrator.registerMigration("v9") { db in
      try createPendingSuggestions(db)
      try db.execute(sql: "PRAGMA user_version = 9")
    }
    migrator.registerMigration("v10") { db in
      // Keeping the candidates also indexed by layer was a seventh of `suggest --all-reports`.
      // The reads by layer (`accept all LAYER`, the counts by layer) scan the author's list instead.
      try db.execute(sql: "DROP INDEX IF EXISTS pendingSuggestions_by_layer")
      try db.execute(sql: "PRAGMA user_version = 10")
    }
    migrator.registerMigration("v11") { db in
      // A suggestion's events are keyed by the candidate's span ("claim/check@3..9"), so `accept
      // all` inserted each on a random page of this index: a fifth of its time on 30,000 reports.
      // They are read by batch (undo), by report or in one sweep (merge), never by key alone.
      try db.execute(sql: "DROP INDEX IF EXISTS events_by_entity")
      try db.execute(sql: "CREATE INDEX events_by_entity ON events(entity, entityId) WHERE \(keyedEntities)")
      try db.execute(sql: "PRAGMA user_version = 11")
    }
    migrator.registerMigration("v12") { db in
      // Undo found the command to revert by folding all its author's events: a pass over 25
      // million rows after an `accept all` of six million suggestions and its undo.
      try db.execute(
        sql: """
          CREATE TABLE commands (
            batch TEXT PRIMARY KEY NOT NULL,
            author TEXT NOT NULL,
            firstEvent INTEGER NOT NULL,
            kind TEXT NOT NULL
          );
          CREATE INDEX commands_by_author ON commands(author, firstEvent);
          """)
      try ProjectStore.noteCommands(db, after: 0)
      try db.execute(sql: "PRAGMA user_version = 12")
    }
    return migrator
  }

  private static func createReports(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        CREATE TABLE reports (
          id INTEGER PRIMARY KEY,
          uid TEXT NOT NULL UNIQUE,
          title TEXT NOT NULL,
          titleFolded TEXT NOT NULL,
          source TEXT,
          url TEXT,
          language TEXT NOT NULL,
          published TEXT,
          text TEXT NOT NULL,
          sha256 TEXT NOT NULL UNIQUE,
          length INTEGER NOT NULL,
          hadBOM INTEGER NOT NULL DEFAULT 0,
          metadata TEXT NOT NULL DEFAULT '{}',
          importedAt TEXT NOT NULL,
          importedBy TEXT NOT NULL
        );
        CREATE TRIGGER reports_text_is_immutable BEFORE UPDATE OF text, sha256, length ON reports
        BEGIN SELECT RAISE(ABORT, 'a report''s text never changes'); END;
        CREATE VIRTUAL TABLE reports_fts USING fts5(
          title, body, content='',
          tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
        );
        CREATE TABLE reviewState (
          reportId INTEGER NOT NULL REFERENCES reports(id),
          layer TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('unreviewed', 'in-review', 'settled')),
          units INTEGER NOT NULL DEFAULT 0,
          updatedAt TEXT NOT NULL,
          PRIMARY KEY (reportId, layer)
        );
        """)
  }

  /// Version 2 hands the index text already cut into tokens (see `SearchTokenizer`) to FTS5's
  /// `ascii` tokenizer, which indexes it in half the time `unicode61` took. Version 6 adds the
  /// `clitics` column (see `ArabicClitics`) and folds accented letters and presentation forms, so
  /// the index is rebuilt from the reports.
  private static func rebuildSearchIndex(_ db: Database) throws {
    try db.execute(
      sql: """
        DROP TABLE reports_fts;
        CREATE VIRTUAL TABLE reports_fts USING fts5(title, body, clitics, content='', tokenize='ascii');
        """)
    try ProjectStore.enlargeIndexBuffer(db)
    let insert = try db.makeStatement(
      sql: "INSERT INTO reports_fts (rowid, title, body, clitics) VALUES (?, ?, ?, ?)")
    let reports = try Row.fetchCursor(db, sql: "SELECT id, title, text FROM reports ORDER BY id")
    while let report = try reports.next() {
      let title = SearchTokenizer.indexUTF8(report[1])
      let text = SearchTokenizer.indexUTF8(report[2])
      let clitics = PreparedReport.clitics(title: title, text: text)
      try insert.execute(
        arguments: [
          report[0] as Int, String(decoding: title, as: UTF8.self), String(decoding: text, as: UTF8.self),
          String(decoding: clitics, as: UTF8.self),
        ])
    }
  }

  private static func createAnnotations(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE plugins (
          id TEXT PRIMARY KEY NOT NULL,
          version TEXT NOT NULL,
          kind TEXT NOT NULL,
          schema TEXT NOT NULL,
          registeredAt TEXT NOT NULL
        );
        CREATE TABLE annotations (
          id INTEGER PRIMARY KEY,
          uuid TEXT NOT NULL UNIQUE,
          reportId INTEGER NOT NULL REFERENCES reports(id),
          layer TEXT NOT NULL,
          label TEXT NOT NULL,
          start INTEGER NOT NULL,
          "end" INTEGER NOT NULL,
          quote TEXT NOT NULL,
          attributes TEXT NOT NULL DEFAULT '{}',
          author TEXT NOT NULL,
          origin TEXT NOT NULL DEFAULT 'manual',
          status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deleted')),
          createdAt TEXT NOT NULL,
          updatedAt TEXT NOT NULL,
          provenance TEXT,
          CHECK (start >= 0 AND "end" > start)
        );
        CREATE INDEX annotations_by_report ON annotations(reportId, layer, start);
        CREATE TABLE links (
          id INTEGER PRIMARY KEY,
          uuid TEXT NOT NULL UNIQUE,
          type TEXT NOT NULL,
          fromId INTEGER NOT NULL REFERENCES annotations(id),
          toId INTEGER NOT NULL REFERENCES annotations(id),
          attributes TEXT NOT NULL DEFAULT '{}',
          author TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deleted')),
          createdAt TEXT NOT NULL
        );
        CREATE INDEX links_by_from ON links(fromId);
        CREATE INDEX links_by_to ON links(toId);
        CREATE TABLE reviews (
          id INTEGER PRIMARY KEY,
          uuid TEXT NOT NULL UNIQUE,
          annotationId INTEGER NOT NULL REFERENCES annotations(id),
          reviewer TEXT NOT NULL,
          verdict TEXT NOT NULL CHECK (verdict IN ('accept', 'reject', 'fix', 'approve', 'flag')),
          comment TEXT,
          createdAt TEXT NOT NULL
        );
        CREATE INDEX reviews_by_annotation ON reviews(annotationId);
        CREATE TABLE reviewDecisions (
          id INTEGER PRIMARY KEY,
          uuid TEXT NOT NULL UNIQUE,
          reportId INTEGER NOT NULL REFERENCES reports(id),
          layer TEXT NOT NULL,
          start INTEGER NOT NULL,
          "end" INTEGER NOT NULL,
          decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected', 'edited')),
          annotationId INTEGER REFERENCES annotations(id),
          sources TEXT NOT NULL DEFAULT '[]',
          comment TEXT,
          reviewer TEXT NOT NULL,
          decidedAt TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deleted'))
        );
        CREATE INDEX reviewDecisions_by_report ON reviewDecisions(reportId, layer);
        CREATE TABLE suggestionDecisions (
          id INTEGER PRIMARY KEY,
          reportId INTEGER NOT NULL REFERENCES reports(id),
          layer TEXT NOT NULL,
          label TEXT NOT NULL,
          start INTEGER NOT NULL,
          "end" INTEGER NOT NULL,
          decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
          origin TEXT NOT NULL,
          author TEXT NOT NULL,
          decidedAt TEXT NOT NULL,
          UNIQUE (reportId, layer, label, start, "end")
        );
        """)
  }

  private static func createEventLog(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE events (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          uuid TEXT NOT NULL UNIQUE,
          at TEXT NOT NULL,
          author TEXT NOT NULL,
          action TEXT NOT NULL,
          entity TEXT NOT NULL,
          entityId TEXT,
          reportId INTEGER,
          before TEXT,
          after TEXT,
          reverts INTEGER REFERENCES events(id),
          batch TEXT NOT NULL
        );
        CREATE INDEX events_by_batch ON events(batch);
        CREATE INDEX events_by_report ON events(reportId);
        CREATE INDEX events_by_entity ON events(entity, entityId);
        CREATE INDEX events_by_author ON events(author, id);
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
        """)
  }

  /// Version 3 records merge conflicts, and indexes event times: the log's latest time is the
  /// clock every new event must pass (see `ProjectStore.nextEventTime`), and merge orders by it.
  private static func createConflicts(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE INDEX events_by_at ON events(at);
        CREATE TABLE conflicts (
          id INTEGER PRIMARY KEY,
          entity TEXT NOT NULL,
          entityId TEXT NOT NULL,
          field TEXT NOT NULL,
          keptEvent TEXT NOT NULL,
          keptValue TEXT,
          keptAuthor TEXT NOT NULL,
          otherEvent TEXT NOT NULL,
          otherValue TEXT,
          otherAuthor TEXT NOT NULL,
          detectedAt TEXT NOT NULL,
          resolvedBy TEXT,
          resolvedAt TEXT,
          UNIQUE (entityId, field, keptEvent)
        );
        """)
  }

  /// Version 4 keeps a team (members, roles) and assignments, and makes suggestion decisions
  /// each annotator's own: the same candidate can be accepted by one and rejected by another.
  private static func createTeam(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE team (
          name TEXT PRIMARY KEY NOT NULL,
          folded TEXT NOT NULL UNIQUE,
          role TEXT NOT NULL CHECK (role IN ('annotator', 'lead')),
          status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deleted')),
          addedBy TEXT NOT NULL,
          updatedAt TEXT NOT NULL
        );
        CREATE TABLE assignments (
          reportId INTEGER NOT NULL REFERENCES reports(id),
          layer TEXT NOT NULL DEFAULT '',
          annotator TEXT NOT NULL,
          assignedBy TEXT NOT NULL,
          assignedAt TEXT NOT NULL,
          doneAt TEXT,
          PRIMARY KEY (reportId, layer, annotator)
        );
        CREATE INDEX assignments_by_annotator ON assignments(annotator, reportId);
        CREATE TABLE suggestionDecisions_v4 (
          id INTEGER PRIMARY KEY,
          reportId INTEGER NOT NULL REFERENCES reports(id),
          layer TEXT NOT NULL,
          label TEXT NOT NULL,
          start INTEGER NOT NULL,
          "end" INTEGER NOT NULL,
          decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
          origin TEXT NOT NULL,
          author TEXT NOT NULL,
          decidedAt TEXT NOT NULL,
          UNIQUE (reportId, layer, label, start, "end", author)
        );
        INSERT INTO suggestionDecisions_v4 SELECT * FROM suggestionDecisions;
        DROP TABLE suggestionDecisions;
        ALTER TABLE suggestionDecisions_v4 RENAME TO suggestionDecisions;
        """)
  }

  /// Version 5 remembers assignments taken back (`assign --clear`), so that a merge with a copy
  /// still holding one does not bring it back: an assignment stands only if it was (re)made
  /// after its latest removal.
  private static func createAssignmentRemovals(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE assignmentRemovals (
          reportId INTEGER NOT NULL REFERENCES reports(id),
          layer TEXT NOT NULL,
          annotator TEXT NOT NULL,
          removedBy TEXT NOT NULL,
          removedAt TEXT NOT NULL,
          PRIMARY KEY (reportId, layer, annotator)
        );
        """)
  }

  /// Version 8 keeps each report's word tokens (see `TokenBoundaries`), which `agreement` reads
  /// instead of segmenting every text again; the reports already there get theirs now.
  private static func createReportTokens(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE reportTokens (
          reportId INTEGER PRIMARY KEY REFERENCES reports(id),
          boundaries BLOB NOT NULL
        );
        """)
    let insert = try db.makeStatement(sql: "INSERT INTO reportTokens (reportId, boundaries) VALUES (?, ?)")
    let reports = try Row.fetchCursor(db, sql: "SELECT id, text FROM reports ORDER BY id")
    while let report = try reports.next() {
      let text: String = report[1]
      let boundaries = TokenBoundaries.encode(TokenBoundaries.tokens(of: text))
      try insert.execute(arguments: [report[0] as Int, Data(boundaries)])
    }
  }

  /// Version 9 keeps each annotator's candidates of their last `suggest` in the file, numbered as
  /// listed, so `accept N` works after a restart and a run over every report never holds them all
  /// in memory. Whether one is still open is read from the decisions made since `suggestedAt`
  /// (`suggest --again` lists earlier rejections as open), so undo needs no update here.
  private static func createPendingSuggestions(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE pendingSuggestions (
          author TEXT NOT NULL,
          number INTEGER NOT NULL,
          reportId INTEGER NOT NULL,
          layer TEXT NOT NULL,
          label TEXT NOT NULL,
          start INTEGER NOT NULL,
          "end" INTEGER NOT NULL,
          quote TEXT NOT NULL,
          location TEXT NOT NULL,
          attributes TEXT NOT NULL,
          score REAL NOT NULL,
          explanation TEXT NOT NULL,
          origin TEXT NOT NULL,
          links TEXT,
          suggestedAt TEXT NOT NULL,
          PRIMARY KEY (author, number)
        );
        CREATE INDEX pendingSuggestions_by_layer ON pendingSuggestions(author, layer, number);
        """)
  }
}
