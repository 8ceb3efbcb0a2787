import AnnotatorKit
import Foundation

/// brat's `annotation.conf`, written from the layer schemas and read back for the label → layer map.
///
/// brat has no layers: every Hashiya label becomes a brat entity type of the same name. So that a
/// round trip keeps layers, the `[entities]` section groups labels under `# layer: NAME` comments,
/// which brat ignores; a label listed under two layers is ambiguous and falls back to `--layer`.
enum BratConfiguration {
  static let fileName = "annotation.conf"
  static let layerComment = "# layer: "

  /// The configuration text for `schemas`.
  static func text(for schemas: [LayerSchema]) -> String {
    var lines = [
      "# Written by Hashiya. Entity types are Hashiya labels; the \"# layer:\" comments say which",
      "# layer each came from. Free-text attributes cannot be declared in brat and are listed as comments.",
      "[entities]",
    ]
    for schema in schemas {
      lines.append(layerComment + schema.layer)
      lines += schema.labels.map { BratExporter.typeName($0.name) }
    }
    lines += ["", "[relations]"]
    for schema in schemas {
      for link in schema.linkTypes {
        let from = link.from.map(BratExporter.typeName).joined(separator: "|")
        let to = link.to.map(BratExporter.typeName).joined(separator: "|")
        lines.append("\(BratExporter.typeName(link.name))\tArg1:\(from), Arg2:\(to)")
      }
    }
    // Hashiya allows any spans to overlap (layers annotate the same words); brat refuses that unless told.
    lines.append("<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>")
    lines += ["", "[events]", "", "[attributes]"]
    lines += attributeLines(for: schemas)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The label → layer map from a configuration's `# layer:` comments.
  static func layers(inConfiguration text: String) -> [String: String] {
    var map: [String: String] = [:]
    var ambiguous: Set<String> = []
    var section = ""
    var layer: String?
    for raw in text.split(whereSeparator: \.isNewline) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("[") {
        section = line
        layer = nil
      } else if line.hasPrefix(layerComment) {
        layer = String(line.dropFirst(layerComment.count)).trimmingCharacters(in: .whitespaces)
      } else if section == "[entities]", let layer, !line.isEmpty, !line.hasPrefix("#") {
        let label = String(line.split(whereSeparator: \.isWhitespace)[0])
        if let known = map[label], known != layer { ambiguous.insert(label) }
        map[label] = layer
      }
    }
    for label in ambiguous { map[label] = nil }
    return map
  }

  /// One line per attribute name: brat attribute names are global, so labels sharing a name share a line.
  private static func attributeLines(for schemas: [LayerSchema]) -> [String] {
    var order: [String] = []
    var labels: [String: [String]] = [:]
    var values: [String: [String]] = [:]
    var declarable: [String: Bool] = [:]
    for schema in schemas {
      for label in schema.labels {
        for attribute in label.attributes where attribute.role != .note {
          if labels[attribute.name] == nil { order.append(attribute.name) }
          labels[attribute.name, default: []].append(BratExporter.typeName(label.name))
          let (canDeclare, list) = valueList(attribute.kind)
          declarable[attribute.name] = (declarable[attribute.name] ?? true) && canDeclare
          for value in list where !(values[attribute.name] ?? []).contains(value) {
            values[attribute.name, default: []].append(value)
          }
        }
      }
    }
    return order.map { name in
      let args = "Arg:" + (labels[name] ?? []).joined(separator: "|")
      let list = values[name] ?? []
      let line = list.isEmpty ? "\(name)\t\(args)" : "\(name)\t\(args), Value:\(list.joined(separator: "|"))"
      return declarable[name] == true ? line : "# \(line)\t(free text)"
    }
  }

  /// Whether brat can declare an attribute of this kind, and its value list (empty for a flag).
  private static func valueList(_ kind: AttributeSchema.Kind) -> (Bool, [String]) {
    switch kind {
    case .boolean:
      return (true, [])
    case .enumeration(let names):
      return (true, names.map(BratAttributeValue.encode))
    case .number(let min?, let max?, true) where max - min < 50:
      return (true, stride(from: Int(min), through: Int(max), by: 1).map(String.init))
    case .number, .text, .reference:
      return (false, [])
    }
  }
}
