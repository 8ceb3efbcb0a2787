/// Makes the exporter for a format, writing to `destination` (a file, `-` for standard output, or
/// a folder for brat).
public enum ExporterFactory {
  public static func make(
    _ format: ExportFormat, destination: String, context: ExportContext
  ) throws -> any ReportExporter {
    let path: String? = destination == "-" ? nil : destination
    switch format {
    case .json, .jsonl: return try NativeExporter(format: format, path: path, context: context)
    case .w3c: return try W3CExporter(path: path, context: context)
    case .brat: return try BratExporter(folder: destination, context: context)
    case .prodigy: return try ProdigyExporter(path: path, context: context)
    case .doccano: return try DoccanoExporter(path: path, context: context)
    case .labelstudio: return try LabelStudioExporter(path: path, context: context)
    case .html: return try HTMLExporter(path: path, context: context)
    }
  }
}
