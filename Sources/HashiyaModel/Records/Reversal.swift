/// What `undo` or `redo` changed.
public struct Reversal: Sendable, Equatable {
  /// `undo` or `redo`.
  public var action: String
  /// The action of the command reverted or replayed (`create`, `update`, `delete`).
  public var originalAction: String
  /// The annotations whose state changed.
  public var handles: [Int]

  /// Makes the value from its fields.
  public init(action: String, originalAction: String, handles: [Int]) {
    self.action = action
    self.originalAction = originalAction
    self.handles = handles
  }
}
