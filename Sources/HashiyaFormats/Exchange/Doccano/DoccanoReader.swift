import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Reads doccano JSONL: `entities` and `relations`, or the older `"label": [[start, end, "LABEL"], …]`.
///
/// Offsets are taken as code points (current doccano). A label's layer is what the record's
/// `hashiya_layers` says (a Hashiya export), else `--layer`; the author is `hashiya_author`, and a
/// `hashiya_gold` record's spans are adjudicated. A label list (`--schema`, else
/// `label_config.json` beside the file) gives the schemas of layers the session does not know.
/// Keys are the entity ids, or `1`, `2`… in the older form.
public enum DoccanoReader: AnnotatedFileReader {
  public static func read(
    path: String, request: ReadRequest, onBadRecord: (FormatError) throws -> Void,
    _ body: (ImportedReport) throws -> Void
  ) throws {
    let layer = request.layer
    if let listPath = ExchangeSupport.schemaFile(for: path, request: request, named: DoccanoLabelList.fileName) {
      let schemas = try DoccanoLabelList.schemas(path: listPath, defaultLayer: layer, known: request.knownSchemas)
      if !schemas.isEmpty { try request.onSchemas(schemas) }
    }
    try ExchangeSupport.forEachObjectLine(path: path, onBadRecord: onBadRecord) { record, location in
      let textString: String
      do throws(FormatError) {
        textString = try ExchangeSupport.string(record, "text")
      } catch {
        try onBadRecord(FormatError(location: location, reason: error.reason))
        return
      }
      var imported = ImportedReport(
        report: ExchangeSupport.newReport(
          text: textString, title: record["title"]?.stringValue, uid: record["hashiya_uid"]?.stringValue),
        location: location)
      let text = ReportText(textString)
      let entities = entityList(record)
      let layers = record[DoccanoLabelList.layersField]?.objectValue ?? [:]
      let author = record[DoccanoLabelList.authorField]?.stringValue
      let origin = record[ExchangeSupport.goldField]?.boolValue == true ? ExchangeSupport.adjudicatedOrigin : nil
      var keys: Set<String> = []
      for (number, entity) in entities.enumerated() {
        let entityLocation = "\(location) entity \(number + 1)"
        do throws(FormatError) {
          let (key, label, range) = try parseEntity(entity, number: number)
          guard keys.insert(key).inserted else {
            throw FormatError(location: "", reason: "entity id \(Excerpt.of(key)) is used twice")
          }
          let quote = try ExchangeSupport.quote(range, in: text)
          let mapped = layers[label]?.stringValue
          // A missing layer is the command's mistake, not the record's, so it stops the import.
          let entityLayer: String
          if let mapped {
            entityLayer = mapped
          } else {
            entityLayer = try ExchangeSupport.requireLayer(layer, format: "doccano", location: location)
          }
          // Only a label Hashiya mapped to its layer can carry that layer's prefix.
          let entityLabel = mapped == nil ? label : DoccanoLabelList.hashiyaLabel(label, layer: entityLayer)
          imported.annotations.append(
            ImportedAnnotation(
              key: key, layer: entityLayer, label: entityLabel, range: range, quote: quote, author: author,
              origin: origin, location: entityLocation))
        } catch  where !error.location.isEmpty {
          throw error
        } catch {
          try onBadRecord(FormatError(location: entityLocation, reason: error.reason))
        }
      }
      let known = Set(imported.annotations.map(\.key))
      for (number, relation) in (record["relations"]?.arrayValue ?? []).enumerated() {
        do throws(FormatError) {
          guard let object = relation.objectValue else {
            throw FormatError(location: "", reason: "a relation must be an object")
          }
          let type = try ExchangeSupport.string(object, "type")
          guard let from = ExchangeSupport.idKey(object["from_id"]), let to = ExchangeSupport.idKey(object["to_id"])
          else {
            throw FormatError(location: "", reason: "missing \"from_id\" or \"to_id\"")
          }
          for id in [from, to] where !known.contains(id) {
            throw FormatError(location: "", reason: "refers to entity \(Excerpt.of(id)), which is not in this record")
          }
          imported.links.append(ImportedLink(type: type, from: from, to: to, author: author))
        } catch {
          try onBadRecord(FormatError(location: "\(location) relation \(number + 1)", reason: error.reason))
        }
      }
      ExchangeFragments.restoringTies(record[ExchangeFragments.piecesField], in: &imported)
      try body(ExchangeFragments.joined(imported))
    }
  }

  /// The entities in either spelling; a record with neither has none.
  private static func entityList(_ record: JSONObject) -> [JSONValue] {
    if let entities = record["entities"]?.arrayValue { return entities }
    return record["label"]?.arrayValue ?? []
  }

  private static func parseEntity(_ entity: JSONValue, number: Int) throws(FormatError) -> (String, String, TextRange) {
    if let triple = entity.arrayValue {
      guard triple.count == 3, let start = triple[0].intValue, let end = triple[1].intValue,
        let label = triple[2].stringValue
      else {
        throw FormatError(location: "", reason: "a label must be [start, end, \"LABEL\"]")
      }
      return (String(number + 1), label, TextRange(start, end))
    }
    guard let object = entity.objectValue else {
      throw FormatError(location: "", reason: "an entity must be an object")
    }
    guard let key = ExchangeSupport.idKey(object["id"]) else {
      throw FormatError(location: "", reason: "missing \"id\"")
    }
    let label = try ExchangeSupport.string(object, "label")
    let range = TextRange(
      try ExchangeSupport.int(object, "start_offset"), try ExchangeSupport.int(object, "end_offset"))
    return (key, label, range)
  }
}
