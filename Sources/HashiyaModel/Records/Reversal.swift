/// What `undo` or `redo` changed.
public struct Reversal: Sendable, Equatable {
  /// `undo` or `redo`.
  public var action: String
  /// The action of the command reverted or replayed (`create`, `update`, `delete`).
  public var originalAction: String
  /// The annotations whose state changed, as runs: an undo of `accept all` changes millions.
  public var handles: NumberRuns

  /// Makes the value from its fields.
  public init(action: String, originalAction: String, handles: NumberRuns) {
    self.action = action
    self.originalAction = originalAction
    self.handles = handles
  }
}
