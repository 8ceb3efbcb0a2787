/// What merging a teammate's project file brought in, and what it could not.
public struct MergeOutcome: Sendable, Equatable {
  public var reportsAdded = 0
  public var annotationsAdded = 0
  /// Annotations, links and review decisions here whose fields the other side's changes moved.
  public var annotationsUpdated = 0
  /// How many fields those updates changed.
  public var fieldsUpdated = 0
  public var linksAdded = 0
  public var reviewsAdded = 0
  public var reviewDecisionsAdded = 0
  /// Review states (per report and layer) and suggestion decisions taken from the other side.
  public var reviewStatesTaken = 0
  public var suggestionDecisionsTaken = 0
  public var eventsAppended = 0
  /// Conflicts, or their resolutions, recorded in the other file and new here.
  public var conflictRecordsTaken = 0
  /// Fields changed differently on both sides since the copies parted, as decided.
  public var conflicts: [MergeConflict] = []
  /// One line per notable case, such as a report whose text differs under the same uid.
  public var notes: [String] = []

  public init() {}

  public var changedAnything: Bool {
    reportsAdded + annotationsAdded + annotationsUpdated + linksAdded + reviewsAdded + reviewDecisionsAdded
      + reviewStatesTaken + suggestionDecisionsTaken + eventsAppended + conflictRecordsTaken > 0
  }
}
