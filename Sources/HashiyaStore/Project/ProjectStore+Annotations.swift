import AnnotatorKit
import Foundation
import GRDB

extension ProjectStore {
  /// Runs one command's annotation changes in one transaction, all recorded as one undoable batch.
  @discardableResult
  public func change<T>(author: String, _ body: (AnnotationChanges) throws -> T) throws -> T {
    try write("change annotations") { db in
      try body(AnnotationChanges(db: db, author: author, batch: UUID().uuidString.lowercased(), now: Timestamp.now()))
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
    try Row.fetchOne(db, sql: "SELECT * FROM annotations WHERE id = ?", arguments: [id]).map(annotation(from:))
  }

  static func annotation(db: Database, uuid: String) throws -> Annotation? {
    try Row.fetchOne(db, sql: "SELECT * FROM annotations WHERE uuid = ?", arguments: [uuid]).map(annotation(from:))
  }

  static func link(_ db: Database, id: Int) throws -> AnnotationLink {
    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM links WHERE id = ?", arguments: [id]) else {
      throw StoreError.noSuchLink(id: id)
    }
    return link(from: row)
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
  static func annotation(from row: Row) -> Annotation {
    let attributesText: String = row[8]
    let attributes = (try? JSONParser.parse(attributesText))?.objectValue ?? JSONObject()
    return Annotation(
      id: row[0], uuid: row[1], reportID: row[2], layer: row[3], label: row[4], range: TextRange(row[5], row[6]),
      quote: row[7], attributes: attributes, author: row[9], origin: row[10],
      status: Annotation.Status(rawValue: row[11]) ?? .active, createdAt: row[12], updatedAt: row[13],
      provenance: (row[14] as String?).flatMap { try? JSONParser.parse($0) }?.arrayValue?.compactMap(\.stringValue)
        ?? [])
  }

  /// A link from a `SELECT *` row, by position (`ProjectSchema.linkColumns`).
  static func link(from row: Row) -> AnnotationLink {
    AnnotationLink(
      id: row[0], uuid: row[1], type: row[2], fromID: row[3], toID: row[4], author: row[6],
      status: Annotation.Status(rawValue: row[7]) ?? .active, createdAt: row[8])
  }

  /// The state of an annotation as the event log records it.
  static func snapshot(_ a: Annotation) -> JSONValue {
    .object([
      "handle": .int(a.id), "uuid": .string(a.uuid), "report": .int(a.reportID), "layer": .string(a.layer),
      "label": .string(a.label), "start": .int(a.range.start), "end": .int(a.range.end), "quote": .string(a.quote),
      "attributes": .object(a.attributes), "origin": .string(a.origin), "status": .string(a.status.rawValue),
    ])
  }

  static func snapshot(_ link: AnnotationLink) -> JSONValue {
    .object([
      "uuid": .string(link.uuid), "type": .string(link.type), "from": .int(link.fromID), "to": .int(link.toID),
      "status": .string(link.status.rawValue),
    ])
  }
}
