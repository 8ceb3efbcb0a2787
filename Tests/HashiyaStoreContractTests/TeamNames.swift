import AnnotatorTesting
import HashiyaModel
import HashiyaPostgres

/// Member names a test can use on every backend: on a server a member is a login role, and
/// roles belong to the whole test server, so each test's names carry a suffix of their own.
enum TeamNames {
  /// `names`, each with one random suffix, created as login roles when `backend` is a server.
  static func make(_ backend: StoreBackend, _ names: [String]) throws -> [String] {
    let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    let unique = names.map { "\($0)_\(suffix)" }
    if backend == .server {
      for name in unique { try PostgresCluster.shared.createRole(name) }
    }
    return unique
  }

  /// The project's lead: on a server the role that created it, on a file its first user.
  static func lead(of store: any ProjectStoring) throws -> String {
    try store.admit((store as? PostgresProjectStore)?.user ?? "lead").name
  }

  /// A fresh project on `backend` with its lead, and `names` made usable as members there.
  static func project(_ backend: StoreBackend, in folder: TemporaryFolder, _ names: String...) throws -> (
    store: any ProjectStoring, lead: String, names: [String]
  ) {
    let store = try backend.freshStore(in: folder)
    return (store, try lead(of: store), try make(backend, names))
  }
}
