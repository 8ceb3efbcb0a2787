import AnnotatorKit

/// The output side the streaming exporters share: the sink, one reused JSON writer, the tally.
struct ExportOutput {
  let sink: OutputSink
  let path: String
  var writer = JSONWriter(capacity: 1 << 16)
  var summary = ExportSummary()

  /// `path` nil or `-` writes to standard output; `project` is never overwritten.
  init(path: String?, project: String?) throws {
    sink = try OutputSink(path: path, project: project)
    self.path = path ?? "-"
  }

  /// Writes the record built in `writer` — after `separator`, or as a line of JSON Lines — and
  /// counts it.
  /// `countsReport` is false for a report's second and later records (one per annotator).
  mutating func emit(separator: String? = nil, annotations: Int, links: Int, countsReport: Bool = true) throws {
    if let separator {
      try sink.write(separator)
    } else {
      writer.newline()
    }
    try sink.write(writer.bytes)
    writer.removeAll(keepingCapacity: true)
    if countsReport { summary.reports += 1 }
    summary.annotations += annotations
    summary.links += links
  }

  func discard() {
    sink.discard()
  }

  /// Writes `trailer`, closes the file and says what was written.
  mutating func finish(trailer: String? = nil) throws -> ExportSummary {
    if let trailer { try sink.write(trailer) }
    try sink.close()
    summary.bytes = sink.bytesWritten
    summary.files = [path]
    return summary
  }
}
