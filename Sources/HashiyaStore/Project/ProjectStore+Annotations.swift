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
    try read("list annotations") { db in
      var conditions: [String] = []
      var arguments = StatementArguments()
      if let reportID = filter.reportID {
        conditions.append("a.reportId = ?")
        arguments += [reportID]
      }
      if let reportIDs = filter.reportIDs {
        conditions.append("a.reportId IN (\(Array(repeating: "?", count: reportIDs.count).joined(separator: ",")))")
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
        db, sql: "SELECT a.* FROM annotations a \(whereClause) ORDER BY a.reportId, a.start, a.\"end\", a.id",
        arguments: arguments
      ).map(Self.annotation(from:))
    }
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
    guard !ids.isEmpty else { return [] }
    let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
    return try Row.fetchAll(
      db, sql: "SELECT * FROM links WHERE fromId IN (\(marks)) OR toId IN (\(marks)) ORDER BY id",
      arguments: StatementArguments(ids + ids)
    ).map(link(from:))
  }

  static func annotation(from row: Row) -> Annotation {
    let attributesText: String = row["attributes"]
    let attributes = (try? JSONParser.parse(attributesText))?.objectValue ?? JSONObject()
    return Annotation(
      id: row["id"], uuid: row["uuid"], reportID: row["reportId"], layer: row["layer"], label: row["label"],
      range: TextRange(row["start"], row["end"]), quote: row["quote"], attributes: attributes, author: row["author"],
      origin: row["origin"], status: Annotation.Status(rawValue: row["status"]) ?? .active,
      createdAt: row["createdAt"], updatedAt: row["updatedAt"],
      provenance: (row["provenance"] as String?).flatMap { try? JSONParser.parse($0) }?.arrayValue?.compactMap(
        \.stringValue)
        ?? [])
  }

  static func link(from row: Row) -> AnnotationLink {
    AnnotationLink(
      id: row["id"], uuid: row["uuid"], type: row["type"], fromID: row["fromId"], toID: row["toId"],
      author: row["author"], status: Annotation.Status(rawValue: row["status"]) ?? .active,
      createdAt: row["createdAt"])
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
