import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// Turns one `.ann` file into annotations and links, checking every line against the `.txt`.
///
/// `T` lines are read first, then `E` lines, so that `E`, `A`, `R` and `#` lines may refer to any
/// of them, wherever they stand in the file, as brat itself allows. An event becomes its trigger's
/// annotation with a link, typed by role, to each argument; its attributes and notes go to the
/// trigger. Two events sharing a trigger each get an annotation of their own.
struct BratAnnotationParser {
  let fileName: String
  let text: ReportText
  /// Label → layer from `annotation.conf`.
  let layers: [String: String]
  let defaultLayer: String?
  /// The schemas in force, by layer: they say how an attribute's value is typed.
  let schemas: [String: LayerSchema]
  /// Who made these annotations, when the folder says so; nil for the importing user.
  let author: String?
  private(set) var annotations: [ImportedAnnotation] = []
  private(set) var links: [ImportedLink] = []
  /// `T` and `E` ids → position in `annotations`.
  private var index: [String: Int] = [:]
  /// Triggers an event already took.
  private var claimedTriggers: Set<Int> = []

  init(
    fileName: String, text: ReportText, layers: [String: String], defaultLayer: String?,
    schemas: [String: LayerSchema] = [:], author: String? = nil
  ) {
    self.fileName = fileName
    self.text = text
    self.layers = layers
    self.defaultLayer = defaultLayer
    self.schemas = schemas
    self.author = author
  }

  mutating func parse(_ ann: String, onBadRecord: (FormatError) throws -> Void) throws {
    let lines = ann.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
      .map { String($0) }
    var events: [(String, Int)] = []
    var later: [(String, Int)] = []
    for (number, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
      switch line.first {
      case "T": try reporting(line, number + 1, onBadRecord) { try $0.textBound(line) }
      case "E": events.append((line, number + 1))
      default: later.append((line, number + 1))
      }
    }
    var arguments: [(String, Int, [(role: String, id: String)])] = []
    for (line, number) in events {
      try reporting(line, number, onBadRecord) { arguments.append((line, number, try $0.event(line))) }
    }
    for (line, number, roles) in arguments {
      try reporting(line, number, onBadRecord) { try $0.eventLinks(line, roles) }
    }
    for (line, number) in later {
      try reporting(line, number, onBadRecord) { parser in
        switch line.first {
        case "A", "M": try parser.attribute(line)
        case "R": try parser.relation(line)
        case "#": try parser.note(line)
        case "N", "*":
          throw FormatError(location: "", reason: "brat normalisations and equivalences cannot be imported")
        default:
          throw FormatError(location: "", reason: "not a brat annotation line")
        }
      }
    }
  }

  /// Runs `body` on one line, handing a failure to `onBadRecord` with the line's place.
  private mutating func reporting(
    _ line: String, _ number: Int, _ onBadRecord: (FormatError) throws -> Void,
    _ body: (inout BratAnnotationParser) throws -> Void
  ) throws {
    do {
      try body(&self)
    } catch let error as FormatError where error.location.isEmpty {
      try onBadRecord(FormatError(location: location(line, number), reason: error.reason))
    }
  }

  /// `file.ann:T3`, or `file.ann:7` for a line without a usable id.
  private func location(_ line: String, _ number: Int) -> String {
    let id = line.prefix { $0 != "\t" && $0 != " " }
    let valid = id.count >= 2 && id.dropFirst().allSatisfy(\.isNumber)
    return valid ? "\(fileName):\(id)" : "\(fileName):\(number)"
  }

  private static func fail(_ reason: String) -> FormatError { FormatError(location: "", reason: reason) }

  private static func fields(_ line: String, _ count: Int) throws -> [String] {
    let fields = line.split(separator: "\t", maxSplits: count - 1, omittingEmptySubsequences: false).map(String.init)
    guard fields.count == count else { throw fail("expected \(count) tab-separated fields") }
    return fields
  }

  /// `T3<TAB>label 10 25;30 41<TAB>covered text`.
  private mutating func textBound(_ line: String) throws {
    let fields = try Self.fields(line, 3)
    let id = fields[0]
    guard index[id] == nil else { throw Self.fail("\(Excerpt.of(id)) is defined twice") }
    var parts = fields[1].split(separator: " ", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { throw Self.fail("expected a type and offsets") }
    let label = parts.removeFirst()
    var fragments: [TextRange] = []
    for piece in parts[0].split(separator: ";") {
      let numbers = piece.split(separator: " ")
      guard numbers.count == 2, let start = Int(numbers[0]), let end = Int(numbers[1]) else {
        throw Self.fail("malformed offsets \"\(Excerpt.of(String(piece)))\"")
      }
      guard TextRange(start, end).fits(in: text.count) else {
        throw Self.fail("offsets \(start) \(end) fall outside the text (0..\(text.count))")
      }
      fragments.append(TextRange(start, end))
    }
    guard !fragments.isEmpty else { throw Self.fail("no offsets") }
    let covered = fragments.map { text.substring($0) }.joined(separator: " ")
    guard covered == fields[2] else {
      throw Self.fail(
        "covered text \"\(Excerpt.of(fields[2]))\" does not match the .txt, which has \"\(Excerpt.of(covered))\" there")
    }
    let pieces = Self.pieces(fragments, in: text)
    let range = pieces[0]
    guard let layer = layers[label] ?? defaultLayer, !layer.isEmpty else {
      throw FormatError(
        location: "\(fileName):\(id)",
        reason: "brat files have no layers: name the layer for label \"\(Excerpt.of(label))\" with --layer")
    }
    index[id] = annotations.count
    // `T12` keeps handle #12 where the project has it free, so Hashiya's own export comes back as it was.
    annotations.append(
      ImportedAnnotation(
        key: id, handle: Int(id.dropFirst()).flatMap { (1..<Int(Int32.max)).contains($0) ? $0 : nil }, layer: layer,
        label: label, range: range, quote: text.substring(range),
        author: author, location: "\(fileName):\(id)"))
    annotations[annotations.count - 1].fragments = pieces.dropFirst().map {
      ImportedFragment(range: $0, quote: text.substring($0))
    }
  }

  /// brat's fragments as the pieces of one span, in text order: fragments that only a line
  /// break separates (brat cannot cross one, so its exports cut spans there), that touch or that
  /// overlap are one piece; fragments with anything else between them are a span in pieces.
  static func pieces(_ fragments: [TextRange], in text: ReportText) -> [TextRange] {
    var pieces: [TextRange] = []
    for fragment in fragments.sorted() {
      if let last = pieces.last,
        fragment.start <= last.end
          || text.scalars[last.end..<fragment.start].allSatisfy(BratExporter.isLineBreak)
      {
        pieces[pieces.count - 1] = TextRange(last.start, max(last.end, fragment.end))
      } else {
        pieces.append(fragment)
      }
    }
    return pieces
  }

  /// `E1<TAB>Type:T3 Role:T4 Role2:E2`: takes the trigger for the event and returns its arguments.
  ///
  /// The first event on a trigger takes the trigger's annotation; a later one gets a copy, so
  /// each event keeps its own arguments.
  private mutating func event(_ line: String) throws -> [(role: String, id: String)] {
    let fields = try Self.fields(line, 2)
    let id = fields[0]
    guard index[id] == nil else { throw Self.fail("\(Excerpt.of(id)) is defined twice") }
    let parts = fields[1].split(separator: " ").map(String.init)
    var pairs: [(role: String, id: String)] = []
    for part in parts {
      let pair = part.split(separator: ":", maxSplits: 1).map(String.init)
      guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty else {
        throw Self.fail("expected \"Type:T1 Role:T2 …\", not \"\(Excerpt.of(part))\"")
      }
      pairs.append((pair[0], pair[1]))
    }
    guard let (type, triggerID) = pairs.first, triggerID.hasPrefix("T"), let trigger = index[triggerID] else {
      throw Self.fail("the event has no trigger among the text-bound annotations")
    }
    guard annotations[trigger].label == type else {
      throw Self.fail(
        "event type \"\(Excerpt.of(type))\" differs from its trigger's type \"\(Excerpt.of(annotations[trigger].label))\""
      )
    }
    if !claimedTriggers.insert(trigger).inserted {
      var copy = annotations[trigger]
      copy.key = id
      copy.handle = nil
      copy.location = "\(fileName):\(id)"
      index[id] = annotations.count
      annotations.append(copy)
    } else {
      index[id] = trigger
      // Schema errors on the trigger are then named by the event.
      annotations[trigger].location = "\(fileName):\(id)"
    }
    return Array(pairs.dropFirst())
  }

  /// The links from an event's trigger to its arguments, typed by role: `Theme2` is role `Theme`.
  private mutating func eventLinks(_ line: String, _ arguments: [(role: String, id: String)]) throws {
    let id = String(line.prefix { $0 != "\t" })
    guard let trigger = index[id] else { return }
    var found: [ImportedLink] = []
    for argument in arguments {
      let target = try known(argument.id)
      var role = argument.role
      while role.count > 1, role.last?.isNumber == true { role.removeLast() }
      found.append(
        ImportedLink(type: role, from: annotations[trigger].key, to: annotations[target].key, author: author))
    }
    links += found
  }

  /// `A1<TAB>name T3 value`, or `A1<TAB>name T3` for a flag.
  private mutating func attribute(_ line: String) throws {
    let fields = try Self.fields(line, 2)
    let parts = fields[1].split(separator: " ").map(String.init)
    guard (2...3).contains(parts.count) else { throw Self.fail("expected a name, a target and at most one value") }
    let target = try known(parts[1])
    let name = BratAttributeValue.decode(parts[0])
    let annotation = annotations[target]
    let kind = schemas[annotation.layer]?.label(annotation.label)?.attribute(name)?.kind
    let value: JSONValue = parts.count == 3 ? BratAttributeValue.value(of: parts[2], kind: kind) : .bool(true)
    annotations[target].attributes[name] = value
  }

  /// `R1<TAB>type Arg1:T3 Arg2:T1`.
  private mutating func relation(_ line: String) throws {
    let fields = try Self.fields(line, 2)
    let parts = fields[1].split(separator: " ").map(String.init)
    guard parts.count == 3, parts[1].hasPrefix("Arg1:"), parts[2].hasPrefix("Arg2:") else {
      throw Self.fail("expected \"type Arg1:T1 Arg2:T2\"")
    }
    let from = try known(String(parts[1].dropFirst(5)))
    let to = try known(String(parts[2].dropFirst(5)))
    links.append(
      ImportedLink(type: parts[0], from: annotations[from].key, to: annotations[to].key, author: author))
  }

  /// `#1<TAB>AnnotatorNotes T3<TAB>note` (or `E2`): the import puts the note in the layer's note attribute.
  private mutating func note(_ line: String) throws {
    let fields = try Self.fields(line, 3)
    let parts = fields[1].split(separator: " ").map(String.init)
    guard parts.count == 2, parts[0] == "AnnotatorNotes" else { throw Self.fail("expected \"AnnotatorNotes T1\"") }
    let target = try known(parts[1])
    annotations[target].note = fields[2]
  }

  private func known(_ id: String) throws -> Int {
    guard let position = index[id] else {
      throw Self.fail("refers to \(Excerpt.of(id)), which is not a text-bound annotation or event here")
    }
    return position
  }
}
