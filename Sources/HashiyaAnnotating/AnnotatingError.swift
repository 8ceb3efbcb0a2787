/// Why an annotation cannot be written: the layer, the plugin's own check, or a link.
public enum AnnotatingError: Error, Equatable, CustomStringConvertible {
  /// No plugin and no schema in the project file for this layer.
  case unknownLayer(String, known: [String])
  /// The layer's plugin refused the annotation after the schema accepted it.
  case refusedByPlugin(layer: String, reasons: [String])
  /// A link may only join annotations of the same report.
  case linkAcrossReports(target: Int, targetReport: Int, report: Int)
  /// The layer keeps each annotation within one sentence (`withinSentence` in its schema).
  case crossesSentences(layer: String, from: Int, to: Int)

  public var description: String {
    switch self {
    case .unknownLayer(let layer, let known):
      return "no layer \"\(layer)\" (layers: \(known.joined(separator: ", ")); see \"plugins\")"
    case .refusedByPlugin(let layer, let reasons):
      return "\(layer) refused the annotation: " + reasons.joined(separator: "; ")
    case .linkAcrossReports(let target, let targetReport, let report):
      return "#\(target) is on report #\(targetReport), not #\(report): links stay within a report"
    case .crossesSentences(let layer, let from, let to):
      return "\(layer) keeps each annotation within one sentence, and this span runs from s\(from) into s\(to)"
    }
  }
}
