import AnnotatorKit
import Foundation
import HashiyaStore

/// Reads brat standoff: a folder of `.txt`/`.ann` pairs (or one `.ann` file and its `.txt`).
///
/// Layers come from the `# layer:` comments of an `annotation.conf` written by Hashiya, else from
/// `--layer`; brat files from elsewhere need `--layer`. Offsets are code points into the `.txt`.
/// Each annotation's key is its brat id (`T3`). Files carry no author, so authors are nil.
public enum BratReader: AnnotatedFileReader {
  public static func read(
    path: String, request: ReadRequest, onBadRecord: (FormatError) throws -> Void,
    _ body: (ImportedReport) throws -> Void
  ) throws {
    let layer = request.layer
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw FormatError(location: path, reason: "no such file or folder")
    }
    let folder = isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
    let stems: [String]
    if isFolder.boolValue {
      let names = try FileManager.default.contentsOfDirectory(atPath: path)
      let texts = Set(names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) })
      for name in names.sorted() where name.hasSuffix(".ann") && !texts.contains(String(name.dropLast(4))) {
        try onBadRecord(FormatError(location: name, reason: "no \(name.dropLast(4)).txt beside it"))
      }
      stems = texts.sorted()
    } else {
      let name = (path as NSString).lastPathComponent
      guard name.hasSuffix(".ann") || name.hasSuffix(".txt") else {
        throw FormatError(location: name, reason: "a brat import reads a folder, or a .ann or .txt file")
      }
      stems = [String(name.dropLast(4))]
    }
    let confPath = (folder as NSString).appendingPathComponent(BratConfiguration.fileName)
    let layers = (try? ExchangeSupport.readText(path: confPath)).map(BratConfiguration.layers(inConfiguration:)) ?? [:]
    for stem in stems {
      let textPath = (folder as NSString).appendingPathComponent(stem + ".txt")
      let annPath = (folder as NSString).appendingPathComponent(stem + ".ann")
      let text: String
      do throws(FormatError) {
        text = try ExchangeSupport.readText(path: textPath)
      } catch {
        try onBadRecord(FormatError(location: stem + ".txt", reason: error.reason))
        continue
      }
      var imported = ImportedReport(
        report: ExchangeSupport.newReport(text: text, title: nil, uid: nil), location: stem + ".txt")
      if FileManager.default.fileExists(atPath: annPath) {
        let ann = try ExchangeSupport.readText(path: annPath)
        var parser = BratAnnotationParser(
          fileName: stem + ".ann", text: ReportText(text), layers: layers, defaultLayer: layer)
        try parser.parse(ann, onBadRecord: onBadRecord)
        imported.annotations = parser.annotations
        imported.links = parser.links
      }
      try body(imported)
    }
  }
}
