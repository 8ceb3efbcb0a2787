import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Writes Label Studio tasks: one JSON array, a task per report, an annotation per annotator.
///
/// Label Studio addresses text in JavaScript string indices, i.e. UTF-16 code units, so every
/// offset is converted from scalars; an emoji outside the BMP counts two there. Result ids are
/// Hashiya handles, and each annotator's spans (with the links from them) form one annotation, so
/// several annotators compare side by side in Label Studio; adjudicated spans are an annotation
/// apart marked `ground_truth`. Label Studio marks every annotation it imports `ground_truth`, so
/// which ones are gold is also kept in the task's data as `hashiya_gold` (in annotation order),
/// which import reads instead when the task has it. A span's `from_name` is its layer and each attribute is a
/// per-region result with the span's id, as the label config written beside the file
/// (`LabelStudioConfig`) declares them, so the file imports back without `--layer` or the plugins.
///
/// Label Studio refuses a `completed_by` that is not one of its users' ids or emails, so an
/// author is written there only as `{"email": …}` when the name is an email; every annotation's
/// author is also kept in the task's data as `hashiya_authors` (in annotation order), which
/// import reads back. The report's metadata fields go into the task's data beside the text.
/// Reference attributes and reviews have no place in this shape.
public struct LabelStudioExporter: ReportExporter {
  private var output: ExportOutput
  private let context: ExportContext
  /// Spans in pieces written as one region per piece.
  private var spansSplit = 0

  /// `path` nil or `-` writes to standard output.
  public init(path: String?, context: ExportContext) throws {
    self.output = try ExportOutput(path: path, project: context.projectPath)
    self.context = context
  }

  public mutating func write(_ bundle: ReportBundle, text: ReportText) throws {
    let (annotations, split) = ExchangeFragments.expanded(ExchangeSupport.annotations(of: bundle, context: context))
    spansSplit += split
    let records = ExchangeSupport.records(annotations)
    output.writer.beginObject()
    output.writer.key("data")
    output.writer.beginObject()
    output.writer.field("text", bundle.report.text)
    output.writer.field("hashiya_uid", bundle.report.uid)
    output.writer.field("title", bundle.report.title)
    if case .object(let metadata)? = try? JSONParser.parse(bundle.report.metadataJSON) {
      for (key, value) in metadata.pairs where !LabelStudioFormat.ownFields.contains(key) {
        output.writer.key(key)
        output.writer.value(value)
      }
    }
    output.writer.key(LabelStudioFormat.authorsField)
    output.writer.beginArray()
    for record in records { output.writer.string(record.author) }
    output.writer.endArray()
    let ties = ExchangeFragments.ties(annotations)
    if !ties.isEmpty {
      output.writer.key(ExchangeFragments.piecesField)
      output.writer.value(.object(ties))
    }
    if records.contains(where: \.gold) {
      output.writer.key(ExchangeSupport.goldField)
      output.writer.beginArray()
      for record in records { output.writer.bool(record.gold) }
      output.writer.endArray()
    }
    output.writer.endObject()
    output.writer.key("annotations")
    output.writer.beginArray()
    var linkCount = 0
    for record in records {
      output.writer.beginObject()
      if LabelStudioFormat.isEmail(record.author) {
        output.writer.key("completed_by")
        output.writer.beginObject()
        output.writer.field("email", record.author)
        output.writer.endObject()
      }
      if record.gold { output.writer.field("ground_truth", true) }
      output.writer.key("result")
      output.writer.beginArray()
      for annotation in record.annotations {
        writeSpan(annotation, text: text)
        writeAttributes(of: annotation, text: text)
      }
      let links = ExchangeSupport.links(of: bundle, between: record.annotations)
      linkCount += links.count
      for link in links { writeRelation(link) }
      output.writer.endArray()
      output.writer.endObject()
    }
    output.writer.endArray()
    output.writer.endObject()
    // The array's brackets and commas are written here so tasks stream one at a time.
    try output.emit(
      separator: output.summary.reports == 0 ? "[\n" : ",\n", annotations: ExchangeFragments.wholeCount(annotations),
      links: linkCount)
  }

  public func discard() {
    output.discard()
  }

  public mutating func finish() throws -> ExportSummary {
    let trailer = output.summary.reports == 0 ? "[]\n" : "\n]\n"
    return ExchangeFragments.warned(
      try ExchangeSupport.finish(
        &output, trailer: trailer, beside: LabelStudioConfig.fileName,
        text: LabelStudioConfig.text(for: context.schemas), project: context.projectPath),
      format: "Label Studio", split: spansSplit,
      carrier: "the task data field \"\(ExchangeFragments.piecesField)\"")
  }

  private mutating func writeSpan(_ annotation: Annotation, text: ReportText) {
    beginResult(annotation, control: annotation.layer, type: "labels", text: text)
    output.writer.key("labels")
    output.writer.beginArray()
    output.writer.string(annotation.label)
    output.writer.endArray()
    output.writer.endObject()
    output.writer.endObject()
  }

  /// Opens a result on `annotation`'s region, up to its `value`'s offsets and, but for a text area
  /// (whose `text` is its own), the text it covers.
  private mutating func beginResult(_ annotation: Annotation, control: String, type: String, text: ReportText) {
    output.writer.beginObject()
    output.writer.field("id", String(annotation.id))
    output.writer.field("from_name", control)
    output.writer.field("to_name", LabelStudioConfig.textName)
    output.writer.field("type", type)
    output.writer.key("value")
    output.writer.beginObject()
    output.writer.field("start", text.utf16Offset(ofScalar: annotation.range.start))
    output.writer.field("end", text.utf16Offset(ofScalar: annotation.range.end))
    if type != "textarea" { output.writer.field("text", text.substring(annotation.range)) }
  }

  /// One per-region result for each attribute the label config has a control for.
  private mutating func writeAttributes(of annotation: Annotation, text: ReportText) {
    let label = context.schema(of: annotation)?.label(annotation.label)
    for (name, value) in annotation.attributes.pairs where value != .null {
      guard let kind = label?.attribute(name)?.kind else { continue }
      let result: (type: String, key: String, value: JSONValue)
      switch (kind, value) {
      case (.enumeration, .string), (.boolean, .bool):
        let choice = value.stringValue ?? (value.boolValue == true ? "true" : "false")
        result = ("choices", "choices", [.string(choice)])
      case (.text, .string): result = ("textarea", "text", [value])
      case (.number, .int), (.number, .double): result = ("number", "number", value)
      default: continue
      }
      let control = LabelStudioConfig.controlName(layer: annotation.layer, label: annotation.label, attribute: name)
      beginResult(annotation, control: control, type: result.type, text: text)
      output.writer.key(result.key)
      output.writer.value(result.value)
      output.writer.endObject()
      output.writer.endObject()
    }
  }

  private mutating func writeRelation(_ link: AnnotationLink) {
    output.writer.beginObject()
    output.writer.field("type", "relation")
    output.writer.field("from_id", String(link.fromID))
    output.writer.field("to_id", String(link.toID))
    output.writer.field("direction", "right")
    output.writer.key("labels")
    output.writer.beginArray()
    output.writer.string(link.type)
    output.writer.endArray()
    output.writer.endObject()
  }
}

/// What Hashiya's Label Studio export and import agree on beyond Label Studio's own fields.
enum LabelStudioFormat {
  /// The task data field listing each annotation's author, in annotation order.
  static let authorsField = "hashiya_authors"
  /// Task data fields Hashiya writes itself; any other is the report's metadata.
  static let ownFields: Set<String> = [
    "text", "title", "hashiya_uid", authorsField, ExchangeSupport.goldField, ExchangeFragments.piecesField,
  ]

  /// Whether `name` reads as an email, which Label Studio takes as `completed_by`.
  static func isEmail(_ name: String) -> Bool {
    let parts = name.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !name.contains(" ")
  }
}
