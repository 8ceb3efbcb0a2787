import AnnotatorTesting
import HashiyaModel
import HashiyaPostgres
import HashiyaStore
import Testing

/// Where a contract test keeps its fresh project: a file, or a database of the test server.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case file
  case server

  var testDescription: String { rawValue }

  /// The backends there are here: the server only when PostgreSQL is installed (the cluster
  /// prints why once when it is not, so a skipped backend is never silent).
  static var available: [StoreBackend] { PostgresCluster.isAvailable ? allCases : [.file] }

  /// A new, empty project; `folder` keeps a file project alive for the test.
  func freshStore(in folder: TemporaryFolder) throws -> any ProjectStoring {
    switch self {
    case .file:
      return try ProjectStore.open(path: folder.path("contract.hashiya"))
    case .server:
      let cluster = PostgresCluster.shared
      let server = try PostgresProjectStore.create(cluster.url(database: try cluster.createDatabase()))
      // Merges and checks run on a scratch file copy, as the binary makes them.
      server.scratchProjects = {
        let scratch = TemporaryFolder()
        let store = try ProjectStore.open(path: scratch.path("scratch.hashiya"))
        return ScratchProject(store: store) { _ = scratch }
      }
      return server
    }
  }
}
