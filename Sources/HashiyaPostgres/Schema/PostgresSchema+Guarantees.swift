extension PostgresSchema {
  /// The project file's triggers, which hold for everyone, the tables' owner included:
  /// `reports_text_is_immutable`, `events_no_update` and `events_no_delete`, with their messages.
  ///
  /// A `TRUNCATE` fires no row trigger, so the log also refuses one (SQLite has no `TRUNCATE`).
  /// Each refusal is a `RAISE EXCEPTION`, SQLSTATE P0001 (`raise_exception`).
  static let guarantees = [
    """
    CREATE FUNCTION hashiya_refuse_text_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'a report''s text never changes';
    END
    $$
    """,
    """
    CREATE TRIGGER reports_text_is_immutable BEFORE UPDATE OF text, sha256, length ON reports
    FOR EACH ROW EXECUTE FUNCTION hashiya_refuse_text_change()
    """,
    """
    CREATE FUNCTION hashiya_refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the event log is append-only';
    END
    $$
    """,
    """
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION hashiya_refuse_log_change()
    """,
    """
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION hashiya_refuse_log_change()
    """,
    """
    CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION hashiya_refuse_log_change()
    """,
  ]
}
