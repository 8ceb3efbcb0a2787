import Testing

@testable import HashiyaPostgres

/// What a session prints of a teammate's change, from the announcement the change sent.
@Suite struct PostgresActivityTests {
  @Test func aChangeIsToldInWordsWithItsReports() throws {
    var activity = PostgresActivity(author: "كريم")
    activity.count("create", report: 12)
    activity.count("create", report: 12)
    activity.count("create", report: 3)
    #expect(try sentence(activity) == "كريم added 3 annotations to #12, #3")
    var edits = PostgresActivity(author: "amal")
    edits.count("update", report: 1)
    edits.count("delete", report: 1)
    #expect(try sentence(edits) == "amal edited 1 annotation, deleted 1 annotation on #1")
    var undo = PostgresActivity(author: "amal")
    undo.count("undo", report: 7)
    #expect(try sentence(undo) == "amal undid 1 annotation on #7")
  }

  @Test func anAnnouncementThatDoesNotParseIsLeftOut() {
    #expect(PostgresActivity.sentence("not json") == nil)
    #expect(PostgresActivity.sentence(#"{"author":"amal","counts":{}}"#) == nil)
    #expect(PostgresActivity.sentence(#"{"counts":{"create":1}}"#) == nil)
  }

  /// The sentence of the payload `activity` would send.
  func sentence(_ activity: PostgresActivity) throws -> String {
    try #require(PostgresActivity.sentence(activity.payload))
  }
}
