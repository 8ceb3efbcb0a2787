import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

extension ProjectStore {
  /// Runs one command's annotation changes in one transaction, all recorded as one undoable batch;
  /// one expected to change many `rows` is written as `largeWrite` writes it.
  @discardableResult
  public func change<T>(
    author: String, expecting rows: Int, _ body: (any AnnotationChanging) throws -> T
  ) throws -> T {
    try fileChange(author: author, expecting: rows, body)
  }

  /// `change`, with the file's own handle, for the store's commands that also write rows of their own.
  @discardableResult
  func fileChange<T>(author: String, expecting rows: Int = 0, _ body: (AnnotationChanges) throws -> T) throws -> T {
    try largeWrite("change annotations", expecting: rows) { db in
      try body(
        AnnotationChanges(
          db: db, author: author, batch: OrderedUUID.make(), now: try Self.nextEventTime(db)))
    }
  }

  /// One annotation by handle, deleted or not.
  public func annotation(id: Int) throws(StoreError) -> Annotation {
    let found = try read("read annotation #\(id)") { db in try Self.annotation(db, id: id) }
    guard let found else { throw .noSuchAnnotation(id: id) }
    return found
  }

  /// Annotations matching `filter`, in report and text order.
  public func annotations(_ filter: AnnotationFilter) throws(StoreError) -> [Annotation] {
    guard let reportIDs = filter.reportIDs else { return try annotations(filter, reportIDs: nil) }
    return try read("list annotations") { db in
      try Self.batched(reportIDs.sorted()) { batch in try Self.annotations(db, filter, reportIDs: batch) }
    }
  }

  private func annotations(_ filter: AnnotationFilter, reportIDs: [Int]?) throws(StoreError) -> [Annotation] {
    try read("list annotations") { db in try Self.annotations(db, filter, reportIDs: reportIDs) }
  }

  private static func annotations(_ db: Database, _ filter: AnnotationFilter, reportIDs: [Int]?) throws -> [Annotation]
  {
    var conditions: [String] = []
    var arguments = StatementArguments()
    if let reportID = filter.reportID {
      conditions.append("a.reportId = ?")
      arguments += [reportID]
    }
    if let reportIDs {
      conditions.append("a.reportId IN (\(marks(reportIDs.count)))")
      arguments += StatementArguments(reportIDs)
    }
    if let layer = filter.layer {
      conditions.append("a.layer = ?")
      arguments += [layer]
    }
    if let label = filter.label {
      conditions.append("a.label = ?")
      arguments += [label]
    }
    if let author = filter.author {
      conditions.append("a.author = ?")
      arguments += [author]
    }
    if !filter.includeDeleted { conditions.append("a.status = 'active'") }
    if filter.flaggedOnly {
      conditions.append("EXISTS (SELECT 1 FROM reviews r WHERE r.annotationId = a.id AND r.verdict = 'flag')")
    }
    let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    return try Row.fetchAll(
      try db.cachedStatement(
        sql: "SELECT a.* FROM annotations a \(whereClause) ORDER BY a.reportId, a.start, a.\"end\", a.id"),
      arguments: arguments
    ).map(annotation(from:))
  }

  /// Active links that start or end at any of `ids`.
  public func links(touching ids: [Int]) throws(StoreError) -> [AnnotationLink] {
    try read("list links") { db in try Self.links(db, touching: ids).filter { $0.status == .active } }
  }

  static func annotation(_ db: Database, id: Int) throws -> Annotation? {
    try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM annotations WHERE id = ?"), arguments: [id]).map(
      annotation(from:))
  }

  static func annotation(db: Database, uuid: String) throws -> Annotation? {
    try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM annotations WHERE uuid = ?"), arguments: [uuid]).map(
      annotation(from:))
  }

  /// Annotations by UUID, deleted or not, keyed by it.
  static func annotations(_ db: Database, uuids: [String]) throws -> [String: Annotation] {
    let found = try batched(uuids) { batch in
      try Row.decodedAll(
        db.cachedStatement(sql: "SELECT * FROM annotations WHERE uuid IN (\(marks(batch.count)))"),
        arguments: StatementArguments(batch), annotation(from:))
    }
    return Dictionary(found.map { ($0.uuid, $0) }, uniquingKeysWith: { first, _ in first })
  }

  static func link(_ db: Database, id: Int) throws -> AnnotationLink {
    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM links WHERE id = ?", arguments: [id]) else {
      throw StoreError.noSuchLink(id: id)
    }
    return try link(from: row)
  }

  static func links(_ db: Database, touching ids: [Int]) throws -> [AnnotationLink] {
    var seen = Set<Int>()
    let links = try batched(ids) { batch in
      let marks = marks(batch.count)
      return try Row.fetchAll(
        try db.cachedStatement(sql: "SELECT * FROM links WHERE fromId IN (\(marks)) OR toId IN (\(marks))"),
        arguments: StatementArguments(batch + batch)
      ).map(link(from:))
    }
    return links.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
  }

  /// An annotation from a `SELECT *` row, read by position: looking columns up by name cost more
  /// than the rest of an export (`ProjectSchema.annotationColumns` is the order, checked by a test).
  ///
  /// Every value is checked on the way in, so a row edited outside Hashiya is an error naming it.
  static func annotation(from row: some CheckedRow) throws(StoreError) -> Annotation {
    let id: Int = try row.checked(0, "an annotation")
    // Made only for an error message, as for every row read: a million rows would each pay for it.
    func what() -> String { "annotation #\(id)" }
    let reportID: Int = try row.checked(2, what())
    let start: Int = try row.checked(5, what())
    let end: Int = try row.checked(6, what())
    guard start >= 0, end > start else {
      throw .damaged(what: what(), reason: "its offsets \(start)..\(end) are not a span")
    }
    let status = try row.checked(11, as: Annotation.Status.self, what())
    // An annotation never changed was updated when it was made: both times share one string.
    let createdAt: String = try row.checked(12, what())
    let provenance = try Annotation.storedProvenance(try row.checked(14, what()), of: what())
    // A file of an older version, read without migrating (a merge's other side), has no such column.
    let fragments = try Annotation.storedFragments(
      row.count > 15 ? try row.checked(15, what()) : nil, after: TextRange(start, end), of: what())
    return Annotation(
      id: id, uuid: try row.checked(1, what()), reportID: reportID, layer: try row.checked(3, what()),
      label: try row.checked(4, what()), range: TextRange(start, end), quote: try row.checked(7, what()),
      attributes: try Annotation.storedAttributes(try row.checked(8, what()), of: what()),
      author: try row.checked(9, what()),
      origin: try row.checked(10, what()), status: status, createdAt: createdAt,
      updatedAt: row.holdsSameText(13, as: 12) ? createdAt : try row.checked(13, what()), provenance: provenance,
      fragments: fragments)
  }

  /// A link from a `SELECT *` row, by position (`ProjectSchema.linkColumns`).
  static func link(from row: some CheckedRow) throws(StoreError) -> AnnotationLink {
    let id: Int = try row.checked(0, "a link")
    func what() -> String { "link \(id)" }
    return AnnotationLink(
      id: id, uuid: try row.checked(1, what()), type: try row.checked(2, what()), fromID: try row.checked(3, what()),
      toID: try row.checked(4, what()), author: try row.checked(6, what()),
      status: try row.checked(7, as: Annotation.Status.self, what()),
      createdAt: try row.checked(8, what()))
  }
}
