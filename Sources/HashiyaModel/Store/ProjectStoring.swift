import AnnotatorKit

/// A Hashiya project, wherever it is kept: what every command reads and writes through.
///
/// `HashiyaStore` keeps a project in one SQLite file and `HashiyaPostgres` on a PostgreSQL
/// server; only those two modules know SQL. Both give the same guarantees: report text never
/// changes, the event log is append-only, and every command is one transaction.
public protocol ProjectStoring: ProjectCopying, AnyObject, Sendable {
  /// Where the project is: a file's path, or a server's address without its password.
  var path: String { get }
  /// The project's short name: the file's name, or the server database's.
  var name: String { get }
  /// What is known to be wrong with the project; empty while it is believed sound. A damaged
  /// project is read, so its work can be exported, but never written.
  var damage: [String] { get }
  /// The user the project's backend authenticated: a server's role; nil for a file, whose user
  /// is declared (`--user`, `HASHIYA_USER`, the login name).
  var authenticatedUser: String? { get }
  /// What teammates changed since the last call, in words ("karim added 3 annotations to #12"):
  /// a server announces every change as it commits; a file has no one to hear from.
  func teammateActivity() -> [String]
  /// The project's identity, the same in every copy of it.
  func projectUID() throws(StoreError) -> String
  /// Asks a long command running on another thread to stop at its next step.
  func interrupt()
  /// Every problem found with the project's rows, up to `limit`.
  func check(limit: Int) throws(StoreError) -> [ProjectProblem]
  /// Writes a consistent copy of the whole project to a new project file at `path`.
  func saveCopy(to path: String) throws(StoreError)

  // MARK: Reports

  /// How many reports the project holds.
  func reportCount() throws(StoreError) -> Int
  /// One report with its text.
  func report(id: Int) throws(StoreError) -> Report
  /// Several reports with their texts, in the order asked; unknown ids are left out.
  func reports(ids: [Int]) throws(StoreError) -> [Report]
  /// A page of the reports `filter` keeps, as `access` may see it.
  func reportSummaries(_ filter: ReportFilter, offset: Int, limit: Int, access: TeamAccess?) throws(StoreError) -> (
    total: Int, page: [ReportSummary]
  )
  /// The id of the report after or before `id`; nil at either end.
  func neighbour(of id: Int, _ direction: ReportDirection) throws(StoreError) -> Int?
  /// The first report's id; nil in an empty project.
  func firstReportID() throws(StoreError) -> Int?
  /// Report ids in order, up to `limit`.
  func reportIDs(limit: Int) throws(StoreError) -> [Int]
  /// Which of `ids` are reports of the project.
  func existingReportIDs(_ ids: [Int]) throws(StoreError) -> Set<Int>
  /// Full-text search with Hashiya's Arabic folding: a page of the best-ranked hits.
  func search(_ query: String, exact: Bool, offset: Int, limit: Int) throws(StoreError) -> SearchResults
  /// Adds reports inside one transaction: all of them or, on an error, none; `rows` is about how
  /// many rows the import will write, which a store may write a large import by.
  @discardableResult func importReports(
    author: String, source: String, expecting rows: Int, _ body: (any ReportInserting) throws -> Void
  ) throws -> ImportOutcome
  /// Adds reports with their annotations, links and reviews inside one transaction; `rows` as for
  /// `importReports`.
  @discardableResult func importAnnotated(
    author: String, expecting rows: Int, _ body: (any AnnotatedInserting) throws -> Void
  ) throws -> AnnotatedImportOutcome
  /// Calls `body` with each selected report and everything said about it, one report at a time.
  func forEachReport(_ selection: ExportSelection, _ body: (ReportBundle) throws -> Void) throws

  // MARK: Layers and annotations

  /// Records a layer, or leaves an existing one when `onlyIfAbsent`.
  func registerLayer(_ record: LayerRecord, author: String, onlyIfAbsent: Bool) throws
  /// Every layer the project knows.
  func layerRecords() throws(StoreError) -> [LayerRecord]
  /// Runs one command's writes in one transaction, logged as one batch of events; `rows` is how
  /// many rows the command expects to change, which a store may write a large change by.
  @discardableResult func change<T>(
    author: String, expecting rows: Int, _ body: (any AnnotationChanging) throws -> T
  ) throws -> T
  /// One annotation by its handle.
  func annotation(id: Int) throws(StoreError) -> Annotation
  /// The annotations `filter` keeps.
  func annotations(_ filter: AnnotationFilter) throws(StoreError) -> [Annotation]
  /// The links from or to any of the annotations `ids`.
  func links(touching ids: [Int]) throws(StoreError) -> [AnnotationLink]
  /// Reverts the author's latest command not yet undone.
  func undo(author: String) throws -> Reversal
  /// Replays the author's latest undone command.
  func redo(author: String) throws -> Reversal

  // MARK: History

  /// Every event about one annotation, oldest first.
  func history(ofAnnotation id: Int) throws(StoreError) -> [ProjectEvent]
  /// The latest events, newest first, of one author or of everyone.
  func recentEvents(limit: Int, author: String?) throws(StoreError) -> [ProjectEvent]
  /// The events about one entity, or all of them, oldest first.
  func events(entity: String?, entityID: String?) throws(StoreError) -> [ProjectEvent]

  // MARK: Comparison and agreement inputs

  /// The active spans of the reports and layers, for comparing annotators.
  func annotationSpans(reportIDs: [Int], layers: [String]?) throws(StoreError) -> [AnnotationSpan]
  /// The links between those spans.
  func linksFromSpans(reportIDs: [Int], layers: [String]?) throws(StoreError) -> [AnnotationLink]
  /// The texts of the reports.
  func reportTexts(ids: [Int]) throws(StoreError) -> [(id: Int, text: String)]
  /// The word tokens kept for each report.
  func reportTokens(ids: [Int]) throws(StoreError) -> [Int: [TextRange]]
  /// Every label given in the reports and layers, with its author.
  func comparedLabels(reportIDs: [Int], layers: [String]?) throws(StoreError) -> [(
    layer: String, label: String, author: String
  )]
  /// The reports of a layer more than one annotator worked on.
  func reportsAnnotatedBySeveral(layer: String) throws(StoreError) -> [Int]
  /// Each annotator's progress on a layer, or on all of them.
  func progress(layer: String?) throws(StoreError) -> [AnnotatorProgress]
  /// Seconds each author spent annotating, from the event log.
  func activeSeconds() throws(StoreError) -> [String: Double]

  // MARK: Suggestions

  /// Stores suggestions for `author` to accept or reject later, after the ones there are.
  func addPendingSuggestions(_ items: [PendingSuggestion], author: String, replacing: Bool) throws
  /// How many suggestions `author` has per layer, and how many are still open.
  func pendingSuggestionCounts(author: String) throws(StoreError) -> [(layer: String, total: Int, open: Int)]
  /// How many suggestions `author` has, decided ones included: the list's last number.
  func pendingSuggestionTotal(author: String) throws(StoreError) -> Int
  /// `author`'s suggestions numbered within `numbers`.
  func pendingSuggestions(author: String, numbers: ClosedRange<Int>) throws(StoreError) -> [PendingSuggestion]
  /// `author`'s suggestions with the given numbers.
  func pendingSuggestions(author: String, numbers: [Int]) throws(StoreError) -> [PendingSuggestion]
  /// The numbers of `author`'s suggestions, of one layer or all, open ones or all.
  func pendingSuggestionNumbers(author: String, layer: String?, openOnly: Bool) throws(StoreError) -> [Int]
  /// The accept and reject decisions on suggestions in the reports.
  func suggestionDecisions(reportIDs: [Int], author: String?) throws(StoreError) -> Set<SuggestionDecision>

  // MARK: Review

  /// The verdicts on the annotations.
  func reviews(annotationIDs: [Int]) throws(StoreError) -> [Review]
  /// The comments on an annotation, oldest first.
  func comments(onAnnotation id: Int) throws(StoreError) -> [(
    kind: String, author: String, at: String, comment: String
  )]
  /// The standing review decisions of the reports.
  func reviewDecisions(reportIDs: [Int], layer: String?) throws(StoreError) -> [ReviewDecision]
  /// Each report's review state; reports nobody reviewed yet are left out.
  func reviewStates(reportIDs: [Int]) throws(StoreError) -> [Int: String]
  /// Each report's review state per layer.
  func layerReviewStates(reportIDs: [Int]) throws(StoreError) -> [Int: [(
    layer: String, state: ReviewStateRecord.State
  )]]

  // MARK: Team and assignments

  /// The team's members.
  func teamMembers(includingRemoved: Bool) throws(StoreError) -> [TeamMember]
  /// Lets a user in: the first one leads, later ones join as the team allows.
  func admit(_ declared: String) throws -> TeamMember
  /// Gives a member a role.
  @discardableResult func setMember(_ declared: String, role: TeamMember.Role, by actor: String) throws -> TeamMember
  /// Removes a member; their work stays.
  @discardableResult func removeMember(_ declared: String, by actor: String) throws -> TeamMember
  /// Makes a layer, or every layer, blind or open.
  func setBlind(_ on: Bool, layer: String?, by actor: String) throws
  /// What `user` may see and do.
  func access(for user: String) throws(StoreError) -> TeamAccess
  /// Assigns reports of a layer to annotators; returns how many assignments were made.
  @discardableResult func assign(
    _ plan: [(reportID: Int, annotators: [String])], layer: String, by author: String, record: JSONObject
  ) throws -> Int
  /// Removes the assignments of the reports.
  @discardableResult func clearAssignments(reportIDs: [Int], layer: String?, by author: String) throws -> Int
  /// The assignments of some reports or annotator, or all.
  func assignments(reportIDs: [Int]?, annotator: String?) throws(StoreError) -> [Assignment]
  /// How many reports of a layer each annotator has.
  func assignmentLoads(layer: String) throws(StoreError) -> [String: Int]
  /// The reports of a layer assigned to anyone.
  func assignedReportIDs(layer: String) throws(StoreError) -> Set<Int>
  /// The reports assigned to an annotator.
  func assignedReports(to annotator: String, layer: String?, openOnly: Bool) throws(StoreError) -> [Int]
  /// Marks an assignment done or open again.
  @discardableResult func setDone(_ done: Bool, reportID: Int, annotator: String, layer: String?) throws -> Int

  // MARK: Merge

  /// Merges another copy of the project into this one, report by report.
  func merge(
    from other: any ProjectStoring, author: String, checking check: (ReportBundle) throws -> ReportBundle
  ) throws -> MergeOutcome
  /// The merge conflicts not yet resolved.
  func openConflicts() throws(StoreError) -> [MergeConflict]
  /// Settles a merge conflict by keeping this side's value or taking the other's.
  @discardableResult func resolveConflict(_ id: Int, takeOther: Bool, author: String) throws -> MergeConflict
}
