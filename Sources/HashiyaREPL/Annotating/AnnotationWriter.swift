import AnnotatorKit
import HashiyaStore

/// The one path by which commands make annotations: schema, plugin checks, then the store.
struct AnnotationWriter {
  let session: Session

  /// A checked new annotation of `label` on `range` of the report, not yet written.
  func draft(
    layer: String, label: String, range: TextRange, reportID: Int, text: ReportText,
    attributes: [String: JSONValue], origin: String = "manual"
  ) throws -> NewAnnotation {
    // Re-checked here whatever resolved the range: it may come from an earlier command or
    // another project (`accept` of suggestions), and the quote below is cut from this text.
    try text.validate(range)
    let schema = try session.catalog.schema(layer, store: session.store)
    let checked = try schema.checkedAttributes(attributes, label: label)
    try checkReferences(checked, label: label, schema: schema)
    if let plugin = session.catalog.plugin(layer) {
      let problems = plugin.annotator.validate(
        AnnotationDraft(label: label, range: range, attributes: checked), in: text)
      guard problems.isEmpty else { throw CommandError.refusedByPlugin(layer: layer, reasons: problems) }
    }
    return NewAnnotation(
      reportID: reportID, layer: layer, label: label, range: range, quote: text.substring(range),
      attributes: Self.ordered(checked, schema.label(label)), origin: origin)
  }

  /// Checks a link of `type` from a `label` annotation of `layer` on a report to `target`.
  func checkLink(_ type: String, layer: String, label: String, reportID: Int, to target: Annotation) throws {
    let schema = try session.catalog.schema(layer, store: session.store)
    try schema.checkLink(type, from: label, to: target.label)
    guard target.reportID == reportID else {
      throw CommandError.usage(
        command: "link", message: "#\(target.id) is on report #\(target.reportID), not #\(reportID)")
    }
    guard target.status == .active else { throw StoreError.annotationDeleted(id: target.id) }
  }

  /// Reference attributes must name existing annotations of the allowed labels.
  private func checkReferences(_ values: [String: JSONValue], label: String, schema: LayerSchema) throws {
    for attribute in schema.label(label)?.attributes ?? [] {
      guard case .reference(let labels) = attribute.kind, let handle = values[attribute.name]?.intValue else {
        continue
      }
      let target = try session.store.annotation(id: handle)
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
    return JSONObject(keys.map { (key: $0, value: values[$0]!) })
  }
}
