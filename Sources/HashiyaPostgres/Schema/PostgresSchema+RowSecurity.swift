extension PostgresSchema {
  /// Blind annotation held by the database: on a blind layer, an annotator's connection reads
  /// only their own annotations, and none of the links, reviews, decisions and events that would
  /// show a teammate's labels, even when it queries the tables by hand.
  ///
  /// Leads read and write every row. Members write only rows in their own name; grants (see
  /// `roleStatements(database:)`) decide which tables and columns they write at all. The
  /// tables' owner, who created the project and is its first lead, is not subject to row-level
  /// security (no `FORCE ROW LEVEL SECURITY`): the store's upgrades and checks see every row.
  static let rowSecurity: [String] =
    policies.flatMap { table, rules in
      ["ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY"]
        + ["CREATE POLICY \(table)_lead ON \(table) USING (\(isLead)) WITH CHECK (\(isLead))"]
        + rules.map { "CREATE POLICY \(table)_\($0.name) ON \(table) \($0.rule)" }
    }

  /// A subquery on a table under row-level security sees the rows the querying member sees, so
  /// "its annotation is visible" is an `EXISTS` on `annotations`.
  private static let policies: [(table: String, rules: [(name: String, rule: String)])] = [
    (
      "annotations",
      [
        ("visible", "FOR SELECT USING \(maySeeAuthorsWork)"),
        ("own_insert", "FOR INSERT WITH CHECK (author = session_user)"),
        ("own_update", "FOR UPDATE USING (author = session_user) WITH CHECK (author = session_user)"),
      ]
    ),
    (
      "links",
      [
        ("visible", "FOR SELECT USING \(linksVisibleAnnotations)"),
        // A link to an annotation the member may not see would tell them it exists.
        ("own_insert", "FOR INSERT WITH CHECK (author = session_user AND \(linksVisibleAnnotations))"),
        ("own_update", "FOR UPDATE USING (author = session_user) WITH CHECK (author = session_user)"),
      ]
    ),
    ("reviews", [("visible", "FOR SELECT USING (EXISTS (SELECT FROM annotations WHERE id = annotationId))")]),
    // An adjudication shows what the others marked.
    ("reviewDecisions", [("visible", "FOR SELECT USING (NOT \(layerIsBlind))")]),
    (
      "suggestionDecisions",
      [
        ("visible", "FOR SELECT USING \(maySeeAuthorsWork)"),
        ("own", "USING (author = session_user) WITH CHECK (author = session_user)"),
      ]
    ),
    ("pendingSuggestions", [("own", "USING (author = session_user) WITH CHECK (author = session_user)")]),
    (
      "events",
      [
        ("visible", "FOR SELECT USING (author = session_user OR \(eventShowsNoHiddenWork))"),
        ("own_insert", "FOR INSERT WITH CHECK (author = session_user)"),
      ]
    ),
    // Conflicts carry both sides' values: a merge is a lead's work.
    ("conflicts", []),
    (
      "assignments",
      [
        ("visible", "FOR SELECT USING (true)"),
        ("own_update", "FOR UPDATE USING (annotator = session_user) WITH CHECK (annotator = session_user)"),
      ]
    ),
  ]

  private static let linksVisibleAnnotations = """
    (EXISTS (SELECT FROM annotations WHERE id = fromId) AND EXISTS (SELECT FROM annotations WHERE id = toId))
    """

  /// Whether a teammate's event reveals nothing the reader may not see: an event about one
  /// annotation, link, review or adjudication is readable with it; a suggestion decision or a
  /// bulk import, whose snapshot holds labels of any layer, only when no layer is blind.
  private static let eventShowsNoHiddenWork = """
    CASE entity
      WHEN 'annotation' THEN EXISTS (SELECT FROM annotations WHERE uuid = entityId)
      WHEN 'link' THEN EXISTS (SELECT FROM links WHERE uuid = entityId)
      WHEN 'review' THEN EXISTS (SELECT FROM reviews WHERE uuid = entityId)
      WHEN 'review-unit' THEN EXISTS (SELECT FROM reviewDecisions WHERE uuid = entityId)
      WHEN 'suggestion' THEN NOT \(anyLayerIsBlind)
      WHEN 'annotations' THEN NOT \(anyLayerIsBlind)
      WHEN 'review-work' THEN NOT \(anyLayerIsBlind)
      ELSE true
    END
    """
}
