/// Which reports and annotations an export takes.
public struct ExportSelection: Sendable {
  /// Report ids; nil takes every report.
  public var reportIDs: [Int]?
  /// Layers; nil takes every layer.
  public var layers: [String]?
  /// Authors; nil takes every author.
  public var authors: [String]?
  /// Only adjudicated annotations.
  public var goldOnly: Bool
  /// Also deleted annotations (tombstones), so a round trip keeps history-bearing handles.
  public var includeDeleted: Bool

  public init(
    reportIDs: [Int]? = nil, layers: [String]? = nil, authors: [String]? = nil, goldOnly: Bool = false,
    includeDeleted: Bool = false
  ) {
    self.reportIDs = reportIDs
    self.layers = layers
    self.authors = authors
    self.goldOnly = goldOnly
    self.includeDeleted = includeDeleted
  }
}
