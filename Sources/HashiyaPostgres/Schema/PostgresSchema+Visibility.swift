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
  /// schema, so nobody can put a table of their own (in `pg_temp`) in its place.
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
    // The layer's own setting, else the project's, else blind once two annotators are active.
    """
    CREATE FUNCTION hashiya_layer_is_blind(layer text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
      SELECT coalesce(
        (SELECT hashiya_blind_setting(value) FROM meta WHERE key = 'blind:' || layer),
        (SELECT hashiya_blind_setting(value) FROM meta WHERE key = 'blind'),
        (SELECT count(*) >= 2 FROM team WHERE role = 'annotator' AND status = 'active'))
    $$
    """,
    """
    CREATE FUNCTION hashiya_may_see(author text, layer text) RETURNS boolean LANGUAGE sql STABLE AS $$
      SELECT author = session_user OR hashiya_is_lead() OR NOT hashiya_layer_is_blind(layer)
    $$
    """,
    // Whether some layer is blind: `TeamAccess.isRestricted`, for whoever is not a lead.
    """
    CREATE FUNCTION hashiya_any_layer_blind() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
      SELECT coalesce(
        (SELECT hashiya_blind_setting(value) FROM meta WHERE key = 'blind'),
        (SELECT count(*) >= 2 FROM team WHERE role = 'annotator' AND status = 'active'))
        OR EXISTS (SELECT FROM meta WHERE key LIKE 'blind:%' AND hashiya_blind_setting(value))
    $$
    """,
    // Every new event's time must pass the latest in the whole log (see
    // `ProjectStore.nextEventTime`), including events a blind annotator may not read.
    """
    CREATE FUNCTION hashiya_last_event_time() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER AS $$
      SELECT max(at) FROM events
    $$
    """,
    """
    DO $$
    DECLARE
      function text;
    BEGIN
      FOREACH function IN ARRAY ARRAY['hashiya_is_lead()', 'hashiya_layer_is_blind(text)', 'hashiya_any_layer_blind()',
        'hashiya_last_event_time()', 'hashiya_may_see(text, text)', 'hashiya_blind_setting(text)']
      LOOP
        EXECUTE pg_catalog.format('ALTER FUNCTION %s SET search_path = %I, pg_temp', function,
          pg_catalog.current_schema());
      END LOOP;
    END
    $$
    """,
  ]
}
