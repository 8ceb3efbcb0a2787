import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A throwaway PostgreSQL server for tests: one per test process, started on first use, stopped at exit.
///
/// It listens only on a Unix socket in its own temporary folder and trusts every local role, so
/// tests connect with `conninfo(database:)` and no password. The lock serializes starting it and
/// creating databases; everything else is immutable.
public final class PostgresCluster: @unchecked Sendable {
  /// The cluster every test of the process shares.
  public static let shared = PostgresCluster()

  /// Why no cluster can be started on this machine, or `nil` when one can.
  public static let unavailable: String? = {
    guard binDirectory != nil else { return "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin" }
    if getuid() == 0 {
      guard runuser != nil else { return "running as root, and runuser is missing to start PostgreSQL as postgres" }
      guard getpwnam("postgres") != nil else { return "running as root, and there is no postgres user" }
    }
    return nil
  }()

  /// Whether tests can use the cluster; the first call prints the reason when they cannot, so a skip is never silent.
  public static var isAvailable: Bool { availabilityReported }

  /// The port the server's socket file is named after; nothing listens on TCP.
  public static let port = 5432

  /// The folder holding the socket, given as `host` to clients.
  public let socketDirectory: String

  private let folder: String
  private let dataDirectory: String
  private let lock = NSLock()
  private var started = false
  /// Why the first start failed; later callers get the same reason instead of a confusing second attempt.
  private var startFailure: Failure?

  private init() {
    let name = "\(Self.folderPrefix)\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    socketDirectory = folder + "/sock"
    dataDirectory = folder + "/data"
  }

  /// Creates an empty database owned by `postgres` and returns its name, starting the cluster on first use.
  public func createDatabase() throws -> String {
    let name = "t_" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
    try run("createdb", ["-h", socketDirectory, "-p", String(Self.port), "-U", "postgres", name])
    return name
  }

  /// Creates a role (with LOGIN unless told otherwise) and no privileges, starting the cluster on first use.
  public func createRole(_ name: String, login: Bool = true) throws {
    try run(
      "createuser",
      ["-h", socketDirectory, "-p", String(Self.port), "-U", "postgres", login ? "--login" : "--no-login", name])
  }

  /// libpq key=value connection parameters for `database` as `user`.
  public func conninfo(database: String, user: String = "postgres") -> String {
    "host=\(Self.quoted(socketDirectory)) port=\(Self.port) dbname=\(Self.quoted(database)) user=\(Self.quoted(user))"
  }

  /// A conninfo value in single quotes, so a temporary folder with a space in its path still parses.
  private static func quoted(_ value: String) -> String {
    "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
  }

  /// The same connection as a `postgresql://` URL, the socket folder percent-encoded in its `host` parameter.
  public func url(database: String, user: String = "postgres") -> String {
    let host = socketDirectory.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? socketDirectory
    return "postgresql://\(user)@/\(database)?host=\(host)&port=\(Self.port)"
  }

  // MARK: - Starting and stopping

  /// Runs a client binary against the cluster, starting the cluster first when needed.
  private func run(_ tool: String, _ arguments: [String]) throws {
    try startIfNeeded()
    guard let bin = Self.binDirectory else { throw Failure(Self.unavailable ?? "PostgreSQL is unavailable") }
    // Tests run in parallel, so each call gets its own output file.
    let log = folder + "/\(tool)-\(UUID().uuidString).log"
    try Self.spawn(bin + "/" + tool, arguments, asPostgres: false, log: log)
    try? FileManager.default.removeItem(atPath: log)
  }

  private func startIfNeeded() throws {
    lock.lock()
    defer { lock.unlock() }
    guard !started else { return }
    if let startFailure { throw startFailure }
    if let reason = Self.unavailable { throw Failure(reason) }
    do {
      try start()
      started = true
    } catch {
      startFailure = Failure("cannot start the test PostgreSQL: \(error)")
      throw error
    }
  }

  private func start() throws {
    guard let bin = Self.binDirectory else { return }
    Self.stopOrphans()
    let manager = FileManager.default
    try manager.createDirectory(atPath: socketDirectory, withIntermediateDirectories: true)
    // The server runs as postgres when tests run as root, and must reach its folder inside the temporary one.
    try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
    if getuid() == 0 {
      try Self.spawn("/bin/chown", ["-R", "postgres:postgres", folder], asPostgres: false, log: folder + "/chown.log")
    }
    Self.toStop.add(folder: folder, dataDirectory: dataDirectory)
    let initdb = bin + "/initdb"
    let common = ["-D", dataDirectory, "-A", "trust", "-U", "postgres", "--encoding=UTF8"]
    do {
      try Self.spawn(initdb, common + ["--locale=C.UTF-8"], asPostgres: true, log: folder + "/initdb.log")
    } catch {
      // Older systems lack the C.UTF-8 locale; plain C sorts by code point just the same.
      try? manager.removeItem(atPath: dataDirectory)
      try Self.spawn(initdb, common + ["--locale=C"], asPostgres: true, log: folder + "/initdb.log")
    }
    // pg_ctl hands these to a shell, hence the quotes.
    let options = "-k '\(socketDirectory)' -p \(Self.port) -c listen_addresses='' -c fsync=off"
    try Self.spawn(
      bin + "/pg_ctl", ["-D", dataDirectory, "-l", folder + "/server.log", "-w", "-o", options, "start"],
      asPostgres: true, log: folder + "/pg_ctl.log")
  }

  /// Stops every cluster this process started and removes its folder; registered with `atexit`.
  private static func stopAll() {
    for (folder, dataDirectory) in toStop.takeAll() { stop(folder: folder, dataDirectory: dataDirectory) }
  }

  private static func stop(folder: String, dataDirectory: String) {
    if let bin = binDirectory {
      try? spawn(
        bin + "/pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], asPostgres: true,
        log: folder + "/stop.log")
    }
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// Stops the clusters of test processes that died before their `atexit` handler ran (a crash or
  /// a kill on timeout), found by the process id in their folder's name.
  private static func stopOrphans() {
    let temporary = FileManager.default.temporaryDirectory
    let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
    for name in names where name.hasPrefix(folderPrefix) {
      let fields = name.dropFirst(folderPrefix.count).split(separator: "-")
      guard let owner = fields.first.flatMap({ pid_t($0) }), kill(owner, 0) != 0, errno == ESRCH else { continue }
      let folder = temporary.appendingPathComponent(name).path
      stop(folder: folder, dataDirectory: folder + "/data")
    }
  }

  private static let folderPrefix = "hashiya-pg-"

  /// The folders of started clusters, kept where the `atexit` handler, which captures nothing, can find them.
  private static let toStop = StopList()

  /// A lock-protected list of clusters to stop at exit.
  private final class StopList: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(folder: String, dataDirectory: String)] = []
    private var registered = false

    func add(folder: String, dataDirectory: String) {
      lock.withLock {
        entries.append((folder, dataDirectory))
        if !registered {
          registered = true
          atexit { PostgresCluster.stopAll() }
        }
      }
    }

    func takeAll() -> [(folder: String, dataDirectory: String)] {
      lock.withLock {
        defer { entries = [] }
        return entries
      }
    }
  }

  // MARK: - Processes

  /// The newest installed server's bin folder, preferring PostgreSQL 15.
  static let binDirectory: String? = {
    let root = "/usr/lib/postgresql"
    let preferred = root + "/15/bin"
    if FileManager.default.isExecutableFile(atPath: preferred + "/pg_ctl") { return preferred }
    let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return versions.compactMap(Int.init).sorted().reversed().map { "\(root)/\($0)/bin" }
      .first { FileManager.default.isExecutableFile(atPath: $0 + "/pg_ctl") }
  }()

  private static let runuser: String? = ["/usr/sbin/runuser", "/sbin/runuser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  private static let availabilityReported: Bool = {
    if let reason = unavailable {
      FileHandle.standardError.write(Data("PostgreSQL tests skipped: \(reason)\n".utf8))
    }
    return unavailable == nil
  }()

  /// Runs `path` with `arguments` and waits, its output going to `log`; initdb refuses to run as root,
  /// so `asPostgres` runs it through runuser when the tests run as root.
  /// posix_spawn rather than Process, because this also runs inside the `atexit` handler.
  private static func spawn(_ path: String, _ arguments: [String], asPostgres: Bool, log: String) throws {
    var command = [path] + arguments
    if asPostgres && getuid() == 0, let runuser {
      command = [runuser, "-u", "postgres", "--"] + command
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
    guard spawned == 0 else { throw Failure("cannot run \(command[0]): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // The exit code when the child exited normally (WIFEXITED), else a signal, reported as failure.
    let exitedNormally = status & 0x7f == 0
    guard exitedNormally && (status >> 8) & 0xff == 0 else {
      let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      throw Failure("\(command.joined(separator: " ")) failed (status \(status)): \(output.suffix(2000))")
    }
  }

  /// Why starting the cluster or running one of its client tools failed.
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
  }
}
