import AnnotatorKit
import Foundation
import HashiyaStore

/// Turns one `.ann` file into annotations and links, checking every line against the `.txt`.
///
/// `T` lines are read first so that `A`, `R` and `#` lines may refer to any of them, wherever
/// they stand in the file, as brat itself allows.
struct BratAnnotationParser {
  let fileName: String
  let text: ReportText
  /// Label → layer from `annotation.conf`.
  let layers: [String: String]
  let defaultLayer: String?
  private(set) var annotations: [ImportedAnnotation] = []
  private(set) var links: [ImportedLink] = []
  private var index: [String: Int] = [:]

  init(fileName: String, text: ReportText, layers: [String: String], defaultLayer: String?) {
    self.fileName = fileName
    self.text = text
    self.layers = layers
    self.defaultLayer = defaultLayer
  }

  mutating func parse(_ ann: String, onBadRecord: (FormatError) throws -> Void) throws {
    let lines = ann.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
      .map { String($0) }
    var later: [(String, Int)] = []
    for (number, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
      if line.hasPrefix("T") {
        do {
          try textBound(line)
        } catch let error as FormatError where error.location.isEmpty {
          try onBadRecord(FormatError(location: location(line, number + 1), reason: error.reason))
        }
      } else {
        later.append((line, number + 1))
      }
    }
    for (line, number) in later {
      do {
        switch line.first {
        case "A", "M": try attribute(line)
        case "R": try relation(line)
        case "#": try note(line)
        case "E", "N", "*":
          throw FormatError(location: "", reason: "brat events, normalisations and equivalences cannot be imported")
        default:
          throw FormatError(location: "", reason: "not a brat annotation line")
        }
      } catch let error as FormatError where error.location.isEmpty {
        try onBadRecord(FormatError(location: location(line, number), reason: error.reason))
      }
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
    fragments.sort()
    let range = TextRange(fragments[0].start, fragments.map(\.end).max()!)
    // Hashiya spans are contiguous: fragments may only be separated by the line breaks brat cut them at.
    for (left, right) in zip(fragments, fragments.dropFirst()) where right.start > left.end {
      let gap = text.substring(TextRange(left.end, right.start))
      guard gap.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) else {
        throw Self.fail("a discontinuous span with text between its fragments cannot be imported")
      }
    }
    guard let layer = layers[label] ?? defaultLayer, !layer.isEmpty else {
      throw FormatError(
        location: "\(fileName):\(id)",
        reason: "brat files have no layers: name the layer for label \"\(Excerpt.of(label))\" with --layer")
    }
    index[id] = annotations.count
    annotations.append(
      ImportedAnnotation(
        key: id, layer: layer, label: label, range: range, quote: text.substring(range), location: "\(fileName):\(id)"))
  }

  /// `A1<TAB>name T3 value`, or `A1<TAB>name T3` for a flag.
  private mutating func attribute(_ line: String) throws {
    let fields = try Self.fields(line, 2)
    let parts = fields[1].split(separator: " ").map(String.init)
    guard (2...3).contains(parts.count) else { throw Self.fail("expected a name, a target and at most one value") }
    let target = try known(parts[1])
    let value: JSONValue = parts.count == 3 ? BratAttributeValue.value(of: parts[2]) : .bool(true)
    annotations[target].attributes[BratAttributeValue.decode(parts[0])] = value
  }

  /// `R1<TAB>type Arg1:T3 Arg2:T1`.
  private mutating func relation(_ line: String) throws {
    let fields = try Self.fields(line, 2)
    let parts = fields[1].split(separator: " ").map(String.init)
    guard parts.count == 3, parts[1].hasPrefix("Arg1:"), parts[2].hasPrefix("Arg2:") else {
      throw Self.fail("expected \"type Arg1:T1 Arg2:T2\"")
    }
    let from = String(parts[1].dropFirst(5))
    let to = String(parts[2].dropFirst(5))
    _ = try known(from)
    _ = try known(to)
    links.append(ImportedLink(type: parts[0], from: from, to: to))
  }

  /// `#1<TAB>AnnotatorNotes T3<TAB>note`: the import puts the note in the layer's note attribute.
  private mutating func note(_ line: String) throws {
    let fields = try Self.fields(line, 3)
    let parts = fields[1].split(separator: " ").map(String.init)
    guard parts.count == 2, parts[0] == "AnnotatorNotes" else { throw Self.fail("expected \"AnnotatorNotes T1\"") }
    let target = try known(parts[1])
    annotations[target].note = fields[2]
  }

  private func known(_ id: String) throws -> Int {
    guard let position = index[id] else {
      throw Self.fail("refers to \(Excerpt.of(id)), which is not a text-bound annotation here")
    }
    return position
  }
}
