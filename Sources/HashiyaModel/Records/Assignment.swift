/// One annotator's assignment to a report, on one layer or (layer "") on every layer.
public struct Assignment: Sendable, Equatable {
  public var reportID: Int
  /// The layer the assignment is for; empty for every layer.
  public var layer: String
  public var annotator: String
  public var assignedBy: String
  public var assignedAt: String
  /// When the annotator marked it finished; nil while it is open.
  public var doneAt: String?

  public init(
    reportID: Int, layer: String = "", annotator: String, assignedBy: String = "", assignedAt: String = "",
    doneAt: String? = nil
  ) {
    self.reportID = reportID
    self.layer = layer
    self.annotator = annotator
    self.assignedBy = assignedBy
    self.assignedAt = assignedAt
    self.doneAt = doneAt
  }

  public var isDone: Bool { doneAt != nil }
}
