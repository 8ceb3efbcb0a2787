import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Where a team stands: progress per annotator and layer, time active, and agreement so far.
public struct TeamProgress: Sendable {
  /// Agreement on one layer over the reports two or more annotators have annotated.
  public struct LayerAgreement: Sendable {
    public var layer: String
    /// Reports with annotations of the layer by two or more people.
    public var reports: Int
    /// Token-level Krippendorff's alpha (nominal), which tolerates annotators missing on a report.
    public var alpha: AgreementFigure
  }

  public var rows: [AnnotatorProgress]
  /// Seconds active per annotator, all layers together: the event log does not say which layer a
  /// moment of work was for.
  public var activeSeconds: [String: Double]
  public var agreement: [LayerAgreement]

  /// Reads the figures for `layer`, or for every layer anyone worked on.
  public static func compute(store: any ProjectStoring, layer: String?) throws -> TeamProgress {
    let rows = try store.progress(layer: layer)
    let active = try store.activeSeconds()
    let layers = Set(rows.map(\.layer).filter { !$0.isEmpty }).sorted()
    var agreement: [LayerAgreement] = []
    for name in layers {
      let reports = try store.reportsAnnotatedBySeveral(layer: name)
      guard !reports.isEmpty else { continue }
      let figures = try AgreementMetrics.compute(store: store, reportIDs: reports, layer: name, annotators: nil)
      guard let report = figures.first(where: { $0.layer == name })?.report else { continue }
      agreement.append(LayerAgreement(layer: name, reports: reports.count, alpha: report.krippendorffAlpha))
    }
    let people = Set(rows.map(\.annotator))
    return TeamProgress(rows: rows, activeSeconds: active.filter { people.contains($0.key) }, agreement: agreement)
  }
}
