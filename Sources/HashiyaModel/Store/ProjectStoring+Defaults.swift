/// The usual values of `ProjectStoring`'s parameters, which a protocol cannot declare itself.
extension ProjectStoring {
  /// Every problem found with the project's rows, up to a thousand.
  public func check() throws(StoreError) -> [ProjectProblem] { try check(limit: 1000) }

  /// Runs one command's writes, few rows of them, in one transaction logged as one batch.
  @discardableResult
  public func change<T>(author: String, _ body: (any AnnotationChanging) throws -> T) throws -> T {
    try change(author: author, expecting: 0, body)
  }

  /// Adds reports inside one transaction, a small import.
  @discardableResult
  public func importReports(
    author: String, source: String, _ body: (any ReportInserting) throws -> Void
  ) throws -> ImportOutcome {
    try importReports(author: author, source: source, expecting: 0, body)
  }

  /// Adds annotated reports inside one transaction, a small import.
  @discardableResult
  public func importAnnotated(
    author: String, _ body: (any AnnotatedInserting) throws -> Void
  ) throws -> AnnotatedImportOutcome {
    try importAnnotated(author: author, expecting: 0, body)
  }

  /// A page of the report list whose titles contain `titleQuery` (compared after Arabic folding),
  /// as `access` may see it.
  public func reportSummaries(
    titleQuery: String? = nil, offset: Int = 0, limit: Int = 20, access: TeamAccess? = nil
  ) throws(StoreError) -> (total: Int, page: [ReportSummary]) {
    try reportSummaries(ReportFilter(titleQuery: titleQuery), offset: offset, limit: limit, access: access)
  }

  /// A page of the reports `filter` keeps, as the whole team sees them.
  public func reportSummaries(
    _ filter: ReportFilter, offset: Int = 0, limit: Int = 20
  ) throws(StoreError) -> (total: Int, page: [ReportSummary]) {
    try reportSummaries(filter, offset: offset, limit: limit, access: nil)
  }

  /// Report ids in order, up to ten thousand.
  public func reportIDs() throws(StoreError) -> [Int] { try reportIDs(limit: 10_000) }

  /// The first ten hits of a ranked search.
  public func search(_ query: String) throws(StoreError) -> SearchResults {
    try search(query, exact: false, offset: 0, limit: 10)
  }

  /// A page of hits of a ranked or exact search.
  public func search(_ query: String, exact: Bool = false, limit: Int) throws(StoreError) -> SearchResults {
    try search(query, exact: exact, offset: 0, limit: limit)
  }

  /// Records a layer, replacing one of the same name.
  public func registerLayer(_ record: LayerRecord, author: String) throws {
    try registerLayer(record, author: author, onlyIfAbsent: false)
  }

  /// The latest events of everyone, newest first.
  public func recentEvents(limit: Int) throws(StoreError) -> [ProjectEvent] {
    try recentEvents(limit: limit, author: nil)
  }

  /// Every event, oldest first.
  public func events() throws(StoreError) -> [ProjectEvent] { try events(entity: nil, entityID: nil) }

  /// Every annotator's progress on every layer.
  public func progress() throws(StoreError) -> [AnnotatorProgress] { try progress(layer: nil) }

  /// Stores suggestions for `author` after the ones there are.
  public func addPendingSuggestions(_ items: [PendingSuggestion], author: String) throws {
    try addPendingSuggestions(items, author: author, replacing: false)
  }

  /// The numbers of all of `author`'s suggestions.
  public func pendingSuggestionNumbers(author: String) throws(StoreError) -> [Int] {
    try pendingSuggestionNumbers(author: author, layer: nil, openOnly: false)
  }

  /// Everyone's decisions on suggestions in the reports.
  public func suggestionDecisions(reportIDs: [Int]) throws(StoreError) -> Set<SuggestionDecision> {
    try suggestionDecisions(reportIDs: reportIDs, author: nil)
  }

  /// The team's current members.
  public func teamMembers() throws(StoreError) -> [TeamMember] { try teamMembers(includingRemoved: false) }

  /// Every assignment.
  public func assignments() throws(StoreError) -> [Assignment] { try assignments(reportIDs: nil, annotator: nil) }

  /// Merges another copy of the project into this one, every report as it is.
  public func merge(from other: any ProjectStoring, author: String) throws -> MergeOutcome {
    try merge(from: other, author: author, checking: { $0 })
  }
}
