extension PostgresSchema {
  /// The longest name PostgreSQL keeps (`NAMEDATALEN - 1` bytes); a longer one is cut silently,
  /// which could make two roles one.
  public static let maximumNameBytes = 63

  /// The team roles (`TeamMember.Role`), each a group role of the database.
  public static let teamRoles = ["annotator", "lead"]

  /// The group role of team role `role` ("annotator", "lead") in project database `database`:
  /// `hashiya_<database>_<role>`, as role names are shared by every database of a server.
  ///
  /// Characters outside a-z, 0-9 and `_` become `_` (capitals their lowercase). A name that
  /// would pass `maximumNameBytes` keeps the start of the database's name and a hash of all of
  /// it, so the role's suffix always survives and two team roles never share a name.
  public static func groupRole(_ role: String, database: String) -> String {
    let suffix = "_" + roleNamePart(role)
    let base = roleNamePart(database)
    let room = maximumNameBytes - "hashiya_".utf8.count - suffix.utf8.count
    guard base.utf8.count > room else { return "hashiya_" + base + suffix }
    let hash = fnv1a(database)
    return "hashiya_" + base.prefix(max(0, room - hash.count - 1)) + "_" + hash + suffix
  }

  /// `name` as a quoted identifier, for the statements that cannot take a role name as a bound
  /// parameter. Only names of lowercase ASCII letters, digits and `_` are accepted, so the
  /// quoting never has to carry anything a reader could misread.
  public static func quoteIdentifier(_ name: String) throws(PostgresSchemaError) -> String {
    guard (1...maximumNameBytes).contains(name.utf8.count), name.unicodeScalars.allSatisfy(isRoleNameScalar)
    else { throw .invalidRoleName(name) }
    return "\"" + name.replacing("\"", with: "\"\"") + "\""
  }

  /// The statements that create the database's group roles when absent, name them in `meta`
  /// (where `hashiya_is_lead()` finds the lead group) and grant each what its members need.
  /// Run by the tables' owner after `statements`, and again whenever, as they change nothing twice.
  public static func roleStatements(database: String) throws(PostgresSchemaError) -> [String] {
    var statements: [String] = []
    for role in teamRoles {
      let name = groupRole(role, database: database)
      let quoted = try quoteIdentifier(name)
      statements.append(
        """
        DO $$
        BEGIN
          IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '\(name)') THEN
            CREATE ROLE \(quoted) NOLOGIN;
          END IF;
          EXECUTE pg_catalog.format('GRANT USAGE ON SCHEMA %I TO \(quoted)', pg_catalog.current_schema());
        END
        $$
        """)
      statements.append(
        """
        INSERT INTO meta (key, value) VALUES ('\(role)Role', '\(name)')
        ON CONFLICT (key) DO UPDATE SET value = excluded.value
        """)
      statements += grants[role, default: []].map { "GRANT \($0.privileges) ON \($0.table) TO \(quoted)" }
    }
    let lead = try quoteIdentifier(groupRole("lead", database: database))
    // A merge or a clone inserts explicit ids, then moves each identity past them (`setval`).
    statements.append(
      """
      DO $$
      BEGIN
        EXECUTE pg_catalog.format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO \(lead)',
          pg_catalog.current_schema());
      END
      $$
      """)
    return statements
  }

  /// The statements that make login role `member` a member of the group of team role `role`
  /// only, or, with `role` nil (a member removed), of neither.
  public static func membershipStatements(member: String, role: String?, database: String)
    throws(PostgresSchemaError) -> [String]
  {
    let login = try quoteIdentifier(member)
    return try teamRoles.map { team throws(PostgresSchemaError) in
      let group = try quoteIdentifier(groupRole(team, database: database))
      return team == role ? "GRANT \(group) TO \(login)" : "REVOKE \(group) FROM \(login)"
    }
  }

  /// What each group may do to each table; row-level security then narrows members to rows.
  /// Nobody may change a report's text or sha256, nor change or delete an event.
  private static let grants: [String: [(privileges: String, table: String)]] = [
    "annotator": [
      (
        "SELECT",
        """
        meta, reports, reports_fts, reviewState, plugins, annotations, links, reviews, reviewDecisions,
          suggestionDecisions, events, conflicts, team, assignments, assignmentRemovals, reportTokens, pendingSuggestions,
          commands
        """
      ),
      ("INSERT", "reports, reports_fts, reportTokens, plugins, annotations, links, suggestionDecisions, events"),
      ("UPDATE (version, kind, schema, registeredAt)", "plugins"),
      ("UPDATE (label, attributes, status, updatedAt)", "annotations"),
      ("UPDATE (status)", "links"),
      ("UPDATE (decision, origin, decidedAt), DELETE", "suggestionDecisions"),
      ("INSERT, UPDATE, DELETE", "pendingSuggestions"),
      ("UPDATE (doneAt)", "assignments"),
    ],
    "lead": [
      (
        "SELECT, INSERT, UPDATE, DELETE",
        """
        meta, reports_fts, reviewState, plugins, annotations, links, reviews, reviewDecisions, suggestionDecisions,
          conflicts, team, assignments, assignmentRemovals, reportTokens, pendingSuggestions
        """
      ),
      ("SELECT, INSERT", "reports, events"),
      ("SELECT", "commands"),
      ("UPDATE (title, titleFolded, source, url, language, published, metadata)", "reports"),
    ],
  ]

  private static func isRoleNameScalar(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
  }

  /// `text` with capitals in lowercase and every other character outside a role name as `_`.
  private static func roleNamePart(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          let lower = ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? "_" : scalar
          return isRoleNameScalar(lower) ? lower : "_"
        }))
  }

  /// The 32-bit FNV-1a hash of `text`'s UTF-8 in hex: short, and the same on every machine.
  private static func fnv1a(_ text: String) -> String {
    var hash: UInt32 = 0x811C_9DC5
    for byte in text.utf8 {
      hash = (hash ^ UInt32(byte)) &* 0x0100_0193
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }
}
