import AnnotatorKit
import AnnotatorTesting
import Foundation
import GRDB
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// Assignments in the project file: adding keeps what is there, done and reopen are recorded,
/// the report list filters by them, and merge joins them as a lattice.
@Suite struct AssignmentStoreTests {
  let folder = TemporaryFolder()
  static let text = "قالَ المتحدثُ “كيفين كويثي” إنّ 120 ألف مقاتل تدرّبوا."

  /// Four reports: 1–2 Arabic from "سانا", 3 English from Reuters, 4 Arabic undated.
  func makeStore(_ name: String = "test.hashiya") throws -> ProjectStore {
    let store = try ProjectStore.open(path: folder.path(name))
    try store.importReports(author: "lead", source: "test") { inserter in
      try inserter.insert(
        NewReport(
          uid: "r1", title: "بيانُ التحالف", text: Self.text, language: "ar", source: "سانا", published: "2024-05-02"))
      try inserter.insert(
        NewReport(
          uid: "r2", title: "أخبار الميناء", text: Self.text + " ٢", language: "ar", source: "سانا",
          published: "2023-01-01"))
      try inserter.insert(
        NewReport(
          uid: "r3", title: "Port reopens", text: "The port reopened.", language: "en", source: "Reuters",
          published: "2024-01-01"))
      try inserter.insert(NewReport(uid: "r4", title: "ألف", text: Self.text + " ٤", language: "AR"))
    }
    return store
  }

  func plan(_ entries: [(Int, [String])]) -> [(reportID: Int, annotators: [String])] {
    entries.map { (reportID: $0.0, annotators: $0.1) }
  }

  @Test func assigningAgainKeepsRowsAndDoneTimes() throws {
    let store = try makeStore()
    #expect(try store.assign(plan([(1, ["amal", "karim"]), (2, ["amal"])]), layer: "", by: "lead", record: [:]) == 3)
    try store.setDone(true, reportID: 1, annotator: "amal", layer: nil)
    let doneAt = try store.assignments(annotator: "amal").first?.doneAt
    #expect(doneAt != nil)
    #expect(try store.assign(plan([(1, ["amal", "lina"])]), layer: "", by: "lead", record: [:]) == 1)
    let rows = try store.assignments(reportIDs: [1])
    #expect(rows.map(\.annotator) == ["amal", "karim", "lina"])
    #expect(rows.first?.doneAt == doneAt)
    #expect(try store.assignmentLoads(layer: "") == ["amal": 2, "karim": 1, "lina": 1])
    #expect(try store.assignedReportIDs(layer: "") == [1, 2])
  }

  @Test func doneAndReopenChangeWhatIsOpen() throws {
    let store = try makeStore()
    try store.assign(plan([(1, ["amal"]), (3, ["amal"])]), layer: "", by: "lead", record: [:])
    try store.assign(plan([(2, ["amal"])]), layer: "claim-labeling", by: "lead", record: [:])
    #expect(try store.assignedReports(to: "amal", openOnly: true) == [1, 2, 3])
    #expect(try store.assignedReports(to: "amal", layer: "speaker-tagging") == [1, 3])
    #expect(try store.setDone(true, reportID: 3, annotator: "amal", layer: nil) == 1)
    #expect(try store.setDone(true, reportID: 3, annotator: "amal", layer: nil) == 0)
    #expect(try store.assignedReports(to: "amal", openOnly: true) == [1, 2])
    try store.setDone(false, reportID: 3, annotator: "amal", layer: nil)
    #expect(try store.assignedReports(to: "amal", openOnly: true) == [1, 2, 3])
    #expect(throws: AssignmentError.notAssigned(reportID: 4, annotator: "amal", layer: nil)) {
      try store.setDone(true, reportID: 4, annotator: "amal", layer: nil)
    }
    #expect(throws: AssignmentError.notAssigned(reportID: 1, annotator: "amal", layer: "claim-labeling")) {
      try store.setDone(true, reportID: 1, annotator: "amal", layer: "claim-labeling")
    }
    let events = try store.events(
      entity: "assignment", entityID: ProjectStore.assignmentKey(uid: "r3", layer: "", annotator: "amal"))
    #expect(events.map(\.action) == ["done", "reopen"])
    #expect(try store.clearAssignments(reportIDs: [1, 2], layer: nil, by: "lead") == 2)
    #expect(try store.assignedReports(to: "amal") == [3])
  }

  @Test func theReportListFiltersAndSorts() throws {
    let store = try makeStore()
    try store.assign(
      plan([(1, ["amal"]), (2, ["amal", "karim"]), (4, ["karim"])]), layer: "", by: "lead", record: [:])
    try store.setDone(true, reportID: 2, annotator: "amal", layer: nil)
    _ = try store.change(author: "lina") { changes in
      try changes.add(
        NewAnnotation(
          reportID: 2, layer: "speaker-tagging", label: "speaker", range: TextRange(15, 26), quote: "كيفين كويثي"))
    }
    func ids(_ filter: ReportFilter) throws -> [Int] { try store.reportSummaries(filter).page.map(\.id) }
    #expect(try ids(ReportFilter(assignedTo: "amal")) == [1, 2])
    #expect(try ids(ReportFilter(assignedTo: "amal", openAssignmentsOnly: true)) == [1])
    #expect(try ids(ReportFilter(author: "lina")) == [2])
    #expect(try ids(ReportFilter(author: "lina", layer: "claim-labeling")) == [])
    #expect(try ids(ReportFilter(layer: "speaker-tagging")) == [2])
    #expect(try ids(ReportFilter(language: "ar")) == [1, 2, 4])
    #expect(try ids(ReportFilter(language: "ar", source: "سانا")) == [1, 2])
    #expect(try ids(ReportFilter(source: "reut")) == [3])
    #expect(try ids(ReportFilter(titleQuery: "بيان", assignedTo: "amal")) == [1])
    #expect(try ids(ReportFilter(reviewState: .open)) == [1, 2, 3, 4])
    #expect(try ids(ReportFilter(reviewState: .settled)) == [])
    #expect(try ids(ReportFilter(sort: .published)) == [2, 3, 1, 4])
    #expect(try ids(ReportFilter(sort: .annotations)) == [2, 1, 3, 4])
    #expect(try ids(ReportFilter(sort: .title)).first == 3)
    #expect(try store.reportSummaries(ReportFilter(language: "ar"), limit: 1).total == 3)
  }

  @Test func mergeJoinsAssignmentsAndTheLaterOfDoneAndReopenStands() throws {
    let base = try makeStore("base.hashiya")
    try base.assign(plan([(1, ["amal"])]), layer: "", by: "lead", record: [:])
    let amalPath = folder.path("amal.hashiya")
    let karimPath = folder.path("karim.hashiya")
    try base.saveCopy(to: amalPath)
    try base.saveCopy(to: karimPath)
    let amal = try ProjectStore.open(path: amalPath)
    let karim = try ProjectStore.open(path: karimPath)
    // amal closes report 1 and then reopens it; karim, later in the other copy, assigns more.
    try amal.setDone(true, reportID: 1, annotator: "amal", layer: nil)
    try karim.assign(plan([(2, ["karim"]), (1, ["karim"])]), layer: "", by: "karim", record: [:])
    try karim.setDone(true, reportID: 2, annotator: "karim", layer: nil)
    try merge(amal, into: karim)
    try amal.setDone(false, reportID: 1, annotator: "amal", layer: nil)
    try merge(karim, into: amal)
    try merge(amal, into: karim)
    for store in [amal, karim] {
      let rows = try store.assignments()
      #expect(
        rows.map { "\($0.reportID) \($0.annotator) \($0.isDone)" } == ["1 amal false", "1 karim false", "2 karim true"])
      #expect(rows.first?.assignedBy == "lead")
    }
    #expect(try CanonicalDump.lines(of: amal) == CanonicalDump.lines(of: karim))
  }

  /// A removal travels: merged either way, an assignment taken back in one copy stays gone, and
  /// one made again after its removal stays.
  @Test func aRemovalTravelsWithMergeAndAnAssignmentMadeAgainStands() throws {
    let base = try makeStore("base.hashiya")
    try base.assign(plan([(1, ["amal", "كريم"]), (2, ["amal"])]), layer: "", by: "lead", record: [:])
    let leadPath = folder.path("lead.hashiya")
    let otherPath = folder.path("other.hashiya")
    try base.saveCopy(to: leadPath)
    try base.saveCopy(to: otherPath)
    let lead = try ProjectStore.open(path: leadPath)
    let other = try ProjectStore.open(path: otherPath)
    // The lead takes reports 1 and 2 back from amal, then gives her report 2 again.
    #expect(try lead.clearAssignments(reportIDs: [1, 2], layer: nil, by: "lead") == 3)
    try lead.assign(plan([(2, ["amal"])]), layer: "", by: "lead", record: [:])
    try merge(lead, into: other)
    try merge(other, into: lead)
    for store in [lead, other] {
      #expect(try store.assignments().map { "\($0.reportID) \($0.annotator)" } == ["2 amal"], "\(store.path)")
    }
    let (a, b) = (try CanonicalDump.lines(of: lead), try CanonicalDump.lines(of: other))
    let same = a == b
    #expect(same, "\(CanonicalDump.firstDifference(a, b))")
  }

  /// A teammate's file from before version 4 has no assignments table: it merges, and ours stay.
  @Test func aFileWithoutAssignmentsMerges() throws {
    let path = folder.path("old.hashiya")
    let queue = try OlderProjectFile.make(at: path, upTo: "v3")
    try queue.close()
    let store = try makeStore()
    try store.assign(plan([(1, ["لينا"])]), layer: "", by: "lead", record: [:])
    _ = try store.merge(from: ProjectStore.openReadOnly(path: path), author: "lead")
    #expect(try store.assignedReports(to: "لينا") == [1])
  }
}

/// Merges `from` into `into` as the `merge` command does, unchecked.
private func merge(_ from: ProjectStore, into: ProjectStore) throws {
  _ = try into.merge(from: ProjectStore.openReadOnly(path: from.path), author: "merger")
}
