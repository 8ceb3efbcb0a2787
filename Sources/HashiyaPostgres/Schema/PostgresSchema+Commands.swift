import HashiyaModel

extension PostgresSchema {
  /// The list of each author's commands that undo and redo read, as a project file keeps it
  /// (file schema version 12): one row per batch that holds an undoable event, with its author,
  /// its first such event and its kind (`undo`, `redo` or `change`, as `EventSnapshot.undoStacks`
  /// folds them). Undo reads the author's range of one index where it folded every event they
  /// ever logged.
  ///
  /// As on a file, a change lists its command with its first undoable event, and a merge or a
  /// copy lists those of the events it brings, each through a function that derives the rows
  /// from the log and runs as the tables' owner: members may read their own commands but write
  /// none, so nobody can list a command the log does not hold. A trigger on the log would need
  /// no writer to remember, but cost a sixth of a server's `accept all`, run on every event.
  static let commandList: [String] = [
    """
    CREATE TABLE commands (
      batch text PRIMARY KEY,
      author text NOT NULL,
      firstEvent bigint NOT NULL,
      kind text NOT NULL CHECK (kind IN ('change', 'undo', 'redo'))
    )
    """,
    "CREATE INDEX commands_by_author ON commands (author, firstEvent)",
    """
    CREATE FUNCTION hashiya_note_command(command text) RETURNS void LANGUAGE sql SECURITY DEFINER AS $$
      \(listCommands(where: "batch = command"))
    $$
    """,
    """
    CREATE FUNCTION hashiya_note_commands_after(event bigint) RETURNS void LANGUAGE sql SECURITY DEFINER AS $$
      \(listCommands(where: "id > event"))
    $$
    """,
    pinSearchPath(of: ["hashiya_note_command(text)", "hashiya_note_commands_after(bigint)"]),
    "ALTER TABLE commands ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY commands_lead ON commands FOR SELECT USING (\(isLead))",
    "CREATE POLICY commands_own ON commands FOR SELECT USING (author = session_user)",
  ]

  /// Lists the commands of the events `condition` keeps, as a file lists them.
  private static func listCommands(where condition: String) -> String {
    "INSERT INTO commands (batch, author, firstEvent, kind) "
      + EventSnapshot.commandRows(from: "events", where: condition) + " ON CONFLICT (batch) DO NOTHING"
  }

  /// The upgrade from version 9, which had no list: the list, the commands of the events already
  /// logged, and the right to read it for the group roles `meta` names.
  static let commandListUpgrade: [String] =
    commandList + [
      "SELECT hashiya_note_commands_after(0)",
      """
      DO $$
      DECLARE
        grantee text;
      BEGIN
        FOR grantee IN SELECT value FROM meta WHERE key IN ('annotatorRole', 'leadRole') LOOP
          EXECUTE pg_catalog.format('GRANT SELECT ON commands TO %I', grantee);
        END LOOP;
      END
      $$
      """,
    ]
}
