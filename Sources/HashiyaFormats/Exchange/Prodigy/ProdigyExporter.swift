import AnnotatorKit
import HashiyaStore

/// Writes Prodigy span JSONL: one accepted task per report, with tokens and spans.
///
/// Prodigy offsets are Python `str` indices, i.e. code points, so Hashiya's scalar offsets are
/// written unchanged. Tokens are Hashiya's own (`ReportText.sentences[].tokens`, flattened) and
/// `token_end` is inclusive, as in Prodigy. Each span also carries its Hashiya `layer`, an extra
/// key Prodigy keeps and ignores. Links, attributes and reviews have no place in this shape.
public struct ProdigyExporter: ReportExporter {
  private var output: ExportOutput
  private let context: ExportContext

  /// `path` nil or `-` writes to standard output.
  public init(path: String?, context: ExportContext) throws {
    self.output = try ExportOutput(path: path)
    self.context = context
  }

  public mutating func write(_ bundle: ReportBundle, text: ReportText) throws {
    let annotations = ExchangeSupport.annotations(of: bundle, context: context)
    let tokens = text.sentences.flatMap(\.tokens)
    output.writer.beginObject()
    output.writer.key("text")
    output.writer.string(bundle.report.text)
    output.writer.key("meta")
    output.writer.beginObject()
    output.writer.key("id")
    output.writer.int(bundle.report.id)
    output.writer.key("uid")
    output.writer.string(bundle.report.uid)
    output.writer.key("title")
    output.writer.string(bundle.report.title)
    output.writer.endObject()
    if let hash = Self.inputHash(sha256: bundle.report.sha256) {
      output.writer.key("_input_hash")
      output.writer.int(hash)
    }
    output.writer.key("tokens")
    output.writer.beginArray()
    for (number, token) in tokens.enumerated() {
      output.writer.beginObject()
      output.writer.key("text")
      output.writer.string(text.substring(token))
      output.writer.key("start")
      output.writer.int(token.start)
      output.writer.key("end")
      output.writer.int(token.end)
      output.writer.key("id")
      output.writer.int(number)
      output.writer.key("ws")
      output.writer.bool(token.end < text.count && text.scalars[token.end].properties.isWhitespace)
      output.writer.endObject()
    }
    output.writer.endArray()
    output.writer.key("spans")
    output.writer.beginArray()
    for annotation in annotations {
      writeSpan(annotation, tokens: tokens, text: text)
    }
    output.writer.endArray()
    output.writer.key("answer")
    output.writer.string("accept")
    output.writer.endObject()
    try output.emit(annotations: annotations.count, links: 0)
  }

  public func discard() {
    output.discard()
  }

  public mutating func finish() throws -> ExportSummary {
    try output.finish()
  }

  private mutating func writeSpan(_ annotation: Annotation, tokens: [TextRange], text: ReportText) {
    output.writer.beginObject()
    output.writer.key("start")
    output.writer.int(annotation.range.start)
    output.writer.key("end")
    output.writer.int(annotation.range.end)
    output.writer.key("label")
    output.writer.string(annotation.label)
    // Spans need not sit on token boundaries in Hashiya; the indices name the tokens they touch.
    if let first = tokens.firstIndex(where: { $0.overlaps(annotation.range) }),
      let last = tokens.lastIndex(where: { $0.overlaps(annotation.range) })
    {
      output.writer.key("token_start")
      output.writer.int(first)
      output.writer.key("token_end")
      output.writer.int(last)
    }
    output.writer.key("text")
    output.writer.string(text.substring(annotation.range))
    output.writer.key("layer")
    output.writer.string(annotation.layer)
    output.writer.endObject()
  }

  /// A stable signed 32-bit hash of the text, as Prodigy's own hashes are, taken from the report's SHA-256.
  static func inputHash(sha256: String) -> Int? {
    guard let bits = UInt32(sha256.prefix(8), radix: 16) else { return nil }
    return Int(Int32(bitPattern: bits))
  }
}
