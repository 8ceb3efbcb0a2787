/// The answer to a full-text search: how many reports match, and the best-ranked page of them.
public struct SearchResults: Sendable, Equatable {
  /// One matching report.
  public struct Hit: Sendable, Equatable {
    public var id: Int
    public var title: String
    public var text: String
  }

  public var total: Int
  public var hits: [Hit]
}
