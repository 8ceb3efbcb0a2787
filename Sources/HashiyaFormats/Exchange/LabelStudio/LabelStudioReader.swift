import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// Reads a Label Studio task array (or one task) back: `labels` results become annotations and
/// `relation` results links.
///
/// Offsets are UTF-16 code units and are converted to scalars; one that falls inside a surrogate
/// pair is refused. A span's layer is its `from_name` when that names a layer the session knows or
/// the label config declares (`--schema`, else `label_config.xml` beside the file; it also gives
/// the schemas of layers the session does not know), else `--layer`. Per-region `choices`,
/// `textarea` and `number` results with a span's id are its attributes. The author is
/// `completed_by` (a name, a user id, or an object with `email`/`username`), and a gold
/// annotation's spans are adjudicated: one `hashiya_gold` lists, else (a task Hashiya did not
/// write) one marked `ground_truth`. Keys are result ids, with the label appended for a region
/// that carries several labels.
public enum LabelStudioReader: AnnotatedFileReader {
  public static func read(
    path: String, request: ReadRequest, onBadRecord: (FormatError) throws -> Void,
    _ body: (ImportedReport) throws -> Void
  ) throws {
    let layer = request.layer
    let name = (path as NSString).lastPathComponent
    var schemas = request.knownSchemas
    if let configPath = ExchangeSupport.schemaFile(for: path, request: request, named: LabelStudioConfig.fileName) {
      try request.adopt(try LabelStudioConfig.schemas(path: configPath), into: &schemas)
    }
    let document: JSONValue
    do {
      document = try JSONParser.parse(try ExchangeSupport.readText(path: path))
    } catch let error as JSONParseError {
      throw FormatError(location: name, reason: "not valid JSON (\(error.description))")
    }
    let tasks: [JSONValue]
    switch document {
    case .array(let array): tasks = array
    case .object: tasks = [document]
    default: throw FormatError(location: name, reason: "expected an array of Label Studio tasks")
    }
    for (number, task) in tasks.enumerated() {
      let location = "\(name):task \(number + 1)"
      guard let data = task["data"]?.objectValue, let textString = data["text"]?.stringValue else {
        try onBadRecord(FormatError(location: location, reason: "missing \"data\".\"text\""))
        continue
      }
      var report = ExchangeSupport.newReport(
        text: textString, title: data["title"]?.stringValue, uid: data["hashiya_uid"]?.stringValue)
      // The task's other data fields are the report's metadata, written back on export.
      let metadata = data.pairs.filter { !LabelStudioFormat.ownFields.contains($0.key) }
      if !metadata.isEmpty { report.metadataJSON = JSONWriter.string(.object(JSONObject(metadata))) }
      let authors = data[LabelStudioFormat.authorsField]?.arrayValue?.map(\.stringValue) ?? []
      let golds = data[ExchangeSupport.goldField]?.arrayValue?.map { $0.boolValue == true } ?? []
      var imported = ImportedReport(report: report, location: location)
      let text = ReportText(textString)
      // Older Label Studio exports call annotations "completions".
      let annotations = (task["annotations"] ?? task["completions"])?.arrayValue ?? []
      var relations: [(JSONObject, String?, String)] = []
      for (index, annotation) in annotations.enumerated() {
        // A Label Studio user id says less than the name Hashiya recorded for the same annotation.
        let recorded = index < authors.count ? authors[index] : nil
        let given = annotation["completed_by"]
        let author = given == nil || given?.intValue != nil ? recorded ?? Self.author(given) : Self.author(given)
        // Label Studio marks every annotation it imports ground truth: a task Hashiya wrote says which are.
        let gold =
          data[LabelStudioFormat.authorsField] != nil
          ? index < golds.count && golds[index] : annotation["ground_truth"]?.boolValue == true
        let origin = gold ? ExchangeSupport.adjudicatedOrigin : nil
        // Per-region results may come before their span's, so they are applied once all spans are read.
        var perRegion: [(id: String, result: JSONObject)] = []
        let first = imported.annotations.count
        for result in annotation["result"]?.arrayValue ?? [] {
          guard let object = result.objectValue else {
            try onBadRecord(FormatError(location: location, reason: "a result must be an object"))
            continue
          }
          let id = ExchangeSupport.idKey(object["id"]) ?? "?"
          let resultLocation = "\(location) result \(Excerpt.of(id))"
          if object["type"]?.stringValue == "relation" {
            relations.append((object, author, "\(location) relation \(relations.count + 1)"))
            continue
          }
          guard let labels = object["value"]?["labels"]?.arrayValue else {
            perRegion.append((id, object))
            continue
          }
          let control = object["from_name"]?.stringValue ?? ""
          // A missing layer is the command's mistake, not the record's, so it stops the import.
          let spanLayer =
            schemas[control] != nil
            ? control : try ExchangeSupport.requireLayer(layer, format: "Label Studio", location: resultLocation)
          do throws(FormatError) {
            guard id != "?" else { throw FormatError(location: "", reason: "missing \"id\"") }
            let range = try Self.range(object["value"], in: text)
            let quote = try ExchangeSupport.quote(range, in: text)
            if let stated = object["value"]?["text"]?.stringValue, stated != quote {
              throw FormatError(
                location: "",
                reason: "text \"\(Excerpt.of(stated))\" does not match the text, which has \"\(Excerpt.of(quote))\"")
            }
            for label in labels {
              guard let label = label.stringValue else {
                throw FormatError(location: "", reason: "labels must be strings")
              }
              let key = labels.count == 1 ? id : "\(id)/\(label)"
              guard !imported.annotations.contains(where: { $0.key == key }) else {
                throw FormatError(location: "", reason: "result id \(Excerpt.of(id)) is used twice")
              }
              imported.annotations.append(
                ImportedAnnotation(
                  key: key, layer: spanLayer, label: label, range: range, quote: quote, author: author,
                  origin: origin, location: resultLocation))
            }
          } catch {
            try onBadRecord(FormatError(location: resultLocation, reason: error.reason))
          }
        }
        for index in imported.annotations.indices.dropFirst(first) {
          let span = imported.annotations[index]
          for (id, result) in perRegion where span.key == id || span.key.hasPrefix(id + "/") {
            let control = result["from_name"]?.stringValue ?? ""
            let name = LabelStudioConfig.attributeName(control: control, layer: span.layer, label: span.label)
            let kind = schemas[span.layer]?.label(span.label)?.attribute(name)?.kind
            if let value = Self.attributeValue(result["value"], kind: kind) {
              imported.annotations[index].attributes[name] = value
            }
          }
        }
      }
      let known = Set(imported.annotations.map(\.key))
      for (relation, author, relationLocation) in relations {
        let from = ExchangeSupport.idKey(relation["from_id"]) ?? ""
        let to = ExchangeSupport.idKey(relation["to_id"]) ?? ""
        guard let missing = [from, to].first(where: { !known.contains($0) }) else {
          let type = relation["labels"]?[0]?.stringValue ?? "related"
          imported.links.append(ImportedLink(type: type, from: from, to: to, author: author))
          continue
        }
        try onBadRecord(
          FormatError(
            location: relationLocation, reason: "refers to result \"\(Excerpt.of(missing))\", which is not a span here")
        )
      }
      ExchangeFragments.restoringTies(data[ExchangeFragments.piecesField], in: &imported)
      try body(ExchangeFragments.joined(imported))
    }
  }

  /// The scalar range of a result's UTF-16 `start`/`end`.
  private static func range(_ value: JSONValue?, in text: ReportText) throws(FormatError) -> TextRange {
    guard let start = value?["start"]?.intValue, let end = value?["end"]?.intValue else {
      throw FormatError(location: "", reason: "\"value\" needs integer \"start\" and \"end\"")
    }
    guard TextRange(start, end).fits(in: text.utf16Count) else {
      throw FormatError(
        location: "", reason: "UTF-16 offsets \(start)..\(end) fall outside the text (0..\(text.utf16Count))")
    }
    guard let scalarStart = text.scalarOffset(ofUTF16: start), let scalarEnd = text.scalarOffset(ofUTF16: end) else {
      throw FormatError(location: "", reason: "UTF-16 offsets \(start)..\(end) fall inside a surrogate pair")
    }
    return TextRange(scalarStart, scalarEnd)
  }

  /// A per-region result's value as an attribute of `kind` (when the schema is known): a choice,
  /// text areas' lines, or a number; nil for result types that are no attribute.
  private static func attributeValue(_ value: JSONValue?, kind: AttributeSchema.Kind?) -> JSONValue? {
    if let choices = value?["choices"]?.arrayValue?.compactMap(\.stringValue), !choices.isEmpty {
      switch kind {
      case .boolean?: return .bool(choices[0] == "true")
      case .enumeration? where choices.count == 1: return .string(choices[0])
      default: return .string(choices.joined(separator: ", "))
      }
    }
    if let lines = value?["text"]?.arrayValue?.compactMap(\.stringValue) {
      return .string(lines.joined(separator: "\n"))
    }
    return value?["number"] ?? value?["rating"]
  }

  /// `completed_by` as Label Studio spells it in its various versions.
  private static func author(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let name): return name
    case .int(let id): return "user-\(id)"
    case .object(let user):
      return user["email"]?.stringValue ?? user["username"]?.stringValue ?? user["id"]?.intValue.map { "user-\($0)" }
    default: return nil
    }
  }
}
