import Foundation
import HashiyaModel
import HashiyaPostgres
import HashiyaStore

/// Opens a project wherever it is: a file path, or a PostgreSQL server's address.
///
/// A server is named by a `postgresql://` or `postgres://` URL or a libpq keyword string
/// (`host=… dbname=…`); libpq's own environment (`PGHOST`, `PGUSER`, `PGPASSWORD`, `~/.pgpass`,
/// `sslmode`) fills in what the address leaves out. Everything else is a file.
public enum ProjectOpener {
  /// Whether `location` names a server rather than a file.
  public static func isServer(_ location: String) -> Bool { PostgresProjectStore.isServerAddress(location) }

  /// Opens the project at `location`; a file is created when missing, a server database must
  /// hold a project already (`hashiya init` makes one).
  public static func open(_ location: String, announce: ((String) -> Void)? = nil) throws -> any ProjectStoring {
    if isServer(location) { return withScratch(try PostgresProjectStore.open(location, announce: announce)) }
    return try ProjectStore.open(path: location, announce: announce)
  }

  /// A server that makes its scratch copies as project files in a temporary folder.
  public static func withScratch(_ server: PostgresProjectStore) -> PostgresProjectStore {
    server.scratchProjects = {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hashiya-scratch-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
      do {
        let store = try ProjectStore.open(path: folder.appendingPathComponent("scratch.hashiya").path)
        return ScratchProject(store: store) { try? FileManager.default.removeItem(at: folder) }
      } catch {
        try? FileManager.default.removeItem(at: folder)
        throw error
      }
    }
    return server
  }

  /// Opens another copy of a project only to read it (a merge's other side).
  public static func openForReading(_ location: String) throws -> any ProjectStoring {
    if isServer(location) { return withScratch(try PostgresProjectStore.open(location)) }
    return try ProjectStore.openReadOnly(path: location)
  }

  /// Creates a project: the schema, roles and grants in an empty server database, or a new file.
  ///
  /// An existing project file is refused rather than opened, so `init` never appears to have
  /// made something it did not.
  public static func create(_ location: String) throws -> any ProjectStoring {
    if isServer(location) { return withScratch(try PostgresProjectStore.create(location)) }
    guard !FileManager.default.fileExists(atPath: location) else {
      throw StoreError.cannotOpen(path: location, reason: "it already exists; open it with \"hashiya \(location)\"")
    }
    return try ProjectStore.open(path: location)
  }

  /// Copies the whole of `source` into `destination`, a new file or an empty server database,
  /// and returns the copy; a file this made is removed again if the copy fails.
  @discardableResult
  public static func copy(_ source: any ProjectStoring, to destination: String) throws -> any ProjectStoring {
    let createsFile = !isServer(destination)
    let copy = try create(destination)
    do {
      try copy.load(from: source)
    } catch {
      // Only a file this command made is removed; a server database stays, empty.
      if createsFile {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: destination + suffix) }
      }
      throw error
    }
    return copy
  }

  /// The folder a project's plugins sit beside: the file's folder, or the working folder for a
  /// server, which has no folder of its own.
  public static func pluginRoot(of location: String) -> String {
    isServer(location) ? "" : location
  }
}
