extension PostgresSchema {
  /// The functions row-level security asks who sees what, as `TeamAccess.maySee` decides.
  ///
  /// A connection is a member by its login: `session_user`, which `SET ROLE` and these
  /// functions' own `SECURITY DEFINER` do not change, is their name as the tables keep it
  /// (the store makes a member's name their role's). Leads are the members of the lead group
  /// role named in `meta` under `leadRole` (see `roleStatements(database:)`); with none named,
  /// nobody is, and only the tables' owner sees everything (a fail-closed default).
  ///
  /// The functions run as the tables' owner, whom row-level security does not restrict, so they
  /// read the whole team and every setting; their search path is pinned to the project's
  /// schema, so nobody can put a table of their own (in `pg_temp`) in its place. None takes a
  /// row's value: the policies call each in a subquery of its own, which PostgreSQL runs once
  /// per query (an InitPlan) rather than once per row.
  static let visibilityFunctions = [
    """
    CREATE FUNCTION hashiya_is_lead() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
      SELECT EXISTS (
        SELECT FROM meta JOIN pg_catalog.pg_roles ON rolname = value
        WHERE key = 'leadRole' AND pg_catalog.pg_has_role(session_user, pg_roles.oid, 'MEMBER'))
    $$
    """,
    // A stored setting that does not parse counts as none, as in `ProjectStore.blindSetting`.
    """
    CREATE FUNCTION hashiya_blind_setting(setting text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
    DECLARE
      parsed jsonb;
    BEGIN
      parsed := setting::jsonb;
      IF pg_catalog.jsonb_typeof(parsed -> 'on') = 'boolean'
        AND pg_catalog.jsonb_typeof(parsed -> 'at') = 'string' THEN
        RETURN (parsed ->> 'on')::boolean;
      END IF;
      RETURN NULL;
    EXCEPTION WHEN invalid_text_representation THEN
      RETURN NULL;
    END
    $$
    """,
    // The project-wide setting: explicit, or on once two annotators are active.
    """
    CREATE FUNCTION hashiya_blind_by_default() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
      SELECT coalesce(
        (SELECT hashiya_blind_setting(value) FROM meta WHERE key = 'blind'),
        (SELECT count(*) >= 2 FROM team WHERE role = 'annotator' AND status = 'active'))
    $$
    """,
    // The layers set blind (`blind` true) or not one by one, over the project-wide setting.
    """
    CREATE FUNCTION hashiya_layers_set(blind boolean) RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER AS $$
      SELECT coalesce(pg_catalog.array_agg(pg_catalog.substr(key, 7)), '{}') FROM meta
      WHERE key LIKE 'blind:%' AND hashiya_blind_setting(value) = blind
    $$
    """,
    // Every new event's time must pass the latest in the whole log (see
    // `ProjectStore.nextEventTime`), including events a blind annotator may not read.
    """
    CREATE FUNCTION hashiya_last_event_time() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER AS $$
      SELECT max(at) FROM events
    $$
    """,
    pinSearchPath(of: [
      "hashiya_is_lead()", "hashiya_blind_by_default()", "hashiya_layers_set(boolean)", "hashiya_last_event_time()",
      "hashiya_blind_setting(text)",
    ]),
  ]

  /// Pins the search path of `functions` (signatures) to the project's schema, so nobody can put a
  /// table of their own (in `pg_temp`) in place of one the function reads.
  static func pinSearchPath(of functions: [String]) -> String {
    """
    DO $$
    DECLARE
      function text;
    BEGIN
      FOREACH function IN ARRAY ARRAY[\(functions.map { "'\($0)'" }.joined(separator: ", "))]
      LOOP
        EXECUTE pg_catalog.format('ALTER FUNCTION %s SET search_path = %I, pg_temp', function,
          pg_catalog.current_schema());
      END LOOP;
    END
    $$
    """
  }

  /// Whether the connected member is a lead, once per query.
  static let isLead = "(SELECT hashiya_is_lead())"

  /// Whether the row's `layer` is annotated blind: `TeamAccess.isBlind`.
  static let layerIsBlind = """
    (layer = ANY ((SELECT hashiya_layers_set(true))::text[])
      OR (NOT layer = ANY ((SELECT hashiya_layers_set(false))::text[]) AND (SELECT hashiya_blind_by_default())))
    """

  /// Whether some layer is blind: `TeamAccess.isRestricted`, for whoever is not a lead.
  static let anyLayerIsBlind = "((SELECT hashiya_blind_by_default()) OR (SELECT hashiya_layers_set(true)) <> '{}')"

  /// Whether the member may see the row's work: `TeamAccess.maySee(author:layer:)`.
  static let maySeeAuthorsWork = "(author = session_user OR \(isLead) OR NOT \(layerIsBlind))"
}
