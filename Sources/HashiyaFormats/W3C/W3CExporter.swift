import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Writes the W3C Web Annotation export: one JSON-LD `AnnotationCollection` whose single
/// `AnnotationPage` holds every active annotation, streamed report by report.
///
/// `total` is written after `first`: it is only known at the end, and JSON-LD members are unordered.
public struct W3CExporter: ReportExporter {
  private let path: String?
  private let sink: OutputSink
  private let annotationWriter: W3CAnnotationWriter
  private var writer = JSONWriter(capacity: 1 << 16)
  private var outgoing: [(link: AnnotationLink, to: String)] = []
  private var uuidByHandle: [Int: String] = [:]
  private var summary = ExportSummary()

  /// `path` nil or `-` writes to standard output.
  public init(path: String?, context: ExportContext) throws {
    self.path = path == "-" ? nil : path
    let projectIRI = "urn:hashiya:" + context.projectUID
    annotationWriter = W3CAnnotationWriter(
      projectIRI: projectIRI, contextLength: context.contextLength, context: context)
    sink = try OutputSink(path: path, project: context.projectPath)
    writer.beginObject()
    W3CContext.write(into: &writer)
    writer.field("id", projectIRI + ":collection")
    writer.field("type", "AnnotationCollection")
    writer.field("label", "Hashiya annotations of " + context.projectName)
    writer.field("generated", context.exportedAt)
    writer.key("first")
    writer.beginObject()
    writer.field("id", projectIRI + ":page:1")
    writer.field("type", "AnnotationPage")
    writer.field("partOf", projectIRI + ":collection")
    writer.field("startIndex", 0)
    writer.key("items")
    writer.beginArray()
    try sink.write(writer.bytes)
  }

  public mutating func write(_ bundle: ReportBundle, text: ReportText) throws {
    writer.removeAll(keepingCapacity: true)
    uuidByHandle.removeAll(keepingCapacity: true)
    // Tombstones have no place in a Web Annotation store, and neither do links to them.
    for annotation in bundle.annotations where annotation.status == .active {
      uuidByHandle[annotation.id] = annotation.uuid
    }
    for annotation in bundle.annotations where annotation.status == .active {
      outgoing.removeAll(keepingCapacity: true)
      for link in bundle.links where link.fromID == annotation.id && link.status == .active {
        if let to = uuidByHandle[link.toID] { outgoing.append((link, to)) }
      }
      // Appended past the writer's bookkeeping: to it each annotation is a fresh top-level value.
      if summary.annotations > 0 { writer.bytes.append(UInt8(ascii: ",")) }
      writer.bytes.append(0x0A)
      annotationWriter.write(
        annotation, reportUID: bundle.report.uid, text: text, links: outgoing, into: &writer)
      summary.annotations += 1
      summary.links += outgoing.count
    }
    try sink.write(writer.bytes)
    summary.reports += 1
  }

  public mutating func finish() throws -> ExportSummary {
    try sink.write((summary.annotations > 0 ? "\n" : "") + "]},\"total\":\(summary.annotations)}\n")
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
