import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import Testing

/// Assignments every store keeps: adding keeps what is there, done and reopen are events, a
/// removal is recorded, and the report list filters by them, checked on each backend alike.
@Suite struct AssignmentContractTests {
  let folder = TemporaryFolder()
  static let text = "قالَ المتحدثُ “كيفين كويثي” إنّ 120 ألف مقاتل 👩🏽‍💻 تدرّبوا."

  /// Four reports: 1–2 Arabic, 3 English, 4 Arabic with a title of its own.
  func seeded(_ backend: StoreBackend) throws -> any ProjectStoring {
    let store = try backend.freshStore(in: folder)
    try store.importReports(author: "lead", source: "test") { inserter in
      try inserter.insert(NewReport(uid: "r1", title: "بيانُ التحالف", text: SeedReport.text, language: "ar"))
      try inserter.insert(NewReport(uid: "r2", title: "أخبار الميناء", text: Self.text, language: "ar"))
      try inserter.insert(NewReport(uid: "r3", title: "Port reopens", text: "The port reopened.", language: "en"))
      try inserter.insert(NewReport(uid: "r4", title: "ألف", text: Self.text + " ٤", language: "ar"))
    }
    return store
  }

  func plan(_ entries: [(Int, [String])]) -> [(reportID: Int, annotators: [String])] {
    entries.map { (reportID: $0.0, annotators: $0.1) }
  }

  @Test(arguments: StoreBackend.available)
  func assigningAgainKeepsRowsAndDoneTimes(_ backend: StoreBackend) throws {
    let store = try seeded(backend)
    let first = try store.assign(
      plan([(1, ["amal", "كريم"]), (2, ["amal"])]), layer: "", by: "lead", record: ["seed": .int(7)])
    #expect(first == 3)
    try store.setDone(true, reportID: 1, annotator: "amal", layer: nil)
    let doneAt = try #require(try store.assignments(reportIDs: nil, annotator: "amal").first?.doneAt)
    #expect(try store.assign(plan([(1, ["amal", "lina"])]), layer: "", by: "lead", record: [:]) == 1)
    let rows = try store.assignments(reportIDs: [1], annotator: nil)
    #expect(rows.map(\.annotator) == ["amal", "lina", "كريم"])
    #expect(rows.first?.doneAt == doneAt && rows.allSatisfy { $0.assignedBy == "lead" })
    #expect(try store.assignmentLoads(layer: "") == ["amal": 2, "كريم": 1, "lina": 1])
    #expect(try store.assignmentLoads(layer: "claim-labeling").isEmpty)
    #expect(try store.assignedReportIDs(layer: "") == [1, 2])
    let recorded = try store.events(entity: "assignments", entityID: nil).map(\.after)
    #expect(recorded.count == 2)
    let plan = try JSONParser.parse(try #require(recorded.first ?? nil))
    #expect(plan["seed"] == .int(7) && plan["added"] == .int(3))
  }

  @Test(arguments: StoreBackend.available)
  func doneAndReopenChangeWhatIsOpen(_ backend: StoreBackend) throws {
    let store = try seeded(backend)
    try store.assign(plan([(1, ["amal"]), (3, ["amal"])]), layer: "", by: "lead", record: [:])
    try store.assign(plan([(2, ["amal"])]), layer: "claim-labeling", by: "lead", record: [:])
    #expect(try store.assignedReports(to: "amal", layer: nil, openOnly: true) == [1, 2, 3])
    #expect(try store.assignedReports(to: "amal", layer: "speaker-tagging", openOnly: false) == [1, 3])
    #expect(try store.setDone(true, reportID: 3, annotator: "amal", layer: nil) == 1)
    #expect(try store.setDone(true, reportID: 3, annotator: "amal", layer: nil) == 0)
    #expect(try store.assignedReports(to: "amal", layer: nil, openOnly: true) == [1, 2])
    try store.setDone(false, reportID: 3, annotator: "amal", layer: nil)
    #expect(try store.assignedReports(to: "amal", layer: nil, openOnly: true) == [1, 2, 3])
    #expect(throws: AssignmentError.notAssigned(reportID: 4, annotator: "amal", layer: nil)) {
      try store.setDone(true, reportID: 4, annotator: "amal", layer: nil)
    }
    #expect(throws: AssignmentError.notAssigned(reportID: 1, annotator: "amal", layer: "claim-labeling")) {
      try store.setDone(true, reportID: 1, annotator: "amal", layer: "claim-labeling")
    }
    let key = Assignment.eventKey(uid: "r3", layer: "", annotator: "amal")
    let events = try store.events(entity: "assignment", entityID: key)
    #expect(events.map(\.action) == ["done", "reopen"])
    #expect(events.map(\.author) == ["amal", "amal"] && events.allSatisfy { $0.reportID == 3 })
    #expect(events.last?.after == Assignment.doneState(nil))
  }

  @Test(arguments: StoreBackend.available)
  func clearingRemovesAndRecordsWhatWasThere(_ backend: StoreBackend) throws {
    let store = try seeded(backend)
    try store.assign(plan([(1, ["amal", "كريم"]), (2, ["amal"])]), layer: "", by: "lead", record: [:])
    try store.assign(plan([(2, ["كريم"])]), layer: "claim-labeling", by: "lead", record: [:])
    try store.setDone(true, reportID: 2, annotator: "amal", layer: "")
    #expect(try store.clearAssignments(reportIDs: [3], layer: nil, by: "lead") == 0)
    #expect(try store.clearAssignments(reportIDs: [2], layer: "", by: "lead") == 1)
    #expect(try store.assignments(reportIDs: [2], annotator: nil).map(\.annotator) == ["كريم"])
    #expect(try store.clearAssignments(reportIDs: [1, 2], layer: nil, by: "lead") == 3)
    #expect(try store.assignments(reportIDs: nil, annotator: nil).isEmpty)
    let removals = try store.events(entity: "assignments", entityID: nil).filter { $0.action == "unassign" }
    #expect(removals.map(\.entityID) == ["", ""])
    let first = try JSONParser.parse(try #require(removals.first?.before ?? nil))
    #expect(first[0]?["report"] == .string("r2") && first[0]?["annotator"] == .string("amal"))
    #expect(first[0]?["doneAt"]?.stringValue != nil)
    // Assigned again after its removal, an assignment stands.
    #expect(try store.assign(plan([(2, ["amal"])]), layer: "", by: "lead", record: [:]) == 1)
    #expect(try store.assignedReports(to: "amal", layer: nil, openOnly: true) == [2])
  }

  @Test(arguments: StoreBackend.available)
  func theReportListFiltersByAssignment(_ backend: StoreBackend) throws {
    let store = try seeded(backend)
    try store.assign(plan([(1, ["amal"]), (2, ["amal", "كريم"]), (4, ["كريم"])]), layer: "", by: "lead", record: [:])
    try store.assign(plan([(3, ["amal"])]), layer: "claim-labeling", by: "lead", record: [:])
    try store.setDone(true, reportID: 2, annotator: "amal", layer: nil)
    func ids(_ filter: ReportFilter) throws -> [Int] {
      try store.reportSummaries(filter, offset: 0, limit: 20, access: nil).page.map(\.id)
    }
    #expect(try ids(ReportFilter(assignedTo: "amal")) == [1, 2, 3])
    #expect(try ids(ReportFilter(assignedTo: "amal", openAssignmentsOnly: true)) == [1, 3])
    #expect(try ids(ReportFilter(assignedTo: "amal", layer: "speaker-tagging")) == [1, 2])
    #expect(try ids(ReportFilter(assignedTo: "كريم")) == [2, 4])
    #expect(try ids(ReportFilter(titleQuery: "بيان", assignedTo: "amal")) == [1])
    #expect(try ids(ReportFilter(assignedTo: "lina")).isEmpty)
    #expect(try store.reportSummaries(ReportFilter(assignedTo: "amal"), offset: 0, limit: 1, access: nil).total == 3)
  }
}
