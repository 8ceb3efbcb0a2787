import AnnotatorKit
import Crypto
import Foundation
import GRDB

/// What one import changed: the reports it added and the ones it already had.
public struct ImportOutcome: Sendable, Equatable {
  public var added: [Int] = []
  public var duplicates: [Int] = []
}

/// Inserts reports inside one import transaction; valid only within `ProjectStore.importReports`.
public final class ReportInserter {
  /// Whether an inserted report was new or already in the project.
  public enum Result: Equatable {
    case added(id: Int)
    case duplicate(id: Int)
  }

  private let db: Database
  private let author: String
  private let now: String
  fileprivate(set) var outcome = ImportOutcome()

  init(db: Database, author: String, now: String) {
    self.db = db
    self.author = author
    self.now = now
  }

  /// Adds `report` unless a report with the same text exists; throws on a uid clash.
  @discardableResult
  public func insert(_ report: NewReport) throws -> Result {
    try insert(report, digest: Self.sha256Hex(report.text))
  }

  /// Adds `report`, whose text hashes to `digest` (callers that already hashed it pass it on).
  @discardableResult
  func insert(_ report: NewReport, digest: String) throws -> Result {
    if let existing = try Int.fetchOne(
      try db.cachedStatement(sql: "SELECT id FROM reports WHERE sha256 = ?"), arguments: [digest])
    {
      outcome.duplicates.append(existing)
      return .duplicate(id: existing)
    }
    let uid = report.uid ?? "sha256-" + digest.prefix(24)
    if let clash = try Int.fetchOne(
      try db.cachedStatement(sql: "SELECT id FROM reports WHERE uid = ?"), arguments: [uid])
    {
      throw StoreError.uidConflict(uid: uid, existingID: clash)
    }
    let insertReport = try db.cachedStatement(
      sql: """
        INSERT INTO reports (uid, title, titleFolded, source, url, language, published, text,
          sha256, length, hadBOM, metadata, importedAt, importedBy)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let foldedTitle = FoldedText.foldedString(report.title)
    try insertReport.execute(arguments: [
      uid, report.title, foldedTitle, report.source, report.url, report.language, report.published,
      report.text, digest, Self.scalarCount(report.text), report.hadBOM, report.metadataJSON,
      now, author,
    ])
    let id = Int(db.lastInsertedRowID)
    let insertIndex = try db.cachedStatement(
      sql: "INSERT INTO reports_fts (rowid, title, body) VALUES (?, ?, ?)")
    try insertIndex.execute(arguments: [id, foldedTitle, FoldedText.foldedString(report.text)])
    outcome.added.append(id)
    return .added(id: id)
  }

  /// Unicode scalars in `text`, counted as UTF-8 lead bytes (the string view walks far slower).
  static func scalarCount(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes in
      var count = 0
      for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
      return count
    }
  }

  static func sha256Hex(_ text: String) -> String {
    var text = text
    let digest = text.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
    let hexDigits = Array("0123456789abcdef".utf8)
    var hex = [UInt8]()
    hex.reserveCapacity(64)
    for byte in digest {
      hex.append(hexDigits[Int(byte >> 4)])
      hex.append(hexDigits[Int(byte & 0x0f)])
    }
    return String(decoding: hex, as: UTF8.self)
  }
}

extension ProjectStore {
  /// Imports reports in one transaction: if `body` throws, the project keeps nothing of it.
  ///
  /// An import that adds at least one report appends one `import` event listing them.
  @discardableResult
  public func importReports(
    author: String, source: String, _ body: (ReportInserter) throws -> Void
  ) throws -> ImportOutcome {
    try write("import") { db in
      let inserter = ReportInserter(db: db, author: author, now: Timestamp.now())
      try body(inserter)
      let outcome = inserter.outcome
      if !outcome.added.isEmpty {
        let after = JSONWriter.string(
          .object([
            "source": .string(source),
            "reports": .array(outcome.added.map { .int($0) }),
          ]))
        try Self.appendEvent(
          db,
          EventDraft(
            author: author, action: "import", entity: "reports", after: after,
            batch: UUID().uuidString.lowercased()))
      }
      return outcome
    }
  }
}
