import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Writes doccano sequence-labelling JSONL with relations: one line per report and annotator.
///
/// Current doccano (1.6 and later) counts `start_offset`/`end_offset` in Python `str` indices,
/// i.e. code points, so scalar offsets are written unchanged; versions that counted otherwise are
/// not catered for. Entity and relation ids are Hashiya handles. Each annotator's spans (and the
/// links from them) are a record of their own, with the annotator in `hashiya_author`; adjudicated
/// spans are a record apart marked `hashiya_gold`. `hashiya_layers` maps each label to its layer
/// and the label list goes beside the file (`DoccanoLabelList`), so the file imports back without
/// `--layer` or the plugins. doccano keeps these fields as record metadata. Attributes have no
/// place in this shape and are left out.
public struct DoccanoExporter: ReportExporter {
  private var output: ExportOutput
  private let context: ExportContext
  /// Spans in pieces written as one entity per piece.
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
    guard !records.isEmpty else { return try writeRecord(bundle, nil, links: []) }
    for (index, record) in records.enumerated() {
      let links = ExchangeSupport.links(of: bundle, between: record.annotations)
      try writeRecord(bundle, record, links: links, first: index == 0)
    }
  }

  /// One line: the report with `record`'s spans and the links between them.
  private mutating func writeRecord(
    _ bundle: ReportBundle, _ record: ExchangeSupport.AnnotatorRecord?, links: [AnnotationLink], first: Bool = true
  ) throws {
    let annotations = record?.annotations ?? []
    output.writer.beginObject()
    output.writer.field("id", bundle.report.id)
    output.writer.field("text", bundle.report.text)
    output.writer.key("entities")
    output.writer.beginArray()
    var layers = JSONObject()
    for annotation in annotations {
      let label = DoccanoLabelList.doccanoLabel(annotation.label, layer: annotation.layer, schemas: context.schemas)
      layers[label] = .string(annotation.layer)
      output.writer.beginObject()
      output.writer.field("id", annotation.id)
      output.writer.field("label", label)
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
    output.writer.field("hashiya_uid", bundle.report.uid)
    output.writer.field("title", bundle.report.title)
    // Every record has every field: doccano reads a file as one table, where a field missing from
    // some records would come back as NaN, which is not JSON.
    output.writer.field(DoccanoLabelList.authorField, record?.author)
    output.writer.field(ExchangeSupport.goldField, record?.gold ?? false)
    output.writer.key(DoccanoLabelList.layersField)
    output.writer.value(.object(layers))
    output.writer.key(ExchangeFragments.piecesField)
    output.writer.value(.object(ExchangeFragments.ties(annotations)))
    output.writer.endObject()
    try output.emit(
      annotations: ExchangeFragments.wholeCount(annotations), links: links.count, countsReport: first)
  }

  public func discard() {
    output.discard()
  }

  public mutating func finish() throws -> ExportSummary {
    ExchangeFragments.warned(
      try ExchangeSupport.finish(
        &output, beside: DoccanoLabelList.fileName, text: DoccanoLabelList.text(for: context.schemas),
        project: context.projectPath),
      format: "doccano", split: spansSplit,
      carrier: "the record field \"\(ExchangeFragments.piecesField)\"")
  }

}
