import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// Imports annotated files — Hashiya exports, brat folders, Prodigy, doccano and Label Studio
/// files — checking every annotation against its report's text first.
public enum AnnotatedImport {
  /// The options of one import.
  public struct Options: Sendable {
    /// The format; nil means recognise it from the file.
    public var format: ExportFormat?
    /// The layer labels go to, for formats without layers.
    public var layer: String?
    /// A schema file for the corpus (`--schema`), instead of one found beside it.
    public var schemaPath: String?
    /// Skip bad records (and say so) instead of refusing the whole import.
    public var skipBad: Bool

    public init(format: ExportFormat? = nil, layer: String? = nil, skipBad: Bool = false, schemaPath: String? = nil) {
      self.schemaPath = schemaPath
      self.format = format
      self.layer = layer
      self.skipBad = skipBad
    }
  }

  /// What an annotated import did, including what it skipped.
  public struct Summary: Sendable {
    public var outcome: AnnotatedImportOutcome
    public var skipped: [FormatError]
    /// Layer schemas the files carried, recorded in the project.
    public var schemas: [LayerSchema]
    /// Open candidates the files carried (`export --with-suggestions`), left out.
    public var suggestionsLeftOut = 0
  }

  /// The annotated format of `path`, or nil when it holds plain reports (text or report JSONL).
  public static func detect(path: String) -> ExportFormat? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
    if isDirectory.boolValue {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      return entries.contains { $0.hasSuffix(".ann") || $0 == BratConfiguration.fileName } ? .brat : nil
    }
    let ext = (path as NSString).pathExtension.lowercased()
    guard ext == "json" || ext == "jsonl" || ext == "ndjson" else { return nil }
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let headBytes = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
    let head = String(decoding: headBytes, as: UTF8.self)
    if head.contains("\"hashiya-export\"") { return ext == "json" ? .json : .jsonl }
    if head.contains("\"AnnotationCollection\"") { return .w3c }
    let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    if trimmed.hasPrefix("[") { return .labelstudio }
    if head.contains("\"spans\"") { return .prodigy }
    if head.contains("\"entities\"") || head.contains("\"label\": [[") || head.contains("\"label\":[[") {
      return .doccano
    }
    // A Prodigy task of a long report holds its text and every token before its spans: look at
    // the whole first record's keys, not only the first few kilobytes.
    guard ext != "json", case .object(let record)? = firstRecord(handle, after: headBytes) else { return nil }
    if record["spans"] != nil { return .prodigy }
    if record["entities"] != nil || record["label"]?.arrayValue != nil { return .doccano }
    return nil
  }

  /// The first line of a JSON Lines file parsed, read on from `head` up to 64 MB; nil when it is
  /// not JSON.
  private static func firstRecord(_ handle: FileHandle, after head: [UInt8]) -> JSONValue? {
    var bytes = head
    while !bytes.contains(0x0A), bytes.count < 64 << 20, let more = try? handle.read(upToCount: 1 << 20),
      !more.isEmpty
    {
      bytes += more
    }
    let line = bytes.prefix { $0 != 0x0A }
    return try? JSONParser.parse(Array(line))
  }

  /// Reads, checks and writes every file in one transaction, streaming: a bad record (without
  /// `--skip-bad`) rolls back everything, so the project holds all of the import or none of it.
  ///
  /// `knownSchemas` are the layers the session knows, read before the transaction starts.
  public static func run(
    paths: [String], options: Options, store: any ProjectStoring, author: String, knownSchemas: [String: LayerSchema],
    progress: ((ImportProgress) -> Void)? = nil
  ) throws -> Summary {
    let files = paths.map { (path: $0, size: ImportFile.size(of: $0)) }
    let total = files.reduce(0) { $0 + $1.size }
    var written = 0
    var skipped: [FormatError] = []
    var schemas: [LayerSchema] = []
    // Counted on the reading thread and read once the pipeline has joined it.
    var suggestionsLeftOut = 0
    let outcome = try store.importAnnotated(author: author, expecting: ImportFile.expectedRows(bytes: total)) {
      inserter in
      // Reading, checking and preparing run on a second thread; this one only writes.
      try Pipeline.run(
        capacity: 32,
        produce: { queue in
          try read(
            files, options: options, knownSchemas: knownSchemas,
            onBad: { error in
              guard options.skipBad else { throw error }
              skipped.append(error)
            },
            emit: { item in
              if case .report(let prepared, _) = item { suggestionsLeftOut += prepared.suggestionsLeftOut }
              try queue.put(item)
            })
        },
        consume: { (item: PipelineItem) in
          switch item {
          case .schemas(let fileSchemas):
            for schema in fileSchemas {
              schemas.append(schema)
              try inserter.registerLayer(schema)
            }
          case .report(let prepared, let bytesDone):
            try inserter.add(prepared)
            written += 1
            progress?(ImportProgress(bytesDone: bytesDone, bytesTotal: total, reportsRead: written))
          }
        })
    }
    return Summary(outcome: outcome, skipped: skipped, schemas: schemas, suggestionsLeftOut: suggestionsLeftOut)
  }

  /// What the reading thread hands to the writer.
  enum PipelineItem {
    /// The layer schemas a file's header carries, to record before its reports.
    case schemas([LayerSchema])
    /// A report ready to write, and how many bytes of the files were read up to it.
    case report(PreparedImport, bytesDone: Int)
  }

  /// Reads and checks every file, handing each report over ready to write.
  private static func read(
    _ files: [(path: String, size: Int)], options: Options, knownSchemas: [String: LayerSchema],
    onBad: @escaping (FormatError) throws -> Void, emit: @escaping (PipelineItem) throws -> Void
  ) throws {
    var done = 0
    for (path, size) in files {
      guard let format = options.format ?? detect(path: path) else {
        throw FormatError(location: path, reason: "not an annotated file this version reads; give --format")
      }
      var fileSchemas = knownSchemas
      // A file's own schemas serve only layers the session does not already know.
      let adopt = { (schemas: [LayerSchema]) throws in
        for schema in schemas { fileSchemas[schema.layer] = fileSchemas[schema.layer] ?? schema }
        try emit(.schemas(schemas))
      }
      let read = { (imported: ImportedReport) throws in
        if let error = NULCheck.error(in: imported) { return try onBad(error) }
        let prepared = PreparedImport(try checked(imported, schemas: fileSchemas, onBad: onBad))
        try emit(.report(prepared, bytesDone: done + (imported.bytesRead ?? 0)))
      }
      if format == .json || format == .jsonl {
        try NativeReader.read(
          path: path,
          onHeader: { header in
            if let layer = header.schemas.first(where: { NULCheck.firstNUL(in: $0.layer) != nil })?.layer {
              throw FormatError(location: path, reason: "layer \"\(Excerpt.of(layer))\" holds U+0000 (NUL)")
            }
            try adopt(header.schemas)
          }, onBadRecord: onBad, read)
      } else {
        let request = ReadRequest(
          layer: options.layer, knownSchemas: knownSchemas, schemaPath: options.schemaPath, onSchemas: adopt)
        try reader(format, path: path).read(path: path, request: request, onBadRecord: onBad, read)
      }
      done += size
    }
  }

  /// The report with only the annotations that pass `check` (the others go to `onBad`), and the
  /// links, reviews and review decisions of those.
  static func checked(
    _ imported: ImportedReport, schemas: [String: LayerSchema], onBad: (FormatError) throws -> Void
  ) throws -> ImportedReport {
    var result = imported
    let text = imported.analysedText ?? ReportText(imported.report.text)
    result.analysedText = text
    result.annotations = try passing(imported.annotations, in: text, schemas: schemas) { error, _ in try onBad(error) }
    if result.annotations.count != imported.annotations.count {
      let kept = Set(result.annotations.map(\.key))
      result.links = imported.links.filter { kept.contains($0.from) && kept.contains($0.to) }
      result.reviews = imported.reviews.filter { kept.contains($0.annotation) }
      result.reviewDecisions = imported.reviewDecisions.filter { $0.annotation.map(kept.contains) ?? true }
    }
    return result
  }

  /// The annotations that pass `check` (with their note placed); each other one goes to `onBad`,
  /// which may throw to refuse them all. Import and merge both run every annotation through it.
  static func passing(
    _ annotations: [ImportedAnnotation], in text: ReportText, schemas: [String: LayerSchema],
    onBad: (FormatError, ImportedAnnotation) throws -> Void
  ) throws -> [ImportedAnnotation] {
    // Nearly always every annotation passes as it is: then each is checked where it lies and the
    // array is handed back whole, where building a new one copied (and later freed) every record.
    let unchanged = annotations.withUnsafeBufferPointer { annotations in
      annotations.indices.allSatisfy { index in
        annotations[index].note == nil && !annotations[index].fragments.contains { $0.quote == nil }
          && (try? check(annotations[index], in: text, schema: schemas[annotations[index].layer])) != nil
      }
    }
    if unchanged { return annotations }
    return try annotations.compactMap { annotation in
      do {
        var placed = try placingNote(annotation, schema: schemas[annotation.layer])
        try check(placed, in: text, schema: schemas[annotation.layer])
        // The store keeps each piece's text; a file may leave what it covers to the offsets.
        for index in placed.fragments.indices where placed.fragments[index].quote == nil {
          placed.fragments[index].quote = text.substring(placed.fragments[index].range)
        }
        return placed
      } catch let error as FormatError {
        try onBad(error, annotation)
        return nil
      }
    }
  }

  /// A format's separate note (brat's `AnnotatorNotes`) moved into the attribute the layer's
  /// schema declares as its note.
  static func placingNote(_ annotation: ImportedAnnotation, schema: LayerSchema?) throws -> ImportedAnnotation {
    guard let note = annotation.note else { return annotation }
    guard let name = schema?.attributeName(playing: .note, label: annotation.label) else {
      throw FormatError(
        location: annotation.location,
        reason: "has a note, but label \(annotation.label) of layer \(annotation.layer) has no note attribute")
    }
    var placed = annotation
    placed.attributes[name] = .string(note)
    placed.note = nil
    return placed
  }

  /// An annotation must lie inside its text on character boundaries, cover the text it quotes,
  /// and use a label its layer knows, with attribute values its schema allows.
  static func check(_ annotation: ImportedAnnotation, in text: ReportText, schema: LayerSchema?) throws {
    if let problem = SpanFragment.problem(first: annotation.range, rest: annotation.fragments.map(\.range)) {
      throw FormatError(location: annotation.location, reason: problem)
    }
    // Every piece is checked alike, without an array per annotation: an import checks millions.
    func piece(_ range: TextRange, _ quote: String?) throws {
      do {
        try text.validate(range)
      } catch {
        throw FormatError(location: annotation.location, reason: error.description)
      }
      try checkQuote(quote, at: range, in: text, location: annotation.location)
    }
    try piece(annotation.range, annotation.quote)
    for fragment in annotation.fragments { try piece(fragment.range, fragment.quote) }
    guard let schema else {
      throw FormatError(
        location: annotation.location,
        reason: "layer \"\(Excerpt.of(annotation.layer))\" is unknown here; load its plugin or give --layer")
    }
    do {
      try schema.checkValues(annotation.attributes, label: annotation.label)
    } catch {
      throw FormatError(location: annotation.location, reason: error.description)
    }
  }

  /// A quote a file states must be the text at its range.
  private static func checkQuote(_ quote: String?, at range: TextRange, in text: ReportText, location: String) throws {
    guard let quote, !text.text(in: range, equals: quote) else { return }
    throw FormatError(
      location: location,
      reason:
        "the quote \"\(Excerpt.of(quote))\" disagrees with the text at \(range) (\"\(Excerpt.of(text.substring(range)))\")"
    )
  }

  static func reader(_ format: ExportFormat, path: String) throws -> any AnnotatedFileReader.Type {
    switch format {
    case .json, .jsonl: return NativeReader.self
    case .brat: return BratReader.self
    case .prodigy: return ProdigyReader.self
    case .doccano: return DoccanoReader.self
    case .labelstudio: return LabelStudioReader.self
    case .w3c, .html:
      throw FormatError(
        location: path, reason: "\(format.rawValue) is an export-only format; import the json export instead")
    }
  }
}
