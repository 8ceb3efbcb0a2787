import AnnotatorKit
import Foundation

/// doccano's label list (what its "export labels" writes), made from layer schemas and read back into them,
/// and the record fields Hashiya adds so that a doccano file keeps layers and authors.
///
/// doccano has no layers: every Hashiya label is a doccano label of the same name, or `LAYER/LABEL` when two
/// exported layers share the label. Each list entry names its layer in `hashiya_layer`, and each record maps its
/// labels to layers in `hashiya_layers`; doccano ignores the first and keeps the second as record metadata.
enum DoccanoLabelList {
  /// The label list's name beside a doccano file, where export writes it and import looks for it.
  static let fileName = "label_config.json"
  /// The record field mapping each doccano label to its layer.
  static let layersField = "hashiya_layers"
  /// The record field naming the record's annotator.
  static let authorField = "hashiya_author"
  /// The label list entry's field naming its layer.
  static let layerField = "hashiya_layer"
  /// The colour name whose palette colour `hex` is, else cyan.
  static func colourName(hex: String?) -> String {
    HTMLColour.palette.first { $0.hex.caseInsensitiveCompare(hex ?? "") == .orderedSame }?.name ?? "cyan"
  }

  /// The doccano label for `label` of `layer`: qualified by the layer when another of `schemas` has the label too.
  static func doccanoLabel(_ label: String, layer: String, schemas: [LayerSchema]) -> String {
    let sharing = schemas.filter { $0.label(label) != nil }
    return sharing.count > 1 && sharing.contains { $0.layer == layer } ? "\(layer)/\(label)" : label
  }

  /// The Hashiya label a doccano label of `layer` stands for.
  static func hashiyaLabel(_ doccanoLabel: String, layer: String) -> String {
    doccanoLabel.hasPrefix(layer + "/") ? String(doccanoLabel.dropFirst(layer.count + 1)) : doccanoLabel
  }

  /// The label list for `schemas`, as doccano's "import labels" reads it.
  static func text(for schemas: [LayerSchema]) -> String {
    var entries: [JSONValue] = []
    for schema in schemas {
      for label in schema.labels {
        // An unknown colour name is shown as cyan, the palette's last.
        let colour = HTMLColour.palette.first { $0.name == label.colour } ?? HTMLColour.palette.last
        entries.append(
          .object([
            "id": .int(entries.count + 1),
            "text": .string(doccanoLabel(label.name, layer: schema.layer, schemas: schemas)),
            "prefix_key": .null, "suffix_key": label.key.map(JSONValue.string) ?? .null,
            "background_color": colour.map { .string($0.hex) } ?? .null,
            "text_color": "#ffffff", layerField: .string(schema.layer),
          ]))
      }
    }
    return JSONWriter.string(.array(entries), pretty: true) + "\n"
  }

  /// The schemas a label list declares for layers not in `known`: each entry's layer is its `hashiya_layer`,
  /// else `defaultLayer` (`--layer`).
  static func schemas(path: String, defaultLayer: String?, known: [String: LayerSchema]) throws(FormatError)
    -> [LayerSchema]
  {
    let name = (path as NSString).lastPathComponent
    let document: JSONValue
    do {
      document = try JSONParser.parse(try ExchangeSupport.readText(path: path))
    } catch let error as JSONParseError {
      throw FormatError(location: name, reason: "not valid JSON (\(error.description))")
    } catch let error as FormatError {
      throw error
    } catch {
      throw FormatError(location: name, reason: "cannot be read")
    }
    guard let entries = document.arrayValue else {
      throw FormatError(location: name, reason: "a doccano label list is a JSON array of {\"text\": …} objects")
    }
    var schemas: [LayerSchema] = []
    for (number, entry) in entries.enumerated() {
      let location = "\(name) label \(number + 1)"
      guard let object = entry.objectValue, let text = object["text"]?.stringValue, !text.isEmpty else {
        throw FormatError(location: location, reason: "each label needs a non-empty \"text\"")
      }
      guard let layer = object[layerField]?.stringValue ?? defaultLayer, !layer.isEmpty else {
        throw FormatError(
          location: location, reason: "doccano labels have no layers: name the layer they belong to with --layer")
      }
      guard known[layer] == nil else { continue }
      let label = LabelSchema(
        name: hashiyaLabel(text, layer: layer), description: "From the doccano label list \(name).",
        colour: colourName(hex: object["background_color"]?.stringValue),
        key: object["suffix_key"]?.stringValue.flatMap { $0.count == 1 ? $0 : nil })
      if let index = schemas.firstIndex(where: { $0.layer == layer }) {
        guard schemas[index].label(label.name) == nil else {
          throw FormatError(location: location, reason: "label \(Excerpt.of(text)) is listed twice")
        }
        schemas[index].labels.append(label)
      } else {
        schemas.append(LayerSchema(layer: layer, description: "From the doccano label list \(name).", labels: [label]))
      }
    }
    return schemas
  }
}
