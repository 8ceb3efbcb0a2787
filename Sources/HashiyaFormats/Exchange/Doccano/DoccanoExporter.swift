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
    self.output = try ExportOutput(path: path)
    self.context = context
  }

  public mutating func write(_ bundle: ReportBundle, text: ReportText) throws {
    let annotations = ExchangeSupport.annotations(of: bundle, context: context)
    let links = ExchangeSupport.links(of: bundle, between: annotations)
    output.writer.beginObject()
    output.writer.key("id")
    output.writer.int(bundle.report.id)
    output.writer.key("text")
    output.writer.string(bundle.report.text)
    output.writer.key("entities")
    output.writer.beginArray()
    for annotation in annotations {
      output.writer.beginObject()
      output.writer.key("id")
      output.writer.int(annotation.id)
      output.writer.key("label")
      output.writer.string(annotation.label)
      output.writer.key("start_offset")
      output.writer.int(annotation.range.start)
      output.writer.key("end_offset")
      output.writer.int(annotation.range.end)
      output.writer.endObject()
    }
    output.writer.endArray()
    output.writer.key("relations")
    output.writer.beginArray()
    for link in links {
      output.writer.beginObject()
      output.writer.key("id")
      output.writer.int(link.id)
      output.writer.key("type")
      output.writer.string(link.type)
      output.writer.key("from_id")
      output.writer.int(link.fromID)
      output.writer.key("to_id")
      output.writer.int(link.toID)
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
