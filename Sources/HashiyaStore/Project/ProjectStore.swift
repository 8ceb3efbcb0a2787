import Foundation
import GRDB
import HashiyaModel

/// A Hashiya project file: the one place that knows SQLite.
///
/// Every other module talks to a project through this type's methods and the plain record
/// structs it returns, so no SQLite or GRDB type leaks out of `HashiyaStore`.
public final class ProjectStore: Sendable {
  /// The path the project was opened from.
  public let path: String
  let database: DatabaseQueue
  /// What opening found wrong with the file (missing tables or triggers), or the first write
  /// found (SQLite's quick check). A damaged project is read, so its work can be exported, but
  /// never written.
  private let soundness: Soundness

  private init(path: String, database: DatabaseQueue, damage: [String] = []) {
    self.path = path
    self.database = database
    self.soundness = Soundness(damage: damage)
  }

  /// What is known to be wrong with the file; empty while it is believed sound.
  public var damage: [String] { soundness.damage }

  /// Opens the project at `path`, creating it when the file does not exist yet.
  ///
  /// The file's header is vetted before SQLite opens it, so a foreign or newer file is refused
  /// without a single byte of it changing. A file of an earlier version is brought up to date in
  /// one transaction; `announce` hears of it first, as that can take seconds on a large project.
  public static func open(path: String, announce: ((String) -> Void)? = nil) throws(StoreError) -> ProjectStore {
    try refuseNonProjectPaths(path)
    let folder = (path as NSString).deletingLastPathComponent
    var isDirectory: ObjCBool = false
    if !folder.isEmpty,
      !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue
    {
      throw .missingFolder(path: path)
    }
    var directoryCheck: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &directoryCheck), directoryCheck.boolValue {
      throw .notAProject(path: path, reason: "it is a directory")
    }
    // An existing project at the current schema needs no stamping, migrating or identity: opening
    // it then writes nothing, which keeps start-up to reading.
    var upToDate = false
    var isWAL = false
    let hadLog = FileManager.default.fileExists(atPath: path + "-wal")
    if let fileHeader = try ProjectFileHeader.read(path: path) {
      var header = fileHeader
      // The file's own header can lag behind its write-ahead log: it says nothing while a new
      // project's first pages sit there, and shows the old version after an upgrade until a
      // checkpoint. Only then is the log read, through a read-only connection.
      if header.applicationID == 0 || header.userVersion < ProjectSchema.version {
        header = try Self.peek(path: path).header
      }
      guard header.applicationID == ProjectSchema.applicationID else {
        throw .notAProject(path: path, reason: try Self.foreignReason(path: path, header: fileHeader, hadLog: hadLog))
      }
      guard header.userVersion <= ProjectSchema.version else {
        throw .newerSchema(path: path, found: Int(header.userVersion), supported: ProjectSchema.version)
      }
      upToDate = header.userVersion == ProjectSchema.version
      isWAL = fileHeader.isWAL
      if !upToDate && header.userVersion > 0 {
        announce?(ProjectSchema.upgradeNotice(path: path, from: Int(header.userVersion)))
      }
    }
    // WAL mode is switched on here rather than by the configuration, which would also write a
    // throwaway table on every open to make sure a log file exists.
    var config = Configuration()
    config.busyMode = .timeout(busyTimeout)
    config.foreignKeysEnabled = true
    config.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }
    do {
      let queue = try DatabaseQueue(path: path, configuration: config)
      if FileManager.default.fileExists(atPath: path) {
        let damage = try Self.damage(of: queue, path: path)
        if !damage.isEmpty {
          // Upgrading or even switching the journal mode would write to a file that needs care.
          guard upToDate else { throw StoreError.damagedFile(path: path, problems: Self.summary(of: damage)) }
          announce?(
            "warning: \(path) is damaged (\(damage.prefix(3).joined(separator: "; "))); it is open for reading "
              + "only: export what you need, and run \"hashiya \(path) check\" for every problem")
          return ProjectStore(path: path, database: queue, damage: damage)
        }
      }
      if !isWAL {
        do {
          try queue.writeWithoutTransaction { db in
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
              throw DatabaseError(message: "the file cannot be put in write-ahead-log mode")
            }
          }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && upToDate {
          // Another session has it open in a large change (`leaveLog`): this one works in the
          // rollback-journal mode too, and whichever session is alone with the file next puts it back.
        }
      }
      if !upToDate {
        try queue.write { db in
          try db.execute(sql: "PRAGMA application_id = \(ProjectSchema.applicationID)")
        }
        try ProjectSchema.migrator.migrate(queue)
        try queue.write { db in
          try db.execute(
            sql: "INSERT OR IGNORE INTO meta(key, value) VALUES ('uid', ?), ('createdAt', ?)",
            arguments: [UUID().uuidString.lowercased(), Timestamp.now()])
        }
      }
      return ProjectStore(path: path, database: queue)
    } catch let error as StoreError {
      throw error
    } catch {
      throw .cannotOpen(path: path, reason: Self.message(of: error))
    }
  }

  /// Why a file whose header does not say Hashiya is refused. A project whose write-ahead log
  /// was left behind (copied without its `-wal`, while a session had it open) looks like an empty
  /// SQLite file in log mode: that is said in words, as it is what a teammate meets.
  private static func foreignReason(path: String, header: ProjectFileHeader, hadLog: Bool) throws(StoreError)
    -> String
  {
    guard header.isWAL, !hadLog, try peek(path: path).objects == 0 else {
      return "an SQLite database of another application"
    }
    let name = (path as NSString).lastPathComponent
    return "it holds no project: the work of its last session is in \(name)-wal, which is not beside it; "
      + "copy that file with it, or open the original (save --copy makes a single file to share)"
  }

  /// Refuses names that would silently become a new project over something else: an empty
  /// file (a project is never empty, unless its first pages still sit in the write-ahead log of
  /// a session that is creating it) and a symbolic link to nothing.
  private static func refuseNonProjectPaths(_ path: String) throws(StoreError) {
    var status = stat()
    guard lstat(path, &status) == 0 else { return }
    if status.st_mode & S_IFMT == S_IFLNK, !FileManager.default.fileExists(atPath: path) {
      throw .notAProject(path: path, reason: "it is a symbolic link to a file that does not exist")
    }
    var target = stat()
    guard stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG, target.st_size == 0 else { return }
    var log = stat()
    if stat(path + "-wal", &log) == 0, log.st_size > 0 { return }
    let name = (path as NSString).lastPathComponent
    throw .notAProject(
      path: path,
      reason: "it is an empty file; if it was copied while a session had it open, its work is in "
        + "\(name)-wal there (copy both, or use save --copy); else remove it or name a new file")
  }

  /// The first few problems of a damaged file, for a one-line message.
  static func summary(of problems: [String]) -> String {
    problems.prefix(3).joined(separator: "; ") + (problems.count > 3 ? " and \(problems.count - 3) more" : "")
  }

  /// Files up to this size get SQLite's quick check before a session first writes to them
  /// (about 3 ms a MiB here); larger ones leave the full check to `check`.
  static let quickCheckLimit = 32 << 20

  /// What is wrong with an existing file's schema, read without writing: opening stays cheap.
  private static func damage(of queue: DatabaseQueue, path: String) throws -> [String] {
    try queue.read { db in
      guard try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0 > 0 else { return [] }
      return try missingSchemaObjects(db).map { "the \($0.type) \($0.name) is missing" }
    }
  }

  /// SQLite's quick check, once per session before its first write, for files of moderate size:
  /// a read-only session pays nothing, and a damaged file is never written to.
  private func checkBeforeFirstWrite() throws {
    try soundness.checkOnce {
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      guard size <= Self.quickCheckLimit else { return [] }
      return try database.read { db in
        try String.fetchAll(db, sql: "PRAGMA quick_check(10)").filter { $0 != "ok" }
          .flatMap { $0.split(separator: "\n").filter { !$0.hasPrefix("*** ") }.map(String.init) }
      }
    }
    guard damage.isEmpty else { throw StoreError.damagedFile(path: path, problems: Self.summary(of: damage)) }
  }

  /// Reads `application_id`, `user_version` and the number of schema objects through a read-only
  /// connection (`readOnlyQueue`), which never writes to the file or beside it.
  private static func peek(path: String) throws(StoreError) -> (header: ProjectFileHeader, objects: Int) {
    do {
      let queue = try readOnlyQueue(path: path)
      defer { try? queue.close() }
      return try queue.read { db in
        let header = ProjectFileHeader(
          applicationID: UInt32(truncatingIfNeeded: try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0),
          userVersion: UInt32(truncatingIfNeeded: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0))
        return (header, try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
      }
    } catch {
      throw .notAProject(path: path, reason: Self.message(of: error))
    }
  }

  /// Opens another project file for reading only (to merge it): vetted like `open`, never migrated
  /// or written.
  public static func openReadOnly(path: String) throws(StoreError) -> ProjectStore {
    guard var header = try ProjectFileHeader.read(path: path) else {
      throw .cannotOpen(path: path, reason: "no such project file")
    }
    if header.applicationID == 0 { header = try peek(path: path).header }
    guard header.applicationID == ProjectSchema.applicationID else {
      throw .notAProject(path: path, reason: "an SQLite database of another application")
    }
    guard header.userVersion <= ProjectSchema.version else {
      throw .newerSchema(path: path, found: Int(header.userVersion), supported: ProjectSchema.version)
    }
    do {
      let queue = try readOnlyQueue(path: path)
      // A hot journal shows at the first read: refused now, in words, not half way through a merge.
      _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
      return ProjectStore(path: path, database: queue)
    } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_READONLY_ROLLBACK {
      throw .cannotOpen(
        path: path,
        reason: "a change to it was cut short (its -journal is beside it); open it with hashiya once, "
          + "which rolls the change back, then try again")
    } catch {
      throw .cannotOpen(path: path, reason: Self.message(of: error))
    }
  }

  /// A connection that only reads `path` and writes nothing, not even beside it.
  ///
  /// A plain read-only connection to a file in log mode still creates `-wal` and `-shm` beside it.
  /// When the file has no `-wal` (its last session ended cleanly, or it is a copy) there is nothing
  /// to read there, so the file is opened `immutable` and SQLite creates nothing. When a `-wal` is
  /// there, it holds committed work that must be read, through the usual shared memory.
  static func readOnlyQueue(path: String) throws -> DatabaseQueue {
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(busyTimeout)
    // A `-journal` may be a killed change's hot journal: the file is whole only once SQLite has
    // rolled it back, which a read-only connection refuses to do rather than read it half written.
    guard !["-wal", "-journal"].contains(where: { FileManager.default.fileExists(atPath: path + $0) }) else {
      return try DatabaseQueue(path: path, configuration: config)
    }
    let absolute = URL(fileURLWithPath: path).standardizedFileURL
    return try DatabaseQueue(path: absolute.absoluteString + "?immutable=1", configuration: config)
  }

  /// The project's global identifier, fixed when the file was created.
  public func projectUID() throws(StoreError) -> String {
    try read("read project metadata") { db in
      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'uid'") ?? ""
    }
  }

  /// Runs a read in one deferred transaction, so all its statements see one state of the file,
  /// mapping database failures to `StoreError.database`.
  ///
  /// The transaction ends with a rollback, which for a read is the same as a commit but may fail
  /// harmlessly: SQLite can end a transaction itself when it meets a damaged page, and `check`
  /// must still report what it found.
  ///
  /// The transaction's statements are prepared once per connection: GRDB's own `read` also
  /// switches `query_only` on and off, preparing four statements per call, which cost more than
  /// the reads of a whole `show`.
  ///
  /// A read made inside a change on the same thread (a bulk `accept` reading its next chunk of
  /// candidates) runs in the change's transaction and sees its writes so far.
  func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try database.unsafeReentrantRead { db in
        guard !db.isInsideTransaction else { return try body(db) }
        try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
        defer { try? db.cachedStatement(sql: "ROLLBACK").execute() }
        return try body(db)
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw .database(operation: operation, message: Self.message(of: error))
    }
  }

  /// Runs one write transaction; any error rolls the whole of it back.
  func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
    try checkBeforeFirstWrite()
    do {
      return try database.write(body)
    } catch let error as DatabaseError {
      throw StoreError.database(operation: operation, message: Self.message(of: error))
    }
  }

  /// Runs one large write transaction (an import) the way SQLite writes it fastest.
  ///
  /// The page cache grows so that dirty pages need not spill and be read back, and the full-text
  /// index buffers more before it writes. An import expected to write `rows` rows or more
  /// (`journaledRows`) leaves the write-ahead log, as a large change does (`largeWrite`): a new
  /// page is then written once, into the file, rather than into the log and again at the
  /// checkpoint, which took a third of an import of 100,000 reports.
  func bulkWrite<T>(_ operation: String, expecting rows: Int, _ body: (Database) throws -> T) throws -> T {
    try largeWrite(operation, expecting: rows) { db in
      try Self.enlargeIndexBuffer(db)
      return try body(db)
    }
  }

  /// Runs one write transaction that may change many rows (`accept all`, its undo) with the
  /// page cache of a bulk write, so that dirty pages need not spill to the log and be read back.
  ///
  /// One expected to change `journaledRows` rows or more is written with a rollback journal
  /// when no other session has the file open (`leaveLog`).
  func largeWrite<T>(_ operation: String, expecting rows: Int = 0, _ body: (Database) throws -> T) throws -> T {
    // A damaged file is refused before its journal mode is touched.
    try checkBeforeFirstWrite()
    let journaled = rows >= Self.journaledRows && leaveLog()
    defer { if journaled { returnToLog() } }
    return try write(operation) { db in
      try db.execute(sql: "PRAGMA cache_size = -\(Self.bulkCacheKiB)")
      defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
      return try body(db)
    }
  }

  /// Lets the full-text index buffer `bulkIndexBuffer` bytes before writing a segment (1 MB by
  /// default): fewer, larger segments mean far less merging, and a smaller index.
  static func enlargeIndexBuffer(_ db: Database) throws {
    try db.execute(sql: "INSERT INTO reports_fts(reports_fts, rank) VALUES ('hashsize', \(bulkIndexBuffer))")
  }

  /// How long a command waits for another process's write to finish, in seconds.
  static let busyTimeout: Double = 10

  /// The page cache of a bulk write, in KiB, and the full-text buffer, in bytes: together within
  /// an import's memory budget of 256 MB.
  static let bulkCacheKiB = 96 * 1024
  static let bulkIndexBuffer = 32 << 20

  static func message(of error: any Error) -> String {
    if let error = error as? DatabaseError {
      return error.message ?? "\(error.resultCode)"
    }
    return "\(error)"
  }
}

/// Whether a project is known to be damaged, and whether the quick check has run yet.
private final class Soundness: @unchecked Sendable {
  private let lock = NSLock()
  private var known: [String]
  private var checked = false

  init(damage: [String]) {
    known = damage
    checked = !damage.isEmpty
  }

  var damage: [String] { lock.withLock { known } }

  /// Runs `check` the first time only, recording what it finds.
  func checkOnce(_ check: () throws -> [String]) throws {
    try lock.withLock {
      guard !checked else { return }
      known = try check()
      checked = true
    }
  }
}

extension ProjectStore: ProjectStoring {
  /// The file's name, without its folder.
  public var name: String { (path as NSString).lastPathComponent }

  /// A file's user is declared, not authenticated.
  public var authenticatedUser: String? { nil }

  /// Teammates of a file work on copies, which `merge` brings in; nothing arrives live.
  public func teammateActivity() -> [String] { [] }
}
