import HashiyaPostgres
import Testing

/// The linked libpq is recent enough for the server.
@Suite struct PostgresClientTests {
  @Test func linksALibpqOfVersionFifteenOrLater() {
    #expect(PostgresClient.libraryVersion >= 150_000)
  }
}
