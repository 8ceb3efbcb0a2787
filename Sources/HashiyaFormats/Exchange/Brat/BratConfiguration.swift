import AnnotatorKit
import Foundation

/// brat's `annotation.conf`, written from the layer schemas (read back by `BratConfigurationFile`).
///
/// brat has no layers: every Hashiya label becomes a brat entity or event type of the same name.
/// So that a round trip keeps layers, types are grouped under `# layer: NAME` comments, which
/// brat ignores; a label listed under two layers is ambiguous and falls back to `--layer`. Other
/// comments say what brat cannot: each annotator's folder, attribute kinds, note attributes.
enum BratConfiguration {
  static let fileName = "annotation.conf"

  /// The configuration text for `schemas`; `tokens` are the attribute values the `.ann` files
  /// carry, by attribute name, and `annotators` each annotator folder with its annotator.
  static func text(
    for schemas: [LayerSchema], tokens: [String: Set<String>] = [:], annotators: [(String, String)] = []
  ) -> String {
    var lines = [
      "# Written by Hashiya. Entity and event types are Hashiya labels; the \"# layer:\" comments say",
      "# which layer each came from, \"# annotator:\" whose annotations each folder holds.",
    ]
    lines += annotators.map { "\(BratConfigurationFile.annotatorComment)\($0.0) \(BratAttributeValue.encode($0.1))" }
    lines.append("[entities]")
    for schema in schemas {
      lines.append(BratConfigurationFile.layerComment + schema.layer)
      lines += schema.labels.filter { $0.eventRoles == nil }.map { BratExporter.typeName($0.name) }
    }
    lines += ["", "[relations]"]
    for schema in schemas {
      let roles = Set(schema.labels.flatMap { $0.eventRoles ?? [] }.map(\.name))
      for link in schema.linkTypes where !roles.contains(link.name) {
        let from = link.from.map(BratExporter.typeName).joined(separator: "|")
        let to = link.to.map(BratExporter.typeName).joined(separator: "|")
        lines.append("\(BratExporter.typeName(link.name))\tArg1:\(from), Arg2:\(to)")
      }
    }
    // Hashiya allows any spans to overlap (layers annotate the same words); brat refuses that unless told.
    lines.append("<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>")
    lines += ["", "[events]"]
    for schema in schemas where schema.labels.contains(where: { $0.eventRoles != nil }) {
      lines.append(BratConfigurationFile.layerComment + schema.layer)
      for label in schema.labels {
        guard let roles = label.eventRoles else { continue }
        let arguments = roles.map { role in
          let types = role.labels.map(BratExporter.typeName).joined(separator: "|")
          return "\(BratExporter.typeName(role.name))\(role.cardinality.rawValue):\(types)"
        }
        let name = BratExporter.typeName(label.name)
        lines.append(arguments.isEmpty ? name : "\(name)\t\(arguments.joined(separator: ", "))")
      }
    }
    lines += ["", "[attributes]"]
    lines += attributeLines(for: schemas, tokens: tokens)
    return lines.joined(separator: "\n") + "\n"
  }

  /// One line per attribute name: brat attribute names are global, so labels sharing a name share a line.
  ///
  /// brat declares only flags and fixed value lists; for free text, numbers and references the
  /// values the `.ann` files carry are the list (brat checks values against it, so every value
  /// written is declared), and a `# attribute:` comment keeps the kind for the import.
  private static func attributeLines(for schemas: [LayerSchema], tokens: [String: Set<String>]) -> [String] {
    var order: [String] = []
    var labels: [String: [String]] = [:]
    var values: [String: [String]] = [:]
    var kinds: [String: String] = [:]
    var notes: [String] = []
    for schema in schemas {
      for label in schema.labels {
        for attribute in label.attributes {
          if attribute.role == .note {
            notes.append(
              BratConfigurationFile.noteComment + BratExporter.typeName(label.name) + " "
                + BratAttributeValue.encode(attribute.name))
            continue
          }
          let name = BratAttributeValue.encode(attribute.name)
          if labels[name] == nil { order.append(name) }
          labels[name, default: []].append(BratExporter.typeName(label.name))
          let (kind, list) = valueList(attribute.kind)
          if let kind { kinds[name] = kind }
          for value in list where !(values[name] ?? []).contains(value) { values[name, default: []].append(value) }
        }
      }
    }
    var lines: [String] = []
    for name in order {
      let list = (values[name] ?? []) + (tokens[name] ?? []).subtracting(values[name] ?? []).sorted()
      let args = "Arg:" + (labels[name] ?? []).joined(separator: "|")
      if let kind = kinds[name] {
        lines.append("\(BratConfigurationFile.attributeComment)\(name) \(kind)")
        // A kind brat lacks with no value written: no .ann uses it, and brat would read it as a flag.
        if list.isEmpty {
          lines.append("# \(name)\t\(args)")
          continue
        }
      }
      lines.append(list.isEmpty ? "\(name)\t\(args)" : "\(name)\t\(args), Value:\(list.joined(separator: "|"))")
    }
    return lines + notes
  }

  /// The Hashiya kind brat lacks (nil for a flag or a choice) and the values brat can list for it.
  private static func valueList(_ kind: AttributeSchema.Kind) -> (String?, [String]) {
    switch kind {
    case .boolean:
      return (nil, [])
    case .enumeration(let names):
      return (nil, names.map(BratAttributeValue.encode))
    case .number(let min?, let max?, true) where max - min < 50:
      return ("integer", stride(from: Int(min), through: Int(max), by: 1).map(String.init))
    case .number(_, _, let integer):
      return (integer ? "integer" : "number", [])
    case .text:
      return ("text", [])
    case .reference:
      return ("reference", [])
    }
  }
}
