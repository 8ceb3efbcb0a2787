import AnnotatorKit
import Foundation

/// Building a lexicon suggester from its manifest member and optional TSV file.
extension LexiconSuggester {
  init(_ object: JSONObject, field: String, manifest: PluginManifest, reader: ManifestReader) throws(PluginError) {
    let schema = manifest.schema
    let label = try schema.checkedLabel(try reader.string(object, "label", in: field), field: field, reader: reader)
    let shared = try schema.checkedSuggestionAttributes(
      object["attributes"], label: label, field: "\(field).attributes", reader: reader)
    var entries: [Entry] = []
    for (index, value) in (try reader.optionalArray(object, "entries", in: field) ?? []).enumerated() {
      let entryField = "\(field).entries[\(index)]"
      if let text = value.stringValue {
        entries.append(Entry(text: text, attributes: shared))
        continue
      }
      let entry = try reader.object(value, entryField)
      let text = try reader.string(entry, "text", in: entryField)
      let own = try schema.checkedSuggestionAttributes(
        entry["attributes"], label: label, field: "\(entryField).attributes", reader: reader)
      entries.append(Entry(text: text, attributes: shared.merging(own) { $1 }))
    }
    if let file = try reader.optionalString(object, "lexiconFile", in: field) {
      entries += try Self.readTSV(manifest.resolve(file), label: label, shared: shared, schema: schema)
    }
    for (index, entry) in entries.enumerated() where ArabicFolding.foldedString(entry.text).isEmpty {
      throw reader.error("\"\(field)\": entry \(index + 1) has no letters to match")
    }
    guard !entries.isEmpty else {
      throw reader.error("\"\(field)\" needs \"entries\" or a \"lexiconFile\" with at least one term")
    }
    self.init(label: label, entries: entries, score: try reader.score(object, in: field, default: 0.9))
  }

  /// Reads `term<TAB>{"attribute": value}` lines; blank lines and lines starting with `#` are skipped.
  static func readTSV(
    _ path: String, label: String, shared: [String: JSONValue], schema: LayerSchema
  ) throws(PluginError) -> [Entry] {
    let reader = ManifestReader(path: path)
    guard let data = FileManager.default.contents(atPath: path) else { throw reader.error("cannot be read") }
    guard let text = String(validating: data, as: UTF8.self) else { throw reader.error("is not valid UTF-8") }
    var entries: [Entry] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = line.hasSuffix("\r") ? line.dropLast() : line
      if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
      let columns = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
      let term = columns[0].trimmingCharacters(in: .whitespaces)
      guard !term.isEmpty else { throw reader.error("line \(index + 1): the term is empty") }
      var attributes = shared
      if columns.count > 1, !columns[1].allSatisfy(\.isWhitespace) {
        let value: JSONValue
        do {
          value = try JSONParser.parse(String(columns[1]))
        } catch {
          throw reader.error("line \(index + 1): the attributes are not valid JSON (\(error.description))")
        }
        let own = try schema.checkedSuggestionAttributes(
          value, label: label, field: "line \(index + 1) attributes", reader: reader)
        attributes.merge(own) { $1 }
      }
      entries.append(Entry(text: term, attributes: attributes))
    }
    return entries
  }
}
