/// Makes the exporter for a checked destination: a file, standard output, or a folder for brat.
public enum ExporterFactory {
  public static func make(_ destination: ExportDestination, context: ExportContext) throws -> any ReportExporter {
    let path = destination.path
    switch destination.format {
    case .json, .jsonl: return try NativeExporter(format: destination.format, path: path, context: context)
    case .w3c: return try W3CExporter(path: path, context: context)
    // A brat destination always has a path: standard output is refused for it.
    case .brat: return try BratExporter(folder: path ?? "", context: context)
    case .prodigy: return try ProdigyExporter(path: path, context: context)
    case .doccano: return try DoccanoExporter(path: path, context: context)
    case .labelstudio: return try LabelStudioExporter(path: path, context: context)
    case .html: return try HTMLExporter(path: path, context: context)
    }
  }
}
