import AnnotatorTesting
import Foundation
import HashiyaPostgres
import Testing

/// LISTEN/NOTIFY between two sessions, waited for by the driver or by a caller's own poll.
@Suite(.enabled(if: PostgresCluster.isAvailable))
struct PostgresNotificationTests {
  @Test func aNotificationReachesAListeningSession() throws {
    let database = try PostgresTestDatabase()
    let listener = try database.connect()
    let sender = try database.connect()
    try listener.listen("مراجعة")
    #expect(try listener.notifications(waitingUpTo: 0).isEmpty)
    try sender.notify(channel: "مراجعة", payload: "قالَ 👩🏽‍💻")
    let received = try listener.notifications(waitingUpTo: 5)
    let senderPID = try #require(try sender.execute("SELECT pg_backend_pid()").int(0, 0))
    #expect(received == [PostgresNotification(channel: "مراجعة", payload: "قالَ 👩🏽‍💻", senderProcessID: Int32(senderPID))])
  }

  @Test func aNotificationInARolledBackTransactionIsNeverSent() throws {
    let database = try PostgresTestDatabase()
    let listener = try database.connect()
    let sender = try database.connect()
    try listener.listen("spans")
    struct Abandon: Error {}
    #expect(throws: Abandon.self) {
      try sender.transaction {
        try sender.notify(channel: "spans", payload: "lost")
        throw Abandon()
      }
    }
    try sender.transaction { try sender.notify(channel: "spans", payload: "kept") }
    #expect(try listener.notifications(waitingUpTo: 5).map(\.payload) == ["kept"])
  }

  @Test func aNotificationSentWithoutFlushArrivesAndLeavesCommitsDurable() throws {
    let database = try PostgresTestDatabase()
    let listener = try database.connect()
    let sender = try database.connect()
    try listener.listen("spans")
    let before = try #require(try sender.execute("SELECT pg_current_wal_insert_lsn()::text").string(0, 0))
    try sender.notifyWithoutFlush(channel: "spans", payload: "قالَ 👩🏽‍💻")
    #expect(try listener.notifications(waitingUpTo: 5).map(\.payload) == ["قالَ 👩🏽‍💻"])
    // It committed (a notification needs a commit record), and only it stopped waiting for the disk.
    let moved = try sender.execute("SELECT pg_current_wal_insert_lsn() > $1::pg_lsn", [.text(before)])
    #expect(try moved.bool(0, 0) == true)
    #expect(try sender.execute("SHOW synchronous_commit").string(0, 0) == "on")
    #expect(throws: PostgresError.transactionAlreadyOpen) {
      try sender.transaction { try sender.notifyWithoutFlush(channel: "spans", payload: "inside") }
    }
    #expect(try listener.notifications(waitingUpTo: 0.2).isEmpty)
  }

  @Test func theSocketBecomesReadableForACallersOwnPoll() throws {
    let database = try PostgresTestDatabase()
    let listener = try database.connect()
    let sender = try database.connect()
    try listener.listen("spans")
    try sender.notify(channel: "spans", payload: "👩🏽‍💻")
    var descriptor = pollfd(fd: listener.socketDescriptor, events: Int16(POLLIN), revents: 0)
    #expect(poll(&descriptor, 1, 5000) == 1)
    #expect(try listener.notifications().map(\.payload) == ["👩🏽‍💻"])
  }

  @Test func waitingWithNothingSentTimesOut() throws {
    let listener = try PostgresTestDatabase().connect()
    try listener.listen("quiet")
    let start = Date()
    #expect(try listener.notifications(waitingUpTo: 0.3).isEmpty)
    #expect(Date().timeIntervalSince(start) >= 0.25)
    try listener.unlisten("quiet")
  }
}
