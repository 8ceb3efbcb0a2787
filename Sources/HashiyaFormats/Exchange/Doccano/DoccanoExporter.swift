import AnnotatorKit
import HashiyaStore

/// Writes doccano sequence-labelling JSONL with relations: one line per report.
///
/// Current doccano (1.6 and later) counts `start_offset`/`end_offset` in Python `str` indices,
/// i.e. code points, so scalar offsets are written unchanged; versions that counted otherwise are
/// not catered for. Entity and relation ids are Hashiya handles. doccano has no layers, attributes
/// or authors in this shape, so those are left out.
public struct DoccanoExporter: ReportExporter {
  private let sink: OutputSink
  private let path: String
  private let context: ExportContext
  private var writer = JSONWriter(capacity: 1 << 16)
  private var summary = ExportSummary()

  /// `path` nil or `-` writes to standard output.
  public init(path: String?, context: ExportContext) throws {
    self.sink = try OutputSink(path: path)
    self.path = path ?? "-"
    self.context = context
  }

  public mutating func write(_ bundle: ReportBundle, text: ReportText) throws {
    let annotations = ExchangeSupport.annotations(of: bundle, context: context)
    let links = ExchangeSupport.links(of: bundle, between: annotations)
    writer.beginObject()
    writer.key("id")
    writer.int(bundle.report.id)
    writer.key("text")
    writer.string(bundle.report.text)
    writer.key("entities")
    writer.beginArray()
    for annotation in annotations {
      writer.beginObject()
      writer.key("id")
      writer.int(annotation.id)
      writer.key("label")
      writer.string(annotation.label)
      writer.key("start_offset")
      writer.int(annotation.range.start)
      writer.key("end_offset")
      writer.int(annotation.range.end)
      writer.endObject()
    }
    writer.endArray()
    writer.key("relations")
    writer.beginArray()
    for link in links {
      writer.beginObject()
      writer.key("id")
      writer.int(link.id)
      writer.key("type")
      writer.string(link.type)
      writer.key("from_id")
      writer.int(link.fromID)
      writer.key("to_id")
      writer.int(link.toID)
      writer.endObject()
    }
    writer.endArray()
    writer.endObject()
    try ExchangeSupport.writeLine(&writer, to: sink)
    summary.reports += 1
    summary.annotations += annotations.count
    summary.links += links.count
  }

  public func discard() {
    sink.discard()
  }

  public mutating func finish() throws -> ExportSummary {
    try sink.close()
    summary.bytes = sink.bytesWritten
    summary.files = [path]
    return summary
  }
}
