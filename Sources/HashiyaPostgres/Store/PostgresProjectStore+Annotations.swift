import AnnotatorKit
import HashiyaModel

extension PostgresProjectStore {
  /// Runs one command's changes in one transaction, all recorded as one undoable batch; a server
  /// writes a large change as any other.
  @discardableResult
  public func change<T>(
    author: String, expecting _: Int, _ body: (any AnnotationChanging) throws -> T
  ) throws -> T {
    var activity: PostgresActivity?
    let result = try write("change annotations") { connection in
      let changes = PostgresAnnotationChanges(
        connection: connection, author: author, batch: OrderedUUID.make(), now: try Self.nextEventTime(connection))
      let result = try body(changes)
      activity = changes.activity
      return result
    }
    announce(activity)
    return result
  }

  /// Tells teammates' sessions what a committed change did.
  func announce(_ activity: PostgresActivity?) {
    lock.lock()
    defer { lock.unlock() }
    activity?.announce(on: connection)
  }

  /// One annotation by handle, deleted or not.
  public func annotation(id: Int) throws(StoreError) -> Annotation {
    let found = try read("read annotation #\(id)") { connection in try Self.annotation(connection, id: id) }
    guard let found else { throw .noSuchAnnotation(id: id) }
    return found
  }

  /// The annotations `filter` keeps, in report and span order; what the connection may see.
  public func annotations(_ filter: AnnotationFilter) throws(StoreError) -> [Annotation] {
    var conditions = PostgresConditions()
    if let reportID = filter.reportID { conditions.add("reportId = ?", .int(reportID)) }
    if let reportIDs = filter.reportIDs { conditions.add("reportId = ANY(?::bigint[])", .ints(reportIDs)) }
    if let layer = filter.layer { conditions.add("layer = ?", .text(layer)) }
    if let label = filter.label { conditions.add("label = ?", .text(label)) }
    if let author = filter.author { conditions.add("author = ?", .text(author)) }
    if !filter.includeDeleted { conditions.add("status = 'active'", []) }
    if filter.flaggedOnly {
      conditions.add(
        "EXISTS (SELECT 1 FROM reviews r WHERE r.annotationId = annotations.id AND r.verdict = 'flag')", [])
    }
    return try read("list annotations") { connection in
      try connection.rows(
        PostgresConditions.numbered(
          "SELECT * FROM annotations \(conditions.whereClause) ORDER BY reportId, start, \"end\", id"),
        conditions.values
      ).map(PostgresRecords.annotation)
    }
  }

  /// The active links from or to any of the annotations `ids`.
  public func links(touching ids: [Int]) throws(StoreError) -> [AnnotationLink] {
    guard !ids.isEmpty else { return [] }
    return try read("list links") { connection in
      try Self.links(connection, touching: ids).filter { $0.status == .active }
    }
  }

  static func annotation(_ connection: PostgresConnection, id: Int) throws -> Annotation? {
    try connection.rows("SELECT * FROM annotations WHERE id = $1", [.int(id)]).first.map(PostgresRecords.annotation)
  }

  static func annotation(_ connection: PostgresConnection, uuid: String) throws -> Annotation? {
    try connection.rows("SELECT * FROM annotations WHERE uuid = $1", [.text(uuid)]).first.map(
      PostgresRecords.annotation)
  }

  static func link(_ connection: PostgresConnection, id: Int) throws -> AnnotationLink {
    guard let row = try connection.rows("SELECT * FROM links WHERE id = $1", [.int(id)]).first else {
      throw StoreError.noSuchLink(id: id)
    }
    return try PostgresRecords.link(row)
  }

  static func links(_ connection: PostgresConnection, touching ids: [Int]) throws -> [AnnotationLink] {
    try connection.rows(
      "SELECT * FROM links WHERE fromId = ANY($1::bigint[]) OR toId = ANY($1::bigint[]) ORDER BY id", [.ints(ids)]
    ).map(PostgresRecords.link)
  }
}
