import AnnotatorKit
import Foundation
import HashiyaStore

/// Writes brat standoff: `<name>.txt` and `<name>.ann` per report and an `annotation.conf`, in a folder.
///
/// brat offsets are code points into the `.txt`, which is the report text byte for byte, so
/// Hashiya's scalar offsets are written unchanged. Labels become entity types (layers are kept
/// only as comments in `annotation.conf`), attributes `A` lines, links `R` lines and the attribute
/// a schema declares as the note (role `note`) an `AnnotatorNotes` line. Reviews have no brat
/// form and are left out.
///
/// The folder is built under a temporary name beside the target and renamed into place by
/// `finish`, so it appears complete or not at all; the target must be new or empty.
public struct BratExporter: ReportExporter {
  private let folder: String
  private let staged: StagedFolder
  private let context: ExportContext
  private var summary = ExportSummary()

  /// `folder` must be new (its missing parents are created) or empty.
  public init(folder: String, context: ExportContext) throws {
    staged = try StagedFolder(target: folder, project: context.projectPath)
    self.folder = folder
    self.context = context
  }

  public mutating func write(_ bundle: ReportBundle, text: ReportText) throws {
    let stem = BratFileName.stem(id: bundle.report.id, uid: bundle.report.uid)
    let annotations = ExchangeSupport.annotations(of: bundle, context: context)
    let links = ExchangeSupport.links(of: bundle, between: annotations)
    try writeFile(BratFileName.path(folder: folder, stem: stem, ext: "txt"), Array(bundle.report.text.utf8))
    let ann = Self.annotationLines(annotations, links: links, text: text) {
      context.attributeName(playing: .note, in: $0)
    }
    try writeFile(BratFileName.path(folder: folder, stem: stem, ext: "ann"), Array(ann.utf8))
    summary.reports += 1
    summary.annotations += annotations.count
    summary.links += links.count
  }

  public mutating func finish() throws -> ExportSummary {
    let conf = BratConfiguration.text(for: context.schemas)
    try writeFile((folder as NSString).appendingPathComponent(BratConfiguration.fileName), Array(conf.utf8))
    try staged.commit()
    return summary
  }

  /// Removes the folder being built.
  public func discard() {
    staged.discard()
  }

  /// A brat entity or relation type: brat splits lines on whitespace, so none may remain.
  static func typeName(_ name: String) -> String {
    String(String.UnicodeScalarView(name.unicodeScalars.map { $0.properties.isWhitespace ? "_" : $0 }))
  }

  /// The `.ann` text for one report; `T` and `R` ids are Hashiya handles, so `T12` is `#12`.
  /// `noteAttribute` names each annotation's note attribute, written as an `AnnotatorNotes` line.
  static func annotationLines(
    _ annotations: [Annotation], links: [AnnotationLink], text: ReportText, noteAttribute: (Annotation) -> String?
  ) -> String {
    var out = ""
    var attributeNumber = 0
    var noteNumber = 0
    for annotation in annotations {
      let fragments = Self.fragments(of: annotation.range, in: text)
      let offsets = fragments.map { "\($0.start) \($0.end)" }.joined(separator: ";")
      let covered = fragments.map { text.substring($0) }.joined(separator: " ")
      out += "T\(annotation.id)\t\(typeName(annotation.label)) \(offsets)\t\(covered)\n"
      let note = noteAttribute(annotation)
      for member in annotation.attributes.pairs {
        if member.key == note, case .string(let note) = member.value {
          noteNumber += 1
          out += "#\(noteNumber)\tAnnotatorNotes T\(annotation.id)\t\(oneLine(note))\n"
        } else if let token = BratAttributeValue.token(for: member.value) {
          attributeNumber += 1
          let name = BratAttributeValue.encode(member.key)
          out += "A\(attributeNumber)\t\(name) T\(annotation.id)\(token.isEmpty ? "" : " " + token)\n"
        }
      }
    }
    for link in links {
      out += "R\(link.id)\t\(typeName(link.type)) Arg1:T\(link.fromID) Arg2:T\(link.toID)\n"
    }
    return out
  }

  /// The span cut at line breaks, as brat requires: a text-bound annotation may not cross a newline.
  ///
  /// A span that starts or ends on a line break loses that break (brat has no empty fragments).
  static func fragments(of range: TextRange, in text: ReportText) -> [TextRange] {
    var fragments: [TextRange] = []
    var start: Int?
    for offset in range.start..<range.end {
      if isLineBreak(text.scalars[offset]) {
        if let open = start { fragments.append(TextRange(open, offset)) }
        start = nil
      } else if start == nil {
        start = offset
      }
    }
    if let open = start { fragments.append(TextRange(open, range.end)) }
    return fragments.isEmpty ? [range] : fragments
  }

  static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": return true
    default: return false
    }
  }

  /// A note on one line: brat ends a note at the line break.
  private static func oneLine(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { isLineBreak($0) || $0 == "\t" ? " " : $0 }))
  }

  /// Writes the file that will be `path` once the folder is in place.
  private mutating func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    try staged.write((path as NSString).lastPathComponent, bytes)
    summary.bytes += bytes.count
    summary.files.append(path)
  }
}
