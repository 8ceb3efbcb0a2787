import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// Reads brat standoff: a folder of `.txt`/`.ann` pairs and its subfolders (or one `.ann` file and its `.txt`).
///
/// Each folder is read with the `annotation.conf` brat would use: the one in the folder or in its
/// nearest ancestor that has one, or the file `--schema` names. The layer of a label is the
/// `# layer:` comment Hashiya writes above it, else `--layer`, else the name of the folder that
/// holds `annotation.conf` (`corpus/annotation.conf` puts its labels in layer `corpus`). For a
/// layer the session does not know, the configuration's types become its schema, handed to
/// `request.onSchemas` before the reports that use it; a known layer keeps its schema.
///
/// Offsets are code points into the `.txt`. Each annotation's key is its brat id (`T3`, or `E2`
/// for a second event on one trigger). brat files carry no author: the annotations are the
/// importing user's, except in the folders a Hashiya export's `annotation.conf` names with
/// `# annotator:`, whose annotations are that annotator's.
public enum BratReader: AnnotatedFileReader {
  public static func read(
    path: String, request: ReadRequest, onBadRecord: (FormatError) throws -> Void,
    _ body: (ImportedReport) throws -> Void
  ) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw FormatError(location: path, reason: "no such file or folder")
    }
    var corpus = Corpus(request: request)
    if isFolder.boolValue {
      try corpus.readFolder(path, shownAs: "", onBadRecord: onBadRecord, body)
    } else {
      let name = (path as NSString).lastPathComponent
      guard name.hasSuffix(".ann") || name.hasSuffix(".txt") else {
        throw FormatError(location: name, reason: "a brat import reads a folder, or a .ann or .txt file")
      }
      let folder = (path as NSString).deletingLastPathComponent
      let configuration = try corpus.configuration(near: folder.isEmpty ? "." : folder)
      try corpus.readPair(
        folder: folder, stem: String(name.dropLast(4)), shownAs: "", configuration: configuration,
        onBadRecord: onBadRecord, body)
    }
  }

  /// What one import has learnt of the corpus: the configurations read and the schemas handed over.
  private struct Corpus {
    /// A configuration and what follows from it.
    struct Configuration {
      /// The folder holding it, standardised; nil when there is none.
      var folder: String?
      var file: BratConfigurationFile
      var layers: [String: String]
      var defaultLayer: String?
    }

    let request: ReadRequest
    /// The schemas in force: the session's, then those derived from configurations.
    var schemas: [String: LayerSchema]
    private var loaded: [String: Configuration] = [:]

    init(request: ReadRequest) {
      self.request = request
      schemas = request.knownSchemas
    }

    /// The configuration for files in `folder`, read once per file and its schemas handed over.
    mutating func configuration(near folder: String) throws -> Configuration {
      guard let path = try Self.configurationPath(near: folder, schemaPath: request.schemaPath) else {
        return Configuration(
          folder: nil, file: BratConfigurationFile(text: ""), layers: [:], defaultLayer: request.layer)
      }
      if let known = loaded[path] { return known }
      let file: BratConfigurationFile
      do throws(FormatError) {
        file = BratConfigurationFile(text: try ExchangeSupport.readText(path: path))
      } catch {
        throw FormatError(location: path, reason: error.reason)
      }
      let holder = (path as NSString).deletingLastPathComponent
      let named = (path as NSString).lastPathComponent
      let fallback =
        named == BratConfiguration.fileName
        ? (holder as NSString).lastPathComponent : (named as NSString).deletingPathExtension
      let defaultLayer = request.layer ?? (fallback.isEmpty || fallback == "/" ? "brat" : fallback)
      try request.adopt(file.schemas(default: defaultLayer).filter { !$0.labels.isEmpty }, into: &schemas)
      let configuration = Configuration(
        folder: holder, file: file, layers: file.layers(default: defaultLayer), defaultLayer: defaultLayer)
      loaded[path] = configuration
      return configuration
    }

    /// `--schema`, else `annotation.conf` in `folder` or its nearest ancestor, as brat looks for it.
    static func configurationPath(near folder: String, schemaPath: String?) throws -> String? {
      if let schemaPath {
        guard FileManager.default.isReadableFile(atPath: schemaPath) else {
          throw FormatError(location: schemaPath, reason: "cannot read the brat configuration")
        }
        return URL(fileURLWithPath: schemaPath).standardizedFileURL.path
      }
      var current = URL(fileURLWithPath: folder).standardizedFileURL
      while true {
        let candidate = current.appendingPathComponent(BratConfiguration.fileName).path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue {
          return candidate
        }
        let parent = current.deletingLastPathComponent()
        if parent.path == current.path { return nil }
        current = parent
      }
    }

    /// Reads the pairs in `folder`, then its subfolders; `shownAs` is its path in messages.
    mutating func readFolder(
      _ folder: String, shownAs: String, onBadRecord: (FormatError) throws -> Void,
      _ body: (ImportedReport) throws -> Void
    ) throws {
      let configuration = try configuration(near: folder)
      let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
      var files: [String] = []
      var folders: [String] = []
      for name in names {
        let type =
          try? FileManager.default.attributesOfItem(atPath: (folder as NSString).appendingPathComponent(name))[
            .type] as? FileAttributeType
        // Links to folders are not followed, so a corpus cannot lead the import in circles.
        if type == .typeDirectory { folders.append(name) } else { files.append(name) }
      }
      let texts = Set(files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) })
      for name in files where name.hasSuffix(".ann") && !texts.contains(String(name.dropLast(4))) {
        try onBadRecord(FormatError(location: shownAs + name, reason: "no \(name.dropLast(4)).txt beside it"))
      }
      for stem in texts.sorted() {
        try readPair(
          folder: folder, stem: stem, shownAs: shownAs, configuration: configuration, onBadRecord: onBadRecord, body)
      }
      for name in folders {
        try readFolder(
          (folder as NSString).appendingPathComponent(name), shownAs: shownAs + name + "/", onBadRecord: onBadRecord,
          body)
      }
    }

    /// Reads `stem.txt` and its `stem.ann`, if any.
    mutating func readPair(
      folder: String, stem: String, shownAs: String, configuration: Configuration,
      onBadRecord: (FormatError) throws -> Void, _ body: (ImportedReport) throws -> Void
    ) throws {
      let textPath = (folder as NSString).appendingPathComponent(stem + ".txt")
      let annPath = (folder as NSString).appendingPathComponent(stem + ".ann")
      let text: String
      do throws(FormatError) {
        text = try ExchangeSupport.readText(path: textPath)
      } catch {
        try onBadRecord(FormatError(location: shownAs + stem + ".txt", reason: error.reason))
        return
      }
      var imported = ImportedReport(
        report: ExchangeSupport.newReport(text: text, title: nil, uid: nil), location: shownAs + stem + ".txt")
      if FileManager.default.fileExists(atPath: annPath) {
        let ann = try ExchangeSupport.readText(path: annPath)
        var parser = BratAnnotationParser(
          fileName: shownAs + stem + ".ann", text: ReportText(text), layers: configuration.layers,
          defaultLayer: configuration.defaultLayer, schemas: schemas, author: Self.author(of: folder, configuration))
        try parser.parse(ann, onBadRecord: onBadRecord)
        imported.annotations = parser.annotations
        imported.links = parser.links
      }
      try body(imported)
    }

    /// The annotator whose folder this is, when the configuration beside it names the folder.
    static func author(of folder: String, _ configuration: Configuration) -> String? {
      let standard = URL(fileURLWithPath: folder).standardizedFileURL
      guard let holder = configuration.folder, standard.deletingLastPathComponent().path == holder else { return nil }
      return configuration.file.annotators[standard.lastPathComponent]
    }
  }
}
