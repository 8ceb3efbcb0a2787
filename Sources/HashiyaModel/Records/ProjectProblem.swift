/// One thing `check` found wrong with a project file.
public struct ProjectProblem: Sendable, Equatable {
  /// What part of the project the problem is in.
  public enum Kind: String, Sendable {
    case file, schema, layer, report, annotation, link, event, index, temporary
  }

  public var kind: Kind
  /// What is damaged: "annotation #12", "report #3", "events row 40".
  public var location: String
  public var message: String

  public init(kind: Kind, location: String, message: String) {
    self.kind = kind
    self.location = location
    self.message = message
  }
}
