/// The one contract every annotator meets: built-in Swift modules, manifest and process plugins.
///
/// The core knows no label by name: everything it shows, validates and offers at the prompt for a
/// layer comes from the annotator's `schema` and `commands`.
public protocol Annotator: Sendable {
  /// The layer id, also the plugin id: `speaker-tagging`.
  var id: String { get }
  var version: String { get }
  /// Labels, typed attributes and link types of the layer.
  var schema: LayerSchema { get }
  /// The prompt commands this annotator adds (`speaker SPAN …`).
  var commands: [AnnotatorCommand] { get }

  /// Candidate annotations for one report; never changes anything.
  func suggest(_ report: ReportInput) throws -> [Suggestion]

  /// Candidates for several reports at once, in the same order; annotators that pay a cost per call
  /// (a process round trip) answer a whole batch in one go.
  func suggest(batch reports: [ReportInput]) throws -> [[Suggestion]]

  /// Candidates for several reports, each with its own outcome: a faulty suggestion fails its
  /// report and no other. A throw fails them all (the plugin itself could not answer).
  func suggestEach(_ reports: [ReportInput]) throws -> [Result<[Suggestion], any Error>]

  /// Problems with an annotation beyond what the schema checks (empty means valid).
  func validate(_ annotation: AnnotationDraft, in text: ReportText) -> [String]
}

extension Annotator {
  public var commands: [AnnotatorCommand] { [] }

  public func suggest(batch reports: [ReportInput]) throws -> [[Suggestion]] {
    try reports.map { try suggest($0) }
  }

  public func suggestEach(_ reports: [ReportInput]) throws -> [Result<[Suggestion], any Error>] {
    reports.map { report in Result { try suggest(report) } }
  }

  public func validate(_ annotation: AnnotationDraft, in text: ReportText) -> [String] { [] }
}
