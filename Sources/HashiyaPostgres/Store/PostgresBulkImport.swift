import AnnotatorKit
import Foundation
import HashiyaModel

/// Reports an import has accepted but not yet written, sent to the server by COPY a chunk at a
/// time, with the ids they were given reserved from the reports' identity beforehand.
final class PostgresBulkImport {
  /// Reports held before a chunk is written: large enough that a COPY's fixed cost is small per
  /// report, small enough that the held texts stay a few megabytes.
  static let chunkSize = 2_000

  private let connection: PostgresConnection
  private let author: String
  private let now: String
  private var pending: [(id: Int, uid: String, prepared: PreparedReport)] = []
  /// Reserved ids not yet given, lowest first.
  private var reserved: ArraySlice<Int> = []
  /// The highest id reserved so far, which the identity's counter stands at.
  private var highestReserved: Int?

  init(connection: PostgresConnection, author: String, now: String) {
    self.connection = connection
    self.author = author
    self.now = now
  }

  /// Whether the session may reserve ids from the reports' identity and give back the unused
  /// ones, which the bulk path needs (a lead or the owner may; an annotator may only insert).
  static func canReserveIDs(_ connection: PostgresConnection) throws -> Bool {
    let rows = try connection.rows(
      """
      SELECT has_sequence_privilege(pg_get_serial_sequence('reports', 'id'), 'USAGE')
        AND has_sequence_privilege(pg_get_serial_sequence('reports', 'id'), 'UPDATE')
      """)
    return rows.first?.optionalText(0) == "t"
  }

  /// The id the next report gets. Ids come from the identity in blocks, so concurrent writers
  /// never take the same one and the ids stay increasing in the order reports arrive.
  func nextID() throws -> Int {
    if reserved.isEmpty {
      let rows = try connection.rows(
        "SELECT nextval(pg_get_serial_sequence('reports', 'id')) FROM generate_series(1, $1)",
        [.int(Self.chunkSize)])
      let ids = try rows.map { try $0.int(0, "a reserved report id") }.sorted()
      reserved = ids[...]
      highestReserved = ids.last
    }
    guard let id = reserved.popFirst() else {
      throw StoreError.database(operation: "import", message: "the server reserved no report ids")
    }
    return id
  }

  /// Holds a report under `id` and writes the chunk once it is full.
  func add(id: Int, uid: String, prepared: PreparedReport) throws {
    pending.append((id, uid, prepared))
    if pending.count >= Self.chunkSize { try flush() }
  }

  /// Writes every held report, then moves the identity back to the last id given, so the
  /// next report gets the id it would have had if the reports were inserted one by one.
  func finish() throws {
    try flush()
    guard let highestReserved, let unused = reserved.first else { return }
    // Only while no other session has taken an id since: the import's lock keeps importers
    // out, and the condition keeps a restore that moved the identity on from being undone.
    _ = try connection.execute(
      """
      SELECT setval(pg_get_serial_sequence('reports', 'id'), $1)
      WHERE pg_sequence_last_value(pg_get_serial_sequence('reports', 'id')::regclass) = $2
      """,
      [.int(unused - 1), .int(highestReserved)])
    reserved = []
  }

  /// Writes the held reports, their search rows and their word tokens, by COPY.
  func flush() throws {
    guard !pending.isEmpty else { return }
    defer { pending.removeAll(keepingCapacity: true) }
    try connection.copyIn(
      """
      COPY reports (id, uid, title, titleFolded, source, url, language, published, text,
        sha256, length, hadBOM, metadata, importedAt, importedBy) FROM STDIN
      """,
      rows: pending.lazy.map { [author, now] item -> [String?] in
        let report = item.prepared.report
        return [
          String(item.id), item.uid, report.title, item.prepared.foldedTitle, report.source, report.url,
          report.language, report.published, report.text, item.prepared.digest, String(item.prepared.length),
          report.hadBOM ? "1" : "0", report.metadataJSON, now, author,
        ]
      })
    try writeSearchRows()
    try connection.copyIn(
      "COPY reportTokens (reportId, boundaries) FROM STDIN",
      rows: pending.lazy.map { item -> [String?] in
        [String(item.id), PostgresValue.byteaText(item.prepared.tokenBoundaries)]
      })
  }

  /// The search rows, their vectors built here from the tokens the import prepared.
  private func writeSearchRows() throws {
    try connection.copyIn(
      "COPY reports_fts (reportId, searchTokens) FROM STDIN",
      rows: pending.lazy.map { item -> [String?] in
        [String(item.id), PostgresSearchVector.text(item.prepared)]
      })
  }
}
