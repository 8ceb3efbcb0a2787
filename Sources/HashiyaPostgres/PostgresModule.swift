import CLibPQ

/// The version of the libpq client library this build links.
public enum PostgresClient {
  /// libpq's version number, e.g. 150010 for 15.10.
  public static var libraryVersion: Int { Int(PQlibVersion()) }
}
