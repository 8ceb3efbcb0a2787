/// The answer to a full-text search: how many reports match, and the best-ranked page of them.
public struct SearchResults: Sendable, Equatable {
  /// One matching report.
  public struct Hit: Sendable, Equatable {
    public var id: Int
    public var title: String
    public var text: String

    /// Makes the value from its fields.
    public init(id: Int, title: String, text: String) {
      self.id = id
      self.title = title
      self.text = text
    }
  }

  public var total: Int
  public var hits: [Hit]
  /// How many of the matches were ranked (all of them, unless there are very many).
  public var rankedAmong: Int

  public init(total: Int, hits: [Hit], rankedAmong: Int) {
    self.total = total
    self.hits = hits
    self.rankedAmong = rankedAmong
  }
}
