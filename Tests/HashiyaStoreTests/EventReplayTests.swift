import AnnotatorKit
import Testing

@testable import HashiyaModel

/// How undo and redo move an annotation between the states an event recorded: whether it still
/// holds the state the event left, and what the replay leaves. The snapshot's text settles the
/// first without parsing when nobody touched it; any other text is compared field by field.
@Suite struct EventReplayTests {
  static let created = EventSnapshotTests.annotations[1].with(status: .active)
  static let now = "2026-12-05T09:00:00.000Z"

  static func event(action: String, before: String?, after: String?) -> ProjectEvent {
    ProjectEvent(
      id: 9, uuid: "01a2427e-b339-7008-82af-98448c57a0ff", at: "2026-12-04T10:00:01.000Z", author: "amal",
      action: action, entity: "annotation", entityID: created.uuid, reportID: created.reportID, before: before,
      after: after, reverts: nil, batch: "b1")
  }

  @Test func undoingACreationDeletesTheAnnotationItLeftUntouched() throws {
    let creation = Self.event(action: "create", before: nil, after: EventSnapshot.of(Self.created).text)
    let (found, replayed) = try #require(
      try EventSnapshot.replayed(Self.created, by: creation, forward: false, at: Self.now))
    #expect(found == EventSnapshot.of(Self.created))
    #expect(replayed.status == .deleted)
    #expect(replayed.updatedAt == Self.now)
    #expect(replayed.label == Self.created.label && replayed.attributes == Self.created.attributes)
  }

  @Test func aStateWrittenInAnotherKeyOrderStillMatches() throws {
    // A log from another writer (a merge, an older build) records the same fields in its own order.
    var fields = try #require(try JSONParser.parse(EventSnapshot.of(Self.created).text).objectValue)
    let status = try #require(fields["status"])
    fields["status"] = nil
    var reordered = JSONObject()
    reordered["status"] = status
    for (key, value) in fields.pairs { reordered[key] = value }
    let text = JSONWriter.string(.object(reordered))
    #expect(text != EventSnapshot.of(Self.created).text)
    let creation = Self.event(action: "create", before: nil, after: text)
    let replayed = try #require(try EventSnapshot.replayed(Self.created, by: creation, forward: false, at: Self.now))
    #expect(replayed.replayed.status == .deleted)
  }

  @Test func anAnnotationChangedSinceIsNotReplayed() throws {
    let creation = Self.event(action: "create", before: nil, after: EventSnapshot.of(Self.created).text)
    var relabelled = Self.created
    relabelled.label = "مصدر"
    #expect(try EventSnapshot.replayed(relabelled, by: creation, forward: false, at: Self.now) == nil)
    // Redoing the creation needs the annotation still deleted.
    #expect(try EventSnapshot.replayed(Self.created, by: creation, forward: true, at: Self.now) == nil)
  }

  @Test func undoingAnEditPutsBackTheLabelAndAttributes() throws {
    var edited = Self.created
    edited.label = "مصدر"
    edited.attributes = ["note": .string("سطر\r\n🌍")]
    let edit = Self.event(
      action: "update", before: EventSnapshot.of(Self.created).text, after: EventSnapshot.of(edited).text)
    let undone = try #require(try EventSnapshot.replayed(edited, by: edit, forward: false, at: Self.now))
    #expect(undone.replayed.label == Self.created.label)
    #expect(undone.replayed.attributes == Self.created.attributes)
    let redone = try #require(try EventSnapshot.replayed(undone.replayed, by: edit, forward: true, at: Self.now))
    #expect(redone.replayed.label == "مصدر" && redone.replayed.attributes == edited.attributes)
  }

  @Test func aDamagedStateIsAParseErrorNotAMatch() {
    var changed = Self.created
    changed.label = "مصدر"
    let creation = Self.event(action: "create", before: nil, after: "{\"label\": ")
    #expect(throws: JSONParseError.self) {
      try EventSnapshot.replayed(changed, by: creation, forward: false, at: Self.now)
    }
  }
}

extension Annotation {
  fileprivate func with(status: Status) -> Annotation {
    var copy = self
    copy.status = status
    return copy
  }
}
