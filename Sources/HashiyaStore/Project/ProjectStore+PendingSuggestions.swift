import AnnotatorKit
import GRDB
import HashiyaModel

/// Each annotator's candidates of their last `suggest`, kept in the file and read page by page.
///
/// A candidate's state is never stored with it: it is read from the annotator's own decisions
/// (and the annotation an accept made), so undo, redo and another session's decisions show at once.
extension ProjectStore {
  /// Adds a batch of `author`'s candidates in one transaction, with one prepared insert; with
  /// `replacing`, their earlier list goes in the same transaction, so a failure keeps it whole.
  public func addPendingSuggestions(_ items: [PendingSuggestion], author: String, replacing: Bool = false) throws {
    guard !items.isEmpty || replacing else { return }
    try write("keep pending suggestions") { db in
      if replacing {
        try db.execute(sql: "DELETE FROM pendingSuggestions WHERE author = ?", arguments: [author])
      }
      // Bound value by value, as an import binds its rows: a run over every report writes millions.
      let insert = try BulkStatement(
        db,
        sql: """
          INSERT OR REPLACE INTO pendingSuggestions (author, number, reportId, layer, label, start, "end", quote,
            location, attributes, score, explanation, origin, links, suggestedAt)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      // After every event so far: a decision counts for the list only if made after it.
      let now = try Self.nextEventTime(db)
      for item in items {
        try insert.run(
          .text(author), .int(item.number), .int(item.reportID), .text(item.layer), .text(item.suggestion.label),
          .int(item.suggestion.range.start), .int(item.suggestion.range.end), .text(item.quote), .text(item.location),
          .text(item.storedAttributes), .double(item.suggestion.score),
          .text(item.suggestion.explanation), .text(item.origin), BulkValue(item.storedLinks), .text(now))
      }
    }
  }

  /// How many candidates `author` has pending, and how many of them are still open, by layer.
  public func pendingSuggestionCounts(author: String) throws(StoreError) -> [(
    layer: String, total: Int, open: Int
  )] {
    try read("count pending suggestions") { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT p.layer, count(*), sum(d.decision IS NULL) FROM pendingSuggestions p
          \(Self.pendingDecisionJoin)
          WHERE p.author = ? GROUP BY p.layer ORDER BY p.layer
          """, arguments: [author]
      ).map { row throws(StoreError) in
        (
          try row.checked(0, "pending suggestions"), try row.checked(1, "pending suggestions"),
          try row.checked(2, "pending suggestions")
        )
      }
    }
  }

  /// How many candidates `author` has: the list is numbered from 1 without gaps, so its last
  /// number, read from the key, where counting them would read a list of millions.
  public func pendingSuggestionTotal(author: String) throws(StoreError) -> Int {
    try read("count pending suggestions") { db in
      try Int.fetchOne(db, sql: "SELECT max(number) FROM pendingSuggestions WHERE author = ?", arguments: [author])
        ?? 0
    }
  }

  /// `author`'s candidates numbered `numbers`, in that range's order.
  public func pendingSuggestions(author: String, numbers: ClosedRange<Int>) throws(StoreError) -> [PendingSuggestion] {
    try read("read pending suggestions") { db in
      try Row.decodedAll(
        db.cachedStatement(
          sql: Self.pendingSelect + "WHERE p.author = ? AND p.number BETWEEN ? AND ? ORDER BY p.number"),
        arguments: [author, numbers.lowerBound, numbers.upperBound], Self.pendingSuggestion(from:))
    }
  }

  /// `author`'s candidates with these numbers, in number order; numbers with none are left out.
  public func pendingSuggestions(author: String, numbers: [Int]) throws(StoreError) -> [PendingSuggestion] {
    try read("read pending suggestions") { db in
      try Self.batched(Array(Set(numbers)).sorted()) { batch in
        try Row.decodedAll(
          db.cachedStatement(
            sql: Self.pendingSelect
              + "WHERE p.author = ? AND p.number IN (\(Self.marks(batch.count))) ORDER BY p.number"),
          arguments: [author] + StatementArguments(batch), Self.pendingSuggestion(from:))
      }
    }
  }

  /// The numbers of `author`'s candidates, of one layer or all, and only the open ones if asked.
  public func pendingSuggestionNumbers(author: String, layer: String? = nil, openOnly: Bool = false)
    throws(StoreError) -> [Int]
  {
    try read("read pending suggestions") { db in
      var sql = "SELECT p.number FROM pendingSuggestions p \(Self.pendingDecisionJoin) WHERE p.author = ?"
      var arguments: StatementArguments = [author]
      if let layer {
        sql += " AND p.layer = ?"
        arguments += [layer]
      }
      if openOnly { sql += " AND d.decision IS NULL" }
      return try Int.fetchAll(db, sql: sql + " ORDER BY p.number", arguments: arguments)
    }
  }

  /// The author's decision on each candidate, matched on the candidate's key, if made since the
  /// list was: one made before it is a rejection `suggest --again` offers anew.
  static let pendingDecisionJoin = """
    LEFT JOIN suggestionDecisions d ON d.reportId = p.reportId AND d.layer = p.layer AND d.label = p.label
      AND d.start = p.start AND d."end" = p."end" AND d.author = p.author AND d.decidedAt >= p.suggestedAt
    """

  /// Candidates with their decision and the annotation an accept made (the latest, while active),
  /// looked for only once decided: `accept all` reads a list of open ones.
  static let pendingSelect = """
    SELECT p.number, p.reportId, p.layer, p.label, p.start, p."end", p.quote, p.location, p.attributes,
      p.score, p.explanation, p.origin, p.links, d.decision,
      CASE WHEN d.decision IS NOT NULL THEN (
        SELECT a.id FROM annotations a WHERE a.reportId = p.reportId AND a.layer = p.layer AND a.label = p.label
          AND a.start = p.start AND a."end" = p."end" AND a.author = p.author AND a.status = 'active'
        ORDER BY a.id DESC LIMIT 1) END
    FROM pendingSuggestions p
    \(pendingDecisionJoin)

    """

  static func pendingSuggestion(from row: Row) throws(StoreError) -> PendingSuggestion {
    let number: Int = try row.checked(0, "a pending suggestion")
    let what = "pending suggestion \(number)"
    let attributes = try json(row, 8, what)?.objectValue
    let links = PendingSuggestion.storedLinkTargets(try json(row, 12, what))
    let verdict: String? = try row.checked(13, what)
    let state = PendingSuggestion.state(verdict: verdict, handle: verdict == nil ? nil : try row.checked(14, what))
    return PendingSuggestion(
      number: number, reportID: try row.checked(1, what), layer: try row.checked(2, what),
      origin: try row.checked(11, what),
      suggestion: Suggestion(
        label: try row.checked(3, what), range: TextRange(try row.checked(4, what), try row.checked(5, what)),
        attributes: Dictionary(attributes?.pairs ?? [], uniquingKeysWith: { $1 }), score: try row.checked(9, what),
        explanation: try row.checked(10, what)),
      quote: try row.checked(6, what), location: try row.checked(7, what), linkTargets: links, decided: state)
  }

  /// A JSON column, nil when NULL.
  private static func json(_ row: Row, _ index: Int, _ what: String) throws(StoreError) -> JSONValue? {
    guard let text: String = try row.checked(index, what) else { return nil }
    do {
      return try JSONParser.parse(text)
    } catch {
      throw .damaged(what: what, reason: "its JSON does not parse")
    }
  }
}
