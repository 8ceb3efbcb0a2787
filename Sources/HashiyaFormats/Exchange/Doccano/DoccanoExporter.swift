import AnnotatorKit
import HashiyaStore

/// Writes doccano sequence-labelling JSONL with relations: one line per report.
///
/// Current doccano (1.6 and later) counts `start_offset`/`end_offset` in Python `str` indices,
/// i.e. code points, so scalar offsets are written unchanged; versions that counted otherwise are
/// not catered for. Entity and relation ids are Hashiya handles. doccano has no layers, attributes
/// or authors in this shape, so those are left out.
public struct DoccanoExporter: ReportExporter {
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
    output.writer.beginObject()
    output.writer.field("id", bundle.report.id)
    output.writer.field("text", bundle.report.text)
    output.writer.key("entities")
    output.writer.beginArray()
    for annotation in annotations {
      output.writer.beginObject()
      output.writer.field("id", annotation.id)
      output.writer.field("label", annotation.label)
      output.writer.field("start_offset", annotation.range.start)
      output.writer.field("end_offset", annotation.range.end)
      output.writer.endObject()
    }
    output.writer.endArray()
    output.writer.key("relations")
    output.writer.beginArray()
    for link in links {
      output.writer.beginObject()
      output.writer.field("id", link.id)
      output.writer.field("type", link.type)
      output.writer.field("from_id", link.fromID)
      output.writer.field("to_id", link.toID)
      output.writer.endObject()
    }
    output.writer.endArray()
    output.writer.endObject()
    try output.emit(annotations: annotations.count, links: links.count)
  }

  public func discard() {
    output.discard()
  }

  public mutating func finish() throws -> ExportSummary {
    try output.finish()
  }
}
