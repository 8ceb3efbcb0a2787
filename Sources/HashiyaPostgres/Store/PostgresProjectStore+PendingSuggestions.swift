import AnnotatorKit
import HashiyaModel

/// Each annotator's candidates of their last `suggest`, kept on the server and read page by page.
///
/// As in a file, a candidate's state is never stored with it: it is read from the annotator's own
/// decisions (and the annotation an accept made), so undo, redo and a teammate's session show at once.
extension PostgresProjectStore {
  /// From this many candidates on, a batch goes to the server by `COPY` rather than by inserts.
  static let pendingCopyThreshold = 50

  /// Adds a batch of `author`'s candidates in one transaction; with `replacing`, their earlier
  /// list goes in the same transaction, so a failure keeps it whole.
  public func addPendingSuggestions(_ items: [PendingSuggestion], author: String, replacing: Bool) throws {
    guard !items.isEmpty || replacing else { return }
    try write("keep pending suggestions") { connection in
      if replacing {
        _ = try connection.execute("DELETE FROM pendingSuggestions WHERE author = $1", [.text(author)])
      }
      // After every event so far: a decision counts for the list only if made after it.
      let now = try Self.nextEventTime(connection)
      let rows = items.map { item -> [String?] in
        [
          author, String(item.number), String(item.reportID), item.layer, item.suggestion.label,
          String(item.suggestion.range.start), String(item.suggestion.range.end), item.quote, item.location,
          item.storedAttributes, PostgresValue.double(item.suggestion.score).postgresText,
          item.suggestion.explanation, item.origin, item.storedLinks, now,
        ]
      }
      guard rows.count >= Self.pendingCopyThreshold else {
        for row in rows {
          _ = try connection.execute(
            """
            INSERT INTO pendingSuggestions (\(Self.pendingColumns))
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \(Self.pendingReplace)
            """, row.map { $0.map(PostgresValue.text) })
        }
        return
      }
      // Row-level security refuses COPY into the table itself: the rows go by COPY into a table
      // of this transaction, then across in one statement that the policies check.
      _ = try connection.execute(
        "CREATE TEMPORARY TABLE pendingIncoming (LIKE pendingSuggestions) ON COMMIT DROP")
      _ = try connection.copyIn("COPY pendingIncoming (\(Self.pendingColumns)) FROM STDIN", rows: rows)
      _ = try connection.execute(
        """
        INSERT INTO pendingSuggestions (\(Self.pendingColumns))
        SELECT \(Self.pendingColumns) FROM pendingIncoming \(Self.pendingReplace)
        """)
    }
  }

  private static let pendingColumns = """
    author, number, reportId, layer, label, start, "end", quote, location, attributes, score, explanation, origin,
      links, suggestedAt
    """

  /// A number listed again replaces its candidate, as on a file.
  private static let pendingReplace = """
    ON CONFLICT (author, number) DO UPDATE SET reportId = excluded.reportId, layer = excluded.layer,
      label = excluded.label, start = excluded.start, "end" = excluded."end", quote = excluded.quote,
      location = excluded.location, attributes = excluded.attributes, score = excluded.score,
      explanation = excluded.explanation, origin = excluded.origin, links = excluded.links,
      suggestedAt = excluded.suggestedAt
    """

  /// How many candidates `author` has pending, and how many of them are still open, by layer.
  public func pendingSuggestionCounts(author: String) throws(StoreError) -> [(layer: String, total: Int, open: Int)] {
    try read("count pending suggestions") { connection in
      try connection.rows(
        """
        SELECT p.layer, count(*), count(*) FILTER (WHERE d.decision IS NULL) FROM pendingSuggestions p
        \(Self.pendingDecisionJoin)
        WHERE p.author = $1 GROUP BY p.layer ORDER BY p.layer COLLATE "C"
        """, [.text(author)]
      ).map { row throws(StoreError) in
        (
          try row.text(0, "pending suggestions"), try row.int(1, "pending suggestions"),
          try row.int(2, "pending suggestions")
        )
      }
    }
  }

  /// `author`'s candidates numbered `numbers`, in that range's order.
  public func pendingSuggestions(author: String, numbers: ClosedRange<Int>) throws(StoreError) -> [PendingSuggestion] {
    try read("read pending suggestions") { connection in
      try connection.rows(
        Self.pendingSelect + "WHERE p.author = $1 AND p.number BETWEEN $2 AND $3 ORDER BY p.number",
        [.text(author), .int(numbers.lowerBound), .int(numbers.upperBound)]
      ).map(PostgresRecords.pendingSuggestion)
    }
  }

  /// How many candidates `author` has: the list's last number, as it is numbered without gaps.
  public func pendingSuggestionTotal(author: String) throws(StoreError) -> Int {
    try read("count pending suggestions") { connection in
      try connection.rows(
        "SELECT coalesce(max(number), 0) FROM pendingSuggestions WHERE author = $1", [.text(author)]
      ).first.map { row throws(StoreError) in try row.int(0, "the number of pending suggestions") } ?? 0
    }
  }

  /// `author`'s candidates with these numbers, in number order; numbers with none are left out.
  public func pendingSuggestions(author: String, numbers: [Int]) throws(StoreError) -> [PendingSuggestion] {
    guard !numbers.isEmpty else { return [] }
    return try read("read pending suggestions") { connection in
      try connection.rows(
        Self.pendingSelect + "WHERE p.author = $1 AND p.number = ANY($2::bigint[]) ORDER BY p.number",
        [.text(author), .ints(numbers)]
      ).map(PostgresRecords.pendingSuggestion)
    }
  }

  /// The numbers of `author`'s candidates, of one layer or all, and only the open ones if asked.
  public func pendingSuggestionNumbers(author: String, layer: String?, openOnly: Bool) throws(StoreError) -> [Int] {
    try read("read pending suggestions") { connection in
      try connection.rows(
        """
        SELECT p.number FROM pendingSuggestions p \(Self.pendingDecisionJoin)
        WHERE p.author = $1 AND ($2::text IS NULL OR p.layer = $2) AND (NOT $3 OR d.decision IS NULL)
        ORDER BY p.number
        """, [.text(author), .optional(layer), .bool(openOnly)]
      ).map { row throws(StoreError) in try row.int(0, "a pending suggestion's number") }
    }
  }

  /// The author's decision on each candidate, matched on the candidate's key, if made since the
  /// list was: one made before it is a rejection `suggest --again` offers anew.
  static let pendingDecisionJoin = """
    LEFT JOIN suggestionDecisions d ON d.reportId = p.reportId AND d.layer = p.layer AND d.label = p.label
      AND d.start = p.start AND d."end" = p."end" AND d.author = p.author
      AND d.decidedAt COLLATE "C" >= p.suggestedAt COLLATE "C"
    """

  /// Candidates with their decision and the annotation an accept made (the latest, while active).
  static let pendingSelect = """
    SELECT p.number, p.reportId, p.layer, p.label, p.start, p."end", p.quote, p.location, p.attributes,
      p.score, p.explanation, p.origin, p.links, d.decision,
      (SELECT a.id FROM annotations a WHERE a.reportId = p.reportId AND a.layer = p.layer AND a.label = p.label
        AND a.start = p.start AND a."end" = p."end" AND a.author = p.author AND a.status = 'active'
        ORDER BY a.id DESC LIMIT 1)
    FROM pendingSuggestions p
    \(pendingDecisionJoin)

    """
}
