/// Whether an inserted report was new or already in the project.
public enum ReportInsertion: Equatable, Sendable {
  case added(id: Int)
  case duplicate(id: Int)
}
