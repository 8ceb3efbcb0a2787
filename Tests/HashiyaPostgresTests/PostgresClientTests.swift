import HashiyaPostgres
import Testing

@Suite struct PostgresClientTests {
  @Test func linksALibpqOfVersionFifteenOrLater() {
    #expect(PostgresClient.libraryVersion >= 150_000)
  }
}
