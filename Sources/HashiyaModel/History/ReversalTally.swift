/// What an undo or redo has done so far, gathered event by event as it replays a batch.
///
/// Both stores replay a batch a page of events at a time, so an undo of `accept all` over a large
/// project never holds its millions of events at once; this is all that is kept of them, the
/// handles as runs.
public struct ReversalTally: Sendable {
  /// How many events a store reads at a time while replaying a batch.
  public static let eventsPerPage = 2_000

  private var firstAction: String?
  private var firstAnnotationAction: String?
  private var handles = NumberRuns()

  /// Starts a tally of nothing replayed.
  public init() {}

  /// Notes an event about to be replayed, in replay order.
  public mutating func replaying(_ event: ProjectEvent) {
    if firstAction == nil { firstAction = event.action }
    if firstAnnotationAction == nil && event.entity == "annotation" { firstAnnotationAction = event.action }
  }

  /// Notes an annotation whose state the replay changed.
  public mutating func changed(_ handle: Int) {
    handles.insert(handle)
  }

  /// The reversal made: the original command is named by its first annotation event, or its first event.
  public func reversal(action: String) -> Reversal {
    Reversal(
      action: action, originalAction: firstAnnotationAction ?? firstAction ?? "change", handles: handles)
  }
}
