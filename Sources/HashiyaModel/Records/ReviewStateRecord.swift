/// How far the review of one layer of a report has come: what `reports` shows, per layer.
public struct ReviewStateRecord: Sendable, Equatable {
  /// Where a layer's review stands.
  public enum State: String, Sendable, CaseIterable {
    /// No decision stands (none was made, or every one was undone).
    case unreviewed
    /// Some units are decided, not all.
    case inReview = "in-review"
    /// A decision stands for every unit.
    case settled
  }

  public var layer: String
  public var state: State
  /// How many units the layer had in review when it was last decided on.
  public var units: Int
  public var updatedAt: String

  public init(layer: String, state: State, units: Int, updatedAt: String) {
    self.layer = layer
    self.state = state
    self.units = units
    self.updatedAt = updatedAt
  }

  /// The state `units` units and `decided` standing decisions amount to.
  public static func state(decided: Int, units: Int) -> State {
    if decided == 0 { return .unreviewed }
    return decided >= units ? .settled : .inReview
  }
}

extension ReviewStateRecord {
  /// A report's state from its layers' (see `ProjectStoring.reviewStates`): nil while none is reviewed yet.
  public static func reportState(_ layers: [(layer: String, state: ReviewStateRecord.State)]) -> String? {
    let states = layers.map(\.state)
    if states.allSatisfy({ $0 == .unreviewed }) { return nil }
    return states.allSatisfy { $0 == .settled }
      ? ReviewStateRecord.State.settled.rawValue : ReviewStateRecord.State.inReview.rawValue
  }
}
