import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Writes Prodigy span JSONL: one accepted task per report and annotator, with tokens and spans.
///
/// As Prodigy records several annotators, each annotator's spans are a task of their own with
/// `_annotator_id` and `_session_id` set to the annotator (import reads the author back from
/// them); a report nobody annotated is one task without them.
///
/// Prodigy offsets are Python `str` indices, i.e. code points, so Hashiya's scalar offsets are
/// written unchanged. Tokens are `AlignedTokens`: Hashiya's words split at every span edge, with
/// whitespace as spaCy keeps it, so `text` + `ws` give back the text and `token_start`/`token_end`
/// (inclusive, as in Prodigy) cover exactly each span. Each span also carries its Hashiya `layer`,
/// and its `attributes`, extra keys Prodigy keeps and ignores. Adjudicated spans are a task apart
/// marked `hashiya_gold`. Links and reviews have no place in this shape.
public struct ProdigyExporter: ReportExporter {
  private var output: ExportOutput
  private let context: ExportContext
  /// Spans in pieces written as one span per piece.
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
    let words = AlignedTokens.Words(text)
    guard !records.isEmpty else { return try writeTask(bundle, text: text, words: words, record: nil) }
    for (index, record) in records.enumerated() {
      try writeTask(bundle, text: text, words: words, record: record, first: index == 0)
    }
  }

  /// One task: the report's text and tokens aligned to `record`'s annotations.
  private mutating func writeTask(
    _ bundle: ReportBundle, text: ReportText, words: AlignedTokens.Words, record: ExchangeSupport.AnnotatorRecord?,
    first: Bool = true
  ) throws {
    let annotations = record?.annotations ?? []
    let tokens = AlignedTokens(words: words, spans: annotations.map(\.range))
    output.writer.beginObject()
    output.writer.field("text", bundle.report.text)
    output.writer.key("meta")
    output.writer.beginObject()
    output.writer.field("id", bundle.report.id)
    output.writer.field("uid", bundle.report.uid)
    output.writer.field("title", bundle.report.title)
    output.writer.endObject()
    if let hash = Self.inputHash(sha256: bundle.report.sha256) {
      output.writer.field("_input_hash", hash)
    }
    output.writer.key("tokens")
    output.writer.beginArray()
    for (number, token) in tokens.tokens.enumerated() {
      output.writer.beginObject()
      output.writer.field("text", text.substring(token.range))
      output.writer.field("start", token.range.start)
      output.writer.field("end", token.range.end)
      output.writer.field("id", number)
      output.writer.field("ws", token.ws)
      output.writer.endObject()
    }
    output.writer.endArray()
    output.writer.key("spans")
    output.writer.beginArray()
    for annotation in annotations {
      writeSpan(annotation, tokens: tokens, text: text)
    }
    output.writer.endArray()
    output.writer.field("answer", "accept")
    if let record {
      output.writer.field("_annotator_id", record.author)
      output.writer.field("_session_id", record.author)
      if record.gold { output.writer.field(ExchangeSupport.goldField, true) }
    }
    output.writer.endObject()
    try output.emit(annotations: ExchangeFragments.wholeCount(annotations), links: 0, countsReport: first)
  }

  public func discard() {
    output.discard()
  }

  public mutating func finish() throws -> ExportSummary {
    ExchangeFragments.warned(
      try output.finish(), format: "Prodigy", split: spansSplit,
      carrier: "the span attribute \"\(ExchangeFragments.attribute)\"")
  }

  private mutating func writeSpan(_ annotation: Annotation, tokens: AlignedTokens, text: ReportText) {
    output.writer.beginObject()
    output.writer.field("start", annotation.range.start)
    output.writer.field("end", annotation.range.end)
    output.writer.field("label", annotation.label)
    if let indices = tokens.tokenIndices(of: annotation.range) {
      output.writer.field("token_start", indices.first)
      output.writer.field("token_end", indices.last)
    }
    output.writer.field("text", text.substring(annotation.range))
    output.writer.field("layer", annotation.layer)
    if !annotation.attributes.isEmpty {
      output.writer.key("attributes")
      output.writer.value(.object(annotation.attributes))
    }
    output.writer.endObject()
  }

  /// A stable signed 32-bit hash of the text, as Prodigy's own hashes are, taken from the report's SHA-256.
  static func inputHash(sha256: String) -> Int? {
    guard let bits = UInt32(sha256.prefix(8), radix: 16) else { return nil }
    return Int(Int32(bitPattern: bits))
  }
}
