/// A typed relation from one annotation to another (a quote `said-by` its speaker).
public struct AnnotationLink: Sendable, Equatable {
  public var id: Int
  public var uuid: String
  public var type: String
  public var fromID: Int
  public var toID: Int
  public var author: String
  public var status: Annotation.Status
  public var createdAt: String

  public init(
    id: Int, uuid: String, type: String, fromID: Int, toID: Int, author: String, status: Annotation.Status,
    createdAt: String
  ) {
    self.id = id
    self.uuid = uuid
    self.type = type
    self.fromID = fromID
    self.toID = toID
    self.author = author
    self.status = status
    self.createdAt = createdAt
  }
}
