/// Which annotations a listing wants; nil fields do not filter.
public struct AnnotationFilter: Sendable {
  public var reportID: Int?
  /// Only annotations on these reports.
  public var reportIDs: [Int]?
  public var layer: String?
  public var label: String?
  public var author: String?
  public var includeDeleted = false
  /// Only annotations a reviewer flagged.
  public var flaggedOnly = false

  public init(
    reportID: Int? = nil, reportIDs: [Int]? = nil, layer: String? = nil, label: String? = nil, author: String? = nil,
    includeDeleted: Bool = false, flaggedOnly: Bool = false
  ) {
    self.reportID = reportID
    self.reportIDs = reportIDs
    self.layer = layer
    self.label = label
    self.author = author
    self.includeDeleted = includeDeleted
    self.flaggedOnly = flaggedOnly
  }
}
