import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// Writes brat standoff: `<name>.txt` and `<name>.ann` per report and an `annotation.conf`, in a folder.
///
/// brat offsets are code points into the `.txt`, which is the report text byte for byte, so
/// Hashiya's scalar offsets are written unchanged. Labels become entity types (layers are kept
/// only as comments in `annotation.conf`), event-type labels `E` lines with their role links as
/// arguments, attributes `A` lines, other links `R` lines and the attribute a schema declares as
/// the note (role `note`) an `AnnotatorNotes` line. Reviews have no brat form and are left out.
///
/// A `.ann` has no author, so each annotator's annotations go to a folder of their own,
/// `OUT/<annotator>/`, holding the reports they annotated; `annotation.conf` stays at `OUT`,
/// where brat finds it for every folder, and names each folder's annotator for the import. A
/// report nobody annotated, and with `--gold` every report, is written in `OUT` itself.
///
/// The folder is built under a temporary name beside the target and renamed into place by
/// `finish`, so it appears complete or not at all; the target must be new or empty.
public struct BratExporter: ReportExporter {
  private let folder: String
  private let staged: StagedFolder
  private let context: ExportContext
  private var summary = ExportSummary()
  /// Author → folder name, in the order they were met.
  private var annotators: [(author: String, folder: String)] = []
  /// Attribute name → the tokens written for it, which `annotation.conf` declares.
  private var tokens: [String: Set<String>] = [:]

  /// `folder` must be new (its missing parents are created) or empty.
  public init(folder: String, context: ExportContext) throws {
    staged = try StagedFolder(target: folder, project: context.projectPath)
    self.folder = folder
    self.context = context
  }

  public mutating func write(_ bundle: ReportBundle, text: ReportText) throws {
    let stem = BratFileName.stem(id: bundle.report.id, uid: bundle.report.uid)
    let annotations = ExchangeSupport.annotations(of: bundle, context: context)
    var groups: [(folder: String, annotations: [Annotation])] = [("", annotations)]
    if !context.gold && !annotations.isEmpty {
      groups = try Dictionary(grouping: annotations, by: \.author).sorted { $0.key < $1.key }.map {
        (try annotatorFolder($0.key), $0.value)
      }
    }
    for group in groups {
      let links = ExchangeSupport.links(of: bundle, between: group.annotations)
      try writeFile(group.folder, try BratFileName.path(folder: folder, stem: stem, ext: "txt"), bundle.report.text)
      let ann = Self.annotationLines(
        group.annotations, links: links, text: text, noteAttribute: noteAttribute, eventRoles: eventRoles)
      try writeFile(group.folder, try BratFileName.path(folder: folder, stem: stem, ext: "ann"), ann)
      for annotation in group.annotations {
        for (name, token) in Self.attributeTokens(annotation, note: noteAttribute(annotation)) where !token.isEmpty {
          tokens[name, default: []].insert(token)
        }
      }
      summary.links += links.count
    }
    summary.reports += 1
    summary.annotations += annotations.count
  }

  public mutating func finish() throws -> ExportSummary {
    let conf = BratConfiguration.text(
      for: context.schemas, tokens: tokens, annotators: annotators.map { ($0.folder, $0.author) })
    try writeFile("", (folder as NSString).appendingPathComponent(BratConfiguration.fileName), conf)
    try staged.commit()
    return summary
  }

  /// Removes the folder being built.
  public func discard() {
    staged.discard()
  }

  private func noteAttribute(_ annotation: Annotation) -> String? {
    context.attributeName(playing: .note, in: annotation)
  }

  /// The role names of an event-type label, nil for another label.
  private func eventRoles(_ annotation: Annotation) -> Set<String>? {
    let label = context.schema(of: annotation)?.label(annotation.label)
    return label?.eventRoles.map { Set($0.map(\.name)) }
  }

  /// The annotator's folder, created in the staged folder the first time it is needed.
  private mutating func annotatorFolder(_ author: String) throws -> String {
    if let known = annotators.first(where: { $0.author == author }) { return known.folder }
    let name = BratFileName.folder(author: author, taken: Set(annotators.map(\.folder)))
    _ = try BratFileName.path(folder: folder, name: name)
    let path = (staged.temporary as NSString).appendingPathComponent(name)
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    } catch {
      throw ExportDestinationError.cannotWrite(
        path: (folder as NSString).appendingPathComponent(name), reason: "cannot create the folder")
    }
    annotators.append((author, name))
    return name
  }

  /// A brat entity or relation type: brat splits lines on whitespace, so none may remain.
  static func typeName(_ name: String) -> String {
    String(String.UnicodeScalarView(name.unicodeScalars.map { $0.properties.isWhitespace ? "_" : $0 }))
  }

  /// The `.ann` text for one report; `T`, `E` and `R` ids are Hashiya handles, so `T12` is `#12`.
  /// `noteAttribute` names each annotation's note attribute, written as an `AnnotatorNotes` line;
  /// `eventRoles` gives the roles of an event-type label, whose annotation is written as the
  /// trigger of an `E` line with its links of those types as the arguments.
  static func annotationLines(
    _ annotations: [Annotation], links: [AnnotationLink], text: ReportText, noteAttribute: (Annotation) -> String?,
    eventRoles: (Annotation) -> Set<String>? = { _ in nil }
  ) -> String {
    var out = ""
    var attributeNumber = 0
    var noteNumber = 0
    let events = Set(annotations.filter { eventRoles($0) != nil }.map(\.id))
    let reference = { (id: Int) in events.contains(id) ? "E\(id)" : "T\(id)" }
    var arguments: Set<Int> = []
    for annotation in annotations {
      // Each piece of a span in pieces, itself cut at line breaks, which brat cannot cross.
      let fragments = annotation.ranges.flatMap { Self.fragments(of: $0, in: text) }
      let offsets = fragments.map { "\($0.start) \($0.end)" }.joined(separator: ";")
      let covered = fragments.map { text.substring($0) }.joined(separator: " ")
      out += "T\(annotation.id)\t\(typeName(annotation.label)) \(offsets)\t\(covered)\n"
      if let roles = eventRoles(annotation) {
        var line = "E\(annotation.id)\t\(typeName(annotation.label)):T\(annotation.id)"
        var used: [String: Int] = [:]
        for link in links where link.fromID == annotation.id && roles.contains(link.type) {
          used[link.type, default: 0] += 1
          let number = used[link.type] ?? 1
          line += " \(typeName(link.type))\(number == 1 ? "" : String(number)):\(reference(link.toID))"
          arguments.insert(link.id)
        }
        out += line + "\n"
      }
      let target = reference(annotation.id)
      let note = noteAttribute(annotation)
      for (name, token) in attributeTokens(annotation, note: note) {
        attributeNumber += 1
        out += "A\(attributeNumber)\t\(name) \(target)\(token.isEmpty ? "" : " " + token)\n"
      }
      if let note, case .string(let text)? = annotation.attributes[note] {
        noteNumber += 1
        out += "#\(noteNumber)\tAnnotatorNotes \(target)\t\(oneLine(text))\n"
      }
    }
    for link in links where !arguments.contains(link.id) {
      out += "R\(link.id)\t\(typeName(link.type)) Arg1:\(reference(link.fromID)) Arg2:\(reference(link.toID))\n"
    }
    return out
  }

  /// The attribute name and value tokens of an annotation's `A` lines, in order: every attribute
  /// but its note, and none for a value brat spells by absence.
  static func attributeTokens(_ annotation: Annotation, note: String?) -> [(String, String)] {
    annotation.attributes.pairs.compactMap { member in
      if member.key == note, case .string = member.value { return nil }
      return BratAttributeValue.token(for: member.value).map { (BratAttributeValue.encode(member.key), $0) }
    }
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

  /// Writes the file that will be `path`'s name in `subfolder` (or the folder itself, for "")
  /// once the folder is in place.
  private mutating func writeFile(_ subfolder: String, _ path: String, _ text: String) throws {
    let name = (path as NSString).lastPathComponent
    let relative = subfolder.isEmpty ? name : subfolder + "/" + name
    let bytes = Array(text.utf8)
    try staged.write(relative, bytes)
    summary.bytes += bytes.count
    summary.files.append((folder as NSString).appendingPathComponent(relative))
  }
}
