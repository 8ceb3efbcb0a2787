/// What an import of annotated files changed.
public struct AnnotatedImportOutcome: Sendable, Equatable {
  public var reportsAdded: [Int] = []
  public var reportsMatched: [Int] = []
  public var annotations = 0
  public var links = 0
  public var reviews = 0
  public var reviewDecisions = 0
  /// Review states recorded, or updated by a newer one.
  public var reviewStates = 0
  /// Suggestion decisions recorded, or updated by a later one.
  public var suggestionDecisions = 0
  /// Records already in the project (same UUID), left as they are.
  public var alreadyPresent = 0

  /// An outcome with nothing in it yet.
  public init() {}

  /// Counts a report as added or found, and gives its id.
  package mutating func note(_ insertion: ReportInsertion) -> Int {
    switch insertion {
    case .added(let id):
      reportsAdded.append(id)
      return id
    case .duplicate(let id):
      reportsMatched.append(id)
      return id
    }
  }
}
