import AnnotatorKit
import Foundation

/// A parsed `plugin.json`: identity, schema and commands shared by every kind, plus the raw document.
public struct PluginManifest: Sendable {
  /// The file name every plugin folder holds.
  public static let fileName = "plugin.json"

  public var id: String
  public var version: String
  public var kind: PluginKind
  public var description: String
  public var schema: LayerSchema
  public var commands: [AnnotatorCommand]
  /// The plugin folder; relative paths in the manifest are resolved against it.
  public var folder: String
  /// The `plugin.json` path, as errors show it.
  public var path: String
  /// The whole document, for the kind-specific members (`suggesters`, `command`, `timeout`).
  public var document: JSONObject

  /// Reads `folder/plugin.json`; `reservedNames` are command names the plugin may not take.
  public init(folder: String, reservedNames: Set<String> = []) throws(PluginError) {
    let path = (folder as NSString).appendingPathComponent(Self.fileName)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .manifest(path: path, problem: "cannot be read")
    }
    try self.init(bytes: [UInt8](data), path: path, folder: folder, reservedNames: reservedNames)
  }

  /// Parses manifest bytes; `path` and `folder` are only used for messages and relative paths.
  public init(bytes: [UInt8], path: String, folder: String, reservedNames: Set<String> = []) throws(PluginError) {
    let reader = ManifestReader(path: path)
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw reader.error("not valid JSON (\(error.description))")
    }
    guard let document = root.objectValue else { throw reader.error("the document must be a JSON object") }
    try ManifestVocabulary.check(document, reader: reader)

    let id = try reader.string(document, "id")
    guard Self.isValidID(id) else {
      throw reader.error(
        "\"id\" must be lower-case letters, digits, \".\", \"_\" or \"-\", "
          + "starting with a letter or digit (got \"\(id)\")"
      )
    }
    let version = try reader.string(document, "version")
    let kindName = try reader.string(document, "kind")
    guard let kind = PluginKind(rawValue: kindName), kind != .builtin else {
      throw reader.error("\"kind\" must be \"manifest\" or \"process\" (got \"\(kindName)\")")
    }
    let schema = try Self.schema(document["schema"], id: id, reader: reader)

    self.id = id
    self.version = version
    self.kind = kind
    self.description = try reader.optionalString(document, "description") ?? ""
    self.schema = schema
    self.commands = try Self.commands(document, schema: schema, reservedNames: reservedNames, reader: reader)
    self.folder = folder
    self.path = path
    self.document = document
  }

  /// Resolves a path from the manifest against the plugin folder.
  public func resolve(_ relative: String) -> String {
    relative.hasPrefix("/") ? relative : (folder as NSString).appendingPathComponent(relative)
  }

  /// Ids become layer names in project files and command output, so they stay plain.
  static func isValidID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, first.isLowerASCIIAlphanumeric else { return false }
    return id.unicodeScalars.allSatisfy { $0.isLowerASCIIAlphanumeric || $0 == "-" || $0 == "_" || $0 == "." }
  }

  private static func schema(_ value: JSONValue?, id: String, reader: ManifestReader) throws(PluginError) -> LayerSchema
  {
    guard let value else { throw reader.error("\"schema\" is missing") }
    guard let object = value.objectValue else { throw reader.error("\"schema\" must be an object") }
    // Checked here rather than left to LayerSchema so the message names the manifest field.
    guard let labels = object["labels"]?.arrayValue, !labels.isEmpty else {
      throw reader.error("\"schema.labels\" must be a non-empty array")
    }
    let schema: LayerSchema
    do {
      schema = try LayerSchema(json: value, layer: id)
    } catch .malformed(let reason) {
      throw reader.error("\"schema\": \(reason)")
    } catch {
      throw reader.error("\"schema\": \(error.description)")
    }
    guard schema.layer == id else {
      throw reader.error(
        "\"schema.layer\" is \"\(schema.layer)\" but the plugin id is \"\(id)\"; they must be the same")
    }
    for label in schema.labels {
      for attribute in label.attributes {
        guard let defaultValue = attribute.defaultValue else { continue }
        do {
          try attribute.check(defaultValue)
        } catch {
          throw reader.error("\"schema\": default of \(label.name).\(attribute.name): \(error.description)")
        }
      }
    }
    return schema
  }
}

extension Unicode.Scalar {
  fileprivate var isLowerASCIIAlphanumeric: Bool {
    ("a"..."z").contains(self) || ("0"..."9").contains(self)
  }
}
