import Foundation
import HashiyaModel

/// A Hashiya project kept in a PostgreSQL database: the team server.
///
/// One connection per store, used by one command at a time (a lock keeps it so). The user is
/// the role the server authenticated (`session_user`), never a name the client chooses; what
/// an annotator may see of a blind layer is decided by the database's row-level security, so
/// it holds for `psql` as much as for Hashiya.
public final class PostgresProjectStore: @unchecked Sendable {
  /// The server's address as the user gave it, without any password.
  public let path: String
  /// The role the server authenticated this connection as.
  public let user: String
  /// The database's name, which the team's group roles are named after.
  public let databaseName: String
  let connection: PostgresConnection
  /// One command at a time on the connection: libpq connections are not shared between threads.
  let lock = NSRecursiveLock()
  /// Where the server makes scratch copies of itself for a merge or `check`: set by
  /// whoever opens it, as only the file backend can make one.
  public var scratchProjects: (() throws -> ScratchProject)? {
    get { lock.withLock { scratchMaker } }
    set { lock.withLock { scratchMaker = newValue } }
  }
  private var scratchMaker: (() throws -> ScratchProject)?
  /// The scratch copy of the merge running, removed once its rows are taken.
  var discardAfterMerge: (() -> Void)?

  /// The server process of this connection, whose own announcements are not a teammate's.
  let backendProcess: Int32

  private init(
    path: String, connection: PostgresConnection, user: String, databaseName: String, backendProcess: Int32
  ) {
    self.path = path
    self.connection = connection
    self.user = user
    self.databaseName = databaseName
    self.backendProcess = backendProcess
  }

  /// The database's name.
  public var name: String { databaseName }

  /// The server authenticated this user: on a server, nobody chooses who they are.
  public var authenticatedUser: String? { user }

  /// A server project is never a damaged file; problems there are the server's to report.
  public var damage: [String] { [] }

  /// Whether `location` names a server rather than a file: a `postgresql://` or `postgres://`
  /// URL, or a libpq keyword string such as `host=… dbname=…`.
  public static func isServerAddress(_ location: String) -> Bool {
    let lowered = location.lowercased()
    if lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://") { return true }
    // A keyword string starts with `keyword=`; a file name holding "=" after a slash is a path.
    guard let equals = location.firstIndex(of: "="), !location[..<equals].contains("/") else { return false }
    let keyword = location[..<equals].trimmingCharacters(in: .whitespaces)
    return Self.keywords.contains(keyword)
  }

  private static let keywords: Set<String> = [
    "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "sslmode", "service", "application_name",
    "connect_timeout", "options", "target_session_attrs",
  ]

  /// `location` with any password replaced, for messages and the prompt.
  public static func redacted(_ location: String) -> String {
    var text = location
    // URL form: scheme://user:password@host
    if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") {
      let credentials = text[scheme.upperBound..<at]
      if let colon = credentials.firstIndex(of: ":") {
        text.replaceSubrange(colon..<at, with: ":***")
      }
    }
    // Keyword form, and a password given as a URL parameter.
    if let range = text.range(of: #"password\s*=\s*('[^']*'|[^\s&]*)"#, options: .regularExpression) {
      text.replaceSubrange(range, with: "password=***")
    }
    return text
  }

  /// Opens the project in the database `location` names; `hashiya init` creates it first.
  ///
  /// A database of an older schema is brought up to date once, under an advisory lock, so two
  /// clients opening it at the same time never migrate it twice.
  public static func open(_ location: String, announce: ((String) -> Void)? = nil) throws(StoreError)
    -> PostgresProjectStore
  {
    try open(location, announce: announce, upgrades: PostgresSchema.upgradeStatements(from:))
  }

  /// Opens the project with `upgrades` giving the statements that bring a schema version to the
  /// current one, so tests can check the upgrade path before a release needs one.
  static func open(
    _ location: String, announce: ((String) -> Void)?, upgrades: (Int) -> [String]
  ) throws(StoreError) -> PostgresProjectStore {
    let shown = redacted(location)
    let connection = try connect(location, shown: shown)
    let store = try identify(connection, path: shown)
    let version = try store.read("open \(shown)") { connection in
      do {
        return try store.schemaVersion(connection)
      } catch let error as PostgresError where error.sqlState == PostgresSQLState.insufficientPrivilege {
        // A login the server knows but the project's team does not include.
        throw StoreError.cannotOpen(
          path: shown,
          reason:
            "\(store.user) is not on this project's team; a lead adds them with \"team add \(store.user) annotator\"")
      }
    }
    guard let version else {
      throw .notAProject(
        path: shown, reason: "the database holds no Hashiya project; \"hashiya init \(shown)\" makes one")
    }
    guard version <= PostgresSchema.version else {
      throw .newerSchema(path: shown, found: version, supported: PostgresSchema.version)
    }
    if version < PostgresSchema.version {
      announce?("upgrading \(shown) from schema \(version) to \(PostgresSchema.version)")
      try store.migrate(upgrades)
    }
    return store
  }

  /// Creates the project's schema, roles and grants in the empty database `location` names.
  ///
  /// A database that holds tables of its own is refused untouched: a project only ever goes into
  /// an empty database, so `init` can never mix with or damage someone else's data.
  public static func create(_ location: String) throws(StoreError) -> PostgresProjectStore {
    let shown = redacted(location)
    let connection = try connect(location, shown: shown)
    let store = try identify(connection, path: shown)
    do {
      try store.createSchema()
    } catch {
      throw storeError(error, operation: "create the project in \(shown)")
    }
    return store
  }

  private func createSchema() throws {
    let store = self
    try write("create the project in \(path)") { connection in
      _ = try connection.execute("SELECT pg_advisory_xact_lock($1)", [.integer(PostgresSchema.advisoryLockKey)])
      let tables = try connection.execute(
        "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()")
      guard (try tables.int(0, 0) ?? 0) == 0 else {
        throw StoreError.notAProject(
          path: store.path, reason: "the database already holds tables; a project is only created in an empty one")
      }
      for statement in PostgresSchema.statements { _ = try connection.execute(statement) }
      for statement in try PostgresSchema.roleStatements(database: store.databaseName) {
        _ = try connection.execute(statement)
      }
      // The one who creates the project leads it, as in a new project file.
      _ = try connection.execute(
        """
        INSERT INTO team (name, folded, role, status, addedBy, updatedAt) VALUES ($1, $2, 'lead', 'active', $1, $3)
        """, [.text(store.user), .text(MemberName.fold(store.user)), .text(Timestamp.now())])
    }
  }

  private static func connect(_ location: String, shown: String) throws(StoreError) -> PostgresConnection {
    do throws(PostgresError) {
      return try PostgresConnection(location)
    } catch {
      throw .cannotOpen(path: shown, reason: error.description)
    }
  }

  private static func identify(_ connection: PostgresConnection, path: String) throws(StoreError)
    -> PostgresProjectStore
  {
    do throws(PostgresError) {
      let identity = try connection.execute("SELECT session_user, current_database(), pg_backend_pid()")
      guard let user = try identity.string(0, 0), let database = try identity.string(0, 1),
        let process = try identity.int(0, 2)
      else {
        throw PostgresError.unexpectedResult("the server did not say who is connected")
      }
      // Teammates' changes are announced on the project's channel as they commit.
      try connection.listen(PostgresActivity.channel)
      return PostgresProjectStore(
        path: path, connection: connection, user: user, databaseName: database, backendProcess: Int32(process))
    } catch {
      throw .cannotOpen(path: path, reason: error.description)
    }
  }

  /// The schema version `meta` records; nil when the database holds no project.
  private func schemaVersion(_ connection: PostgresConnection) throws(PostgresError) -> Int? {
    let table = try connection.execute("SELECT to_regclass('meta') IS NOT NULL")
    guard try table.bool(0, 0) == true else { return nil }
    let row = try connection.execute("SELECT value FROM meta WHERE key = 'schemaVersion'")
    return try row.string(0, 0).flatMap { Int($0) }
  }

  private func migrate(_ upgrades: (Int) -> [String]) throws(StoreError) {
    do {
      try migrateSchema(upgrades)
    } catch {
      throw Self.storeError(error, operation: "upgrade \(path)")
    }
  }

  private func migrateSchema(_ upgrades: (Int) -> [String]) throws {
    try write("upgrade \(path)") { connection in
      _ = try connection.execute("SELECT pg_advisory_xact_lock($1)", [.integer(PostgresSchema.advisoryLockKey)])
      // Another client may have migrated while this one waited for the lock.
      guard let current = try schemaVersion(connection), current < PostgresSchema.version else { return }
      for statement in upgrades(current) {
        do {
          _ = try connection.execute(statement)
        } catch let error as PostgresError where error.sqlState == PostgresSQLState.insufficientPrivilege {
          // Tables are changed by their owner alone, the member who created the project.
          throw StoreError.cannotOpen(
            path: path,
            reason: "its schema is version \(current), and only the project's owner may upgrade it to "
              + "\(PostgresSchema.version): ask them to open it once with this version of hashiya")
        }
      }
      _ = try connection.execute(
        "UPDATE meta SET value = $1 WHERE key = 'schemaVersion'", [.text(String(PostgresSchema.version))])
    }
  }

  /// Stops the statement running for a long command (Ctrl-C); its transaction rolls back, so the
  /// project is as it was before the command.
  public func interrupt() {
    connection.cancel()
  }

  /// Runs `body` on the connection outside any transaction the store opens, mapping failures.
  func read<T>(_ operation: @autoclosure () -> String, _ body: (PostgresConnection) throws -> T) throws(StoreError)
    -> T
  {
    lock.lock()
    defer { lock.unlock() }
    connection.clearCancellation()
    do {
      return try body(connection)
    } catch {
      throw Self.storeError(error, operation: operation())
    }
  }

  /// Runs `body` in one transaction: all of its writes or, on any error, none. The server's
  /// errors become store errors; any other error `body` throws comes out as it is.
  func write<T>(_ operation: @autoclosure () -> String, _ body: (PostgresConnection) throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    connection.clearCancellation()
    do {
      return try connection.transaction { try body(connection) }
    } catch let error as PostgresError {
      throw Self.storeError(error, operation: operation())
    }
  }

  /// A store error for any failure: the store's and the model's own errors pass as they are.
  static func storeError(_ error: any Error, operation: String) -> StoreError {
    switch error {
    case let error as StoreError: return error
    case let error as PostgresError:
      if case .queryFailed(_, let message, let detail, _) = error {
        return .database(operation: operation, message: detail.map { "\(message) (\($0))" } ?? message)
      }
      return .database(operation: operation, message: error.description)
    default:
      return .database(operation: operation, message: String(describing: error))
    }
  }
}

extension PostgresProjectStore: ProjectStoring {
  /// The project's identity, the same in every copy of it.
  public func projectUID() throws(StoreError) -> String {
    try read("read the project's identity") { connection in
      guard let uid = try connection.rows("SELECT value FROM meta WHERE key = 'uid'").first?.optionalText(0) else {
        throw StoreError.damaged(what: "the project", reason: "it has no uid in meta")
      }
      return uid
    }
  }
}
