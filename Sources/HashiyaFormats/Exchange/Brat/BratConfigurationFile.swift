import AnnotatorKit
import Foundation

/// An `annotation.conf` read whole: the types brat declares and the comments Hashiya adds to them.
///
/// brat reads entity and event types as an indented hierarchy in which `!Name` types are abstract
/// (groupings, not usable as labels) and `-` lines separate; an argument naming a type also admits
/// its subtypes. `<NAME>=A|B` defines a macro, `<ENTITY>`, `<EVENT>` and `<ANY>` stand for the
/// kinds of types. `#` starts a comment, which brat ignores and Hashiya uses for what brat cannot
/// say: `# layer: NAME` before the types of each layer, `# annotator: FOLDER NAME` for each
/// annotator's folder, and `# attribute: NAME KIND` and `# note: LABEL NAME` for attribute kinds
/// brat lacks.
struct BratConfigurationFile {
  /// An argument of a relation or event: `Theme+:Protein|Gene`.
  struct Argument {
    var role: String
    var cardinality: EventRoleSchema.Cardinality
    var types: [String]
  }

  /// A declared entity or event type that may be used as a label.
  struct TypeDeclaration {
    var name: String
    var layer: String?
    /// The arguments of an event type; nil for an entity type.
    var roles: [Argument]?
  }

  /// A relation type, `Name Arg1:A, Arg2:B`.
  struct Relation {
    var name: String
    var from: [String]
    var to: [String]
  }

  /// An attribute, `Name Arg:A|B, Value:x|y`; no values makes it a flag.
  struct Attribute {
    var name: String
    var targets: [String]
    var values: [String]
  }

  static let layerComment = "# layer: "
  static let annotatorComment = "# annotator: "
  static let attributeComment = "# attribute: "
  static let noteComment = "# note: "

  private(set) var types: [TypeDeclaration] = []
  private(set) var relations: [Relation] = []
  private(set) var attributes: [Attribute] = []
  /// Annotator folder name → the author its annotations belong to.
  private(set) var annotators: [String: String] = [:]
  /// Attribute name → the Hashiya kind brat cannot declare (`text`, `integer`, `number`, `reference`).
  private(set) var attributeKinds: [String: String] = [:]
  /// Label → the name of its note attribute.
  private(set) var noteAttributes: [String: String] = [:]

  /// Every type name, abstract or not, with its subtypes, for expanding an argument's types.
  private var descendants: [String: [String]] = [:]
  private var macros: [String: [String]] = [:]
  private var entityNames: [String] = []
  private var eventNames: [String] = []

  /// Reads the configuration text; lines brat would refuse are skipped rather than refused, as a
  /// corpus is imported for its annotations and the schema is checked against them anyway.
  init(text: String) {
    var section = ""
    var layer: String?
    // The open ancestors of the current type line, by indentation.
    var ancestors: [(indent: Int, name: String)] = []
    var pending: [(name: String, arguments: String, layer: String?)] = []
    var relationLines: [String] = []
    var attributeLines: [String] = []
    for raw in text.split(whereSeparator: \.isNewline).map(String.init) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty { continue }
      if line.hasPrefix("#") {
        readComment(line, layer: &layer)
        continue
      }
      if line.hasPrefix("[") {
        section = line
        layer = nil
        ancestors = []
        continue
      }
      if line.hasPrefix("<"), let equals = line.firstIndex(of: "="), line[..<equals].hasSuffix(">") {
        macros[String(line[..<equals])] = Self.alternatives(String(line[line.index(after: equals)...]))
        continue
      }
      switch section {
      case "[entities]", "[events]":
        if line == "-" { continue }
        let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
        let (head, arguments) = Self.headAndRest(line)
        let abstract = head.hasPrefix("!")
        let name = abstract ? String(head.dropFirst()) : head
        while let last = ancestors.last, last.indent >= indent { ancestors.removeLast() }
        for ancestor in ancestors { descendants[ancestor.name, default: []].append(name) }
        ancestors.append((indent, name))
        if abstract { continue }
        if section == "[entities]" {
          entityNames.append(name)
          types.append(TypeDeclaration(name: name, layer: layer, roles: nil))
        } else {
          eventNames.append(name)
          pending.append((name, arguments, layer))
        }
      case "[relations]": relationLines.append(line)
      case "[attributes]": attributeLines.append(line)
      default: continue
      }
    }
    // Arguments may name types declared further down, so they are read once every type is known.
    for event in pending {
      let roles = expandArguments(event.arguments).filter { !$0.role.hasPrefix("<") }
      types.append(TypeDeclaration(name: event.name, layer: event.layer, roles: roles))
    }
    for line in relationLines {
      let (name, rest) = Self.headAndRest(line)
      if name.hasPrefix("<") { continue }
      let arguments = expandArguments(rest)
      guard let from = arguments.first(where: { $0.role == "Arg1" }),
        let to = arguments.first(where: { $0.role == "Arg2" })
      else { continue }
      relations.append(Relation(name: name, from: from.types, to: to.types))
    }
    for line in attributeLines {
      let (name, rest) = Self.headAndRest(line)
      let arguments = Self.arguments(rest)
      let targets = arguments.first { $0.role == "Arg" }.map { expand($0.types) } ?? entityNames + eventNames
      let values = arguments.first { $0.role == "Value" }?.types ?? []
      attributes.append(
        Attribute(
          name: BratAttributeValue.decode(name), targets: targets, values: values.map(BratAttributeValue.decode)))
    }
  }

  private mutating func readComment(_ line: String, layer: inout String?) {
    func words(after prefix: String) -> [String] {
      line.dropFirst(prefix.count).split(whereSeparator: \.isWhitespace).map(String.init)
    }
    if line.hasPrefix(Self.layerComment) {
      layer = String(line.dropFirst(Self.layerComment.count)).trimmingCharacters(in: .whitespaces)
    } else if line.hasPrefix(Self.annotatorComment), case let parts = words(after: Self.annotatorComment),
      parts.count == 2
    {
      annotators[parts[0]] = BratAttributeValue.decode(parts[1])
    } else if line.hasPrefix(Self.attributeComment), case let parts = words(after: Self.attributeComment),
      parts.count == 2
    {
      attributeKinds[BratAttributeValue.decode(parts[0])] = parts[1]
    } else if line.hasPrefix(Self.noteComment), case let parts = words(after: Self.noteComment), parts.count == 2 {
      noteAttributes[parts[0]] = BratAttributeValue.decode(parts[1])
    }
  }

  /// The first word of a line and what follows it.
  private static func headAndRest(_ line: String) -> (String, String) {
    guard let gap = line.firstIndex(where: \.isWhitespace) else { return (line, "") }
    return (String(line[..<gap]), line[gap...].trimmingCharacters(in: .whitespaces))
  }

  private static func alternatives(_ text: String) -> [String] {
    text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// `Role1:A|B, Role2?:C` as written, without expanding types.
  private static func arguments(_ text: String) -> [Argument] {
    text.split(separator: ",").compactMap { piece in
      let parts = piece.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, !parts[0].isEmpty else { return nil }
      var role = parts[0]
      var cardinality = EventRoleSchema.Cardinality.one
      if let last = role.last, let mark = EventRoleSchema.Cardinality(rawValue: String(last)), mark != .one {
        cardinality = mark
        role.removeLast()
      }
      // brat's `{1-3}` repetition counts are read as "some".
      if let brace = role.firstIndex(of: "{") {
        role = String(role[..<brace])
        cardinality = .some
      }
      return Argument(role: role, cardinality: cardinality, types: alternatives(parts[1]))
    }
  }

  private func expandArguments(_ text: String) -> [Argument] {
    Self.arguments(text).map { argument in
      var expanded = argument
      expanded.types = expand(argument.types)
      return expanded
    }
  }

  /// Type names with macros, kinds and abstract types replaced by the usable types they stand for.
  private func expand(_ names: [String]) -> [String] {
    var result: [String] = []
    var seen: Set<String> = []
    var queue = names
    while !queue.isEmpty {
      let name = queue.removeFirst()
      guard seen.insert(name).inserted else { continue }
      switch name {
      case "<ENTITY>": queue += entityNames
      case "<EVENT>": queue += eventNames
      case "<ANY>": queue += entityNames + eventNames
      default:
        if let macro = macros[name] {
          queue += macro
          continue
        }
        if entityNames.contains(name) || eventNames.contains(name) { result.append(name) }
        queue += descendants[name] ?? []
      }
    }
    return result
  }
}
