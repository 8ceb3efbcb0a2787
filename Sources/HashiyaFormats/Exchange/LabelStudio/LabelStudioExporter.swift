import AnnotatorKit
import HashiyaStore

/// Writes Label Studio tasks: one JSON array, a task per report, an annotation per author.
///
/// Label Studio addresses text in JavaScript string indices, i.e. UTF-16 code units, so every
/// offset is converted from scalars; an emoji outside the BMP counts two there. Result ids are
/// Hashiya handles, and each author's spans (with the links from them) form one annotation, so
/// several annotators compare side by side in Label Studio.
///
/// Label Studio refuses a `completed_by` that is not one of its users' ids or emails, so an
/// author is written there only as `{"email": …}` when the name is an email; every annotation's
/// author is also kept in the task's data as `hashiya_authors` (in annotation order), which
/// import reads back. The report's metadata fields go into the task's data beside the text.
/// Layers, attributes and reviews have no place in this shape.
public struct LabelStudioExporter: ReportExporter {
  private var output: ExportOutput
  private let context: ExportContext

  /// `path` nil or `-` writes to standard output.
  public init(path: String?, context: ExportContext) throws {
    self.output = try ExportOutput(path: path, project: context.projectPath)
    self.context = context
  }

  public mutating func write(_ bundle: ReportBundle, text: ReportText) throws {
    let annotations = ExchangeSupport.annotations(of: bundle, context: context)
    let links = ExchangeSupport.links(of: bundle, between: annotations)
    var authors: [String] = []
    for annotation in annotations where !authors.contains(annotation.author) { authors.append(annotation.author) }
    let authorOf = Dictionary(annotations.map { ($0.id, $0.author) }, uniquingKeysWith: { first, _ in first })
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
    for author in authors { output.writer.string(author) }
    output.writer.endArray()
    output.writer.endObject()
    output.writer.key("annotations")
    output.writer.beginArray()
    for author in authors {
      output.writer.beginObject()
      if LabelStudioFormat.isEmail(author) {
        output.writer.key("completed_by")
        output.writer.beginObject()
        output.writer.field("email", author)
        output.writer.endObject()
      }
      output.writer.key("result")
      output.writer.beginArray()
      for annotation in annotations where annotation.author == author {
        writeSpan(annotation, text: text)
      }
      for link in links where authorOf[link.fromID] == author {
        writeRelation(link)
      }
      output.writer.endArray()
      output.writer.endObject()
    }
    output.writer.endArray()
    output.writer.endObject()
    // The array's brackets and commas are written here so tasks stream one at a time.
    try output.emit(
      separator: output.summary.reports == 0 ? "[\n" : ",\n", annotations: annotations.count, links: links.count)
  }

  public func discard() {
    output.discard()
  }

  public mutating func finish() throws -> ExportSummary {
    try output.finish(trailer: output.summary.reports == 0 ? "[]\n" : "\n]\n")
  }

  private mutating func writeSpan(_ annotation: Annotation, text: ReportText) {
    output.writer.beginObject()
    output.writer.field("id", String(annotation.id))
    output.writer.field("from_name", "label")
    output.writer.field("to_name", "text")
    output.writer.field("type", "labels")
    output.writer.key("value")
    output.writer.beginObject()
    output.writer.field("start", text.utf16Offset(ofScalar: annotation.range.start))
    output.writer.field("end", text.utf16Offset(ofScalar: annotation.range.end))
    output.writer.field("text", text.substring(annotation.range))
    output.writer.key("labels")
    output.writer.beginArray()
    output.writer.string(annotation.label)
    output.writer.endArray()
    output.writer.endObject()
    output.writer.endObject()
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
  static let ownFields: Set<String> = ["text", "title", "hashiya_uid", authorsField]

  /// Whether `name` reads as an email, which Label Studio takes as `completed_by`.
  static func isEmail(_ name: String) -> Bool {
    let parts = name.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !name.contains(" ")
  }
}
