/// What merging a teammate's project file brought in, and what it could not.
public struct MergeOutcome: Sendable, Equatable {
  public var reportsAdded = 0
  public var annotationsAdded = 0
  /// Annotations changed on both sides: the newer state became current.
  public var annotationsUpdated = 0
  public var linksAdded = 0
  public var reviewsAdded = 0
  public var eventsAppended = 0
  /// One line per notable case: conflicting report texts, annotations edited on both sides.
  public var notes: [String] = []

  public var changedAnything: Bool {
    reportsAdded + annotationsAdded + annotationsUpdated + linksAdded + reviewsAdded + eventsAppended > 0
  }
}
