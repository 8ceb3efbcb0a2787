import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Writes reports one at a time in one format, so memory stays flat however large the project.
///
/// The export command calls `write` once per report in id order, then `finish`.
public protocol ReportExporter {
  mutating func write(_ bundle: ReportBundle, text: ReportText) throws
  /// Completes the output (closing brackets, `annotation.conf`) and says what was written.
  mutating func finish() throws -> ExportSummary
  /// Abandons a failed export, removing what it wrote so far.
  func discard()
}

/// What an export wrote.
public struct ExportSummary: Sendable, Equatable {
  public var reports: Int
  public var annotations: Int
  public var links: Int
  /// Review decisions written (the native formats alone carry them).
  public var reviewDecisions: Int
  /// Suggestion decisions written (the native formats alone carry them).
  public var suggestionDecisions: Int
  public var bytes: Int
  /// The files written (one for most formats, a folder's files for brat).
  public var files: [String]
  /// What the format could not carry as Hashiya has it, said once per export.
  public var warnings: [String] = []

  public init(
    reports: Int = 0, annotations: Int = 0, links: Int = 0, reviewDecisions: Int = 0, suggestionDecisions: Int = 0,
    bytes: Int = 0, files: [String] = []
  ) {
    self.reports = reports
    self.annotations = annotations
    self.links = links
    self.reviewDecisions = reviewDecisions
    self.suggestionDecisions = suggestionDecisions
    self.bytes = bytes
    self.files = files
  }
}
