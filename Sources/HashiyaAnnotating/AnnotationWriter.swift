import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// The one path by which annotations are made, for every front end: the range against the
/// text, the layer's schema (fetched once), the plugin's own check, then a draft for the store.
public struct AnnotationWriter {
  public let workspace: Workspace
  public let layer: String
  /// The layer's schema, from its plugin or the project file.
  public let schema: LayerSchema

  public init(workspace: Workspace, layer: String) throws {
    self.workspace = workspace
    self.layer = layer
    self.schema = try workspace.schema(layer)
  }

  /// The label called `word`, or whose one-key shortcut it is; `word` itself when neither, so
  /// that the draft's check names it as unknown.
  public func label(_ word: String) -> String {
    schema.label(namedOrKeyed: word)?.name ?? word
  }

  /// A checked new annotation of `label` on `range` of the report, and on `fragments` after it
  /// for a span in pieces, not yet written.
  ///
  /// `typed` are values as typed at a prompt (`check=4`), read through the schema; `attributes`
  /// are values already typed. Both are checked once, together, and defaults filled in.
  public func draft(
    label: String, range: TextRange, fragments: [TextRange] = [], reportID: Int, text: ReportText,
    attributes: [String: JSONValue] = [:], typed: [(key: String, value: String)] = [], origin: String = "manual"
  ) throws -> NewAnnotation {
    // Re-checked here whatever resolved the range: it may come from an earlier command or
    // another project (`accept` of suggestions), and the quote below is cut from this text.
    try text.validate(range)
    for piece in fragments { try text.validate(piece) }
    if let problem = SpanFragment.problem(first: range, rest: fragments) {
      throw AnnotationWriteError.badFragments(reportID: reportID, reason: problem)
    }
    if schema.withinSentence {
      let end = fragments.last?.end ?? range.end
      let sentences = text.sentenceRanges
      let first = sentences.firstIndex { $0.end > range.start }
      let last = sentences.lastIndex { $0.start < end }
      if let first, let last, first != last {
        throw AnnotatingError.crossesSentences(layer: layer, from: first + 1, to: last + 1)
      }
    }
    var values = try schema.parseAttributes(typed, label: label)
    // Most drafts (every accepted suggestion) type nothing: merging into nothing copied each one.
    if values.isEmpty { values = attributes } else { values.merge(attributes) { $1 } }
    let checked = try schema.checkedAttributes(values, label: label)
    try checkReferences(checked, label: label)
    if let plugin = workspace.catalog.plugin(layer) {
      let problems = plugin.annotator.validate(
        AnnotationDraft(label: label, range: range, attributes: checked), in: text)
      guard problems.isEmpty else { throw AnnotatingError.refusedByPlugin(layer: layer, reasons: problems) }
    }
    return NewAnnotation(
      reportID: reportID, layer: layer, label: label, range: range, quote: text.substring(range),
      attributes: Self.ordered(checked, schema.label(label)), origin: origin,
      fragments: fragments.map { SpanFragment(range: $0, quote: text.substring($0)) })
  }

  /// The attributes an edit of `current` writes: checked as a new annotation's are, but with
  /// no default the annotation never held, which would count as a change of that field (and a
  /// merge would weigh it against a teammate's real change).
  public func editedAttributes(
    of current: Annotation, label: String, text: ReportText, attributes: [String: JSONValue],
    typed: [(key: String, value: String)]
  ) throws -> JSONObject {
    let draft = try draft(
      label: label, range: current.range, fragments: current.fragments.map(\.range), reportID: current.reportID,
      text: text, attributes: attributes, typed: typed)
    let named = Set(attributes.keys).union(typed.map(\.key))
    var kept = draft.attributes
    for (key, _) in draft.attributes.pairs
    where !named.contains(key) && schema.label(label)?.attribute(key)?.required != true {
      kept[key] = nil
    }
    return kept
  }

  /// Checks a link of `type` from a `label` annotation on a report to `target`.
  public func checkLink(_ type: String, label: String, reportID: Int, to target: Annotation) throws {
    try schema.checkLink(type, from: label, to: target.label)
    guard target.reportID == reportID else {
      throw AnnotatingError.linkAcrossReports(target: target.id, targetReport: target.reportID, report: reportID)
    }
    guard target.status == .active else { throw StoreError.annotationDeleted(id: target.id) }
  }

  /// Reference attributes must name existing annotations of the allowed labels.
  private func checkReferences(_ values: [String: JSONValue], label: String) throws {
    for attribute in schema.label(label)?.attributes ?? [] {
      guard case .reference(let labels) = attribute.kind, let handle = values[attribute.name]?.intValue else {
        continue
      }
      let target = try workspace.store.annotation(id: handle)
      if !labels.isEmpty && !labels.contains(target.label) {
        throw SchemaError.wrongType(
          attribute: attribute.name, value: "#\(handle)", expected: "a " + labels.joined(separator: " or "))
      }
    }
  }

  /// Attributes in schema order, so stored JSON and displays are stable.
  static func ordered(_ values: [String: JSONValue], _ label: LabelSchema?) -> JSONObject {
    let order = label?.attributes.map(\.name) ?? []
    let keys = order.filter { values[$0] != nil } + values.keys.filter { !order.contains($0) }.sorted()
    return JSONObject(keys.compactMap { key in values[key].map { (key: key, value: $0) } })
  }
}
