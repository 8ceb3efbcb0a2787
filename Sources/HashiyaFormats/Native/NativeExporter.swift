import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Writes Hashiya's native export: one JSON document (`json`) or a header line then one report per
/// line (`jsonl`), streamed so memory holds one report at a time.
///
/// The `json` document puts each report on a line of its own inside `reports`, so it can be
/// written report by report and still diffs well.
public struct NativeExporter: ReportExporter {
  private let lines: Bool
  private let path: String?
  private let sink: OutputSink
  private var encoder: NativeReportEncoder
  /// One buffer for every report: cleared, never freed, between reports.
  private var writer = JSONWriter(capacity: 1 << 16)
  private var summary = ExportSummary()

  /// `format` is `.json` or `.jsonl`; `path` nil or `-` writes to standard output.
  public init(format: ExportFormat, path: String?, context: ExportContext) throws {
    switch format {
    case .json: lines = false
    case .jsonl: lines = true
    default:
      throw FormatError(location: path ?? "-", reason: "the native exporter writes json or jsonl, not \(format)")
    }
    self.path = path == "-" ? nil : path
    encoder = NativeReportEncoder(offsets: context.offsets, contextLength: context.contextLength)
    sink = try OutputSink(path: path, project: context.projectPath)
    writer.beginObject()
    if lines {
      writer.field("kind", "header")
    }
    NativeHeader(context: context).writeMembers(into: &writer)
    if lines {
      writer.endObject()
      writer.newline()
    } else {
      // Left open: the reports follow, and `finish` closes the array and the document.
      writer.key("reports")
      writer.beginArray()
    }
    try sink.write(writer.bytes)
  }

  public mutating func write(_ bundle: ReportBundle, text: ReportText) throws {
    writer.removeAll(keepingCapacity: true)
    if !lines {
      // Appended past the writer's bookkeeping: to it each report is a fresh top-level value.
      if summary.reports > 0 { writer.bytes.append(UInt8(ascii: ",")) }
      writer.bytes.append(0x0A)
    }
    let counts = try encoder.encode(bundle, text: text, into: &writer)
    if lines { writer.newline() }
    try sink.write(writer.bytes)
    summary.reports += 1
    summary.annotations += counts.annotations
    summary.links += counts.links
    summary.reviewDecisions += counts.reviewDecisions
    summary.suggestionDecisions += counts.suggestionDecisions
  }

  public mutating func finish() throws -> ExportSummary {
    if !lines { try sink.write(summary.reports == 0 ? "]}\n" : "\n]}\n") }
    try sink.close()
    summary.bytes = sink.bytesWritten
    summary.files = path.map { [$0] } ?? []
    return summary
  }

  /// Abandons the export after a failure, removing the partial file.
  public func discard() {
    sink.discard()
  }
}
