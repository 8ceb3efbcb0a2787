import AnnotatorKit
import HashiyaStore

/// Writes Prodigy span JSONL: one accepted task per report, with tokens and spans.
///
/// Prodigy offsets are Python `str` indices, i.e. code points, so Hashiya's scalar offsets are
/// written unchanged. Tokens are Hashiya's own (`ReportText.sentences[].tokens`, flattened) and
/// `token_end` is inclusive, as in Prodigy. Each span also carries its Hashiya `layer`, an extra
/// key Prodigy keeps and ignores. Links, attributes and reviews have no place in this shape.
public struct ProdigyExporter: ReportExporter {
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
    let tokens = text.sentences.flatMap(\.tokens)
    writer.beginObject()
    writer.key("text")
    writer.string(bundle.report.text)
    writer.key("meta")
    writer.beginObject()
    writer.key("id")
    writer.int(bundle.report.id)
    writer.key("uid")
    writer.string(bundle.report.uid)
    writer.key("title")
    writer.string(bundle.report.title)
    writer.endObject()
    if let hash = Self.inputHash(sha256: bundle.report.sha256) {
      writer.key("_input_hash")
      writer.int(hash)
    }
    writer.key("tokens")
    writer.beginArray()
    for (number, token) in tokens.enumerated() {
      writer.beginObject()
      writer.key("text")
      writer.string(text.substring(token))
      writer.key("start")
      writer.int(token.start)
      writer.key("end")
      writer.int(token.end)
      writer.key("id")
      writer.int(number)
      writer.key("ws")
      writer.bool(token.end < text.count && text.scalars[token.end].properties.isWhitespace)
      writer.endObject()
    }
    writer.endArray()
    writer.key("spans")
    writer.beginArray()
    for annotation in annotations {
      writeSpan(annotation, tokens: tokens, text: text)
    }
    writer.endArray()
    writer.key("answer")
    writer.string("accept")
    writer.endObject()
    try ExchangeSupport.writeLine(&writer, to: sink)
    summary.reports += 1
    summary.annotations += annotations.count
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

  private mutating func writeSpan(_ annotation: Annotation, tokens: [TextRange], text: ReportText) {
    writer.beginObject()
    writer.key("start")
    writer.int(annotation.range.start)
    writer.key("end")
    writer.int(annotation.range.end)
    writer.key("label")
    writer.string(annotation.label)
    // Spans need not sit on token boundaries in Hashiya; the indices name the tokens they touch.
    if let first = tokens.firstIndex(where: { $0.overlaps(annotation.range) }),
      let last = tokens.lastIndex(where: { $0.overlaps(annotation.range) })
    {
      writer.key("token_start")
      writer.int(first)
      writer.key("token_end")
      writer.int(last)
    }
    writer.key("text")
    writer.string(text.substring(annotation.range))
    writer.key("layer")
    writer.string(annotation.layer)
    writer.endObject()
  }

  /// A stable signed 32-bit hash of the text, as Prodigy's own hashes are, taken from the report's SHA-256.
  static func inputHash(sha256: String) -> Int? {
    guard let bits = UInt32(sha256.prefix(8), radix: 16) else { return nil }
    return Int(Int32(bitPattern: bits))
  }
}
