import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Reads Prodigy span JSONL back: `text`, `meta`, `spans` (token indices optional), `answer`.
///
/// A span's layer is its `layer` key (written by Hashiya) or `--layer`, and its `attributes` key
/// (written by Hashiya) its attributes. The author is `_annotator_id` when present, and a
/// `hashiya_gold` task's spans are adjudicated. Tasks answered `reject` or `ignore` bring their text but no spans,
/// since their spans were judged wrong.
public enum ProdigyReader: AnnotatedFileReader {

  public static func read(
    path: String, request: ReadRequest, onBadRecord: (FormatError) throws -> Void,
    _ body: (ImportedReport) throws -> Void
  ) throws {
    let layer = request.layer
    try ExchangeSupport.forEachObjectLine(path: path, onBadRecord: onBadRecord) { task, location in
      let textString: String
      do throws(FormatError) {
        textString = try ExchangeSupport.string(task, "text")
      } catch {
        try onBadRecord(FormatError(location: location, reason: error.reason))
        return
      }
      let meta = task["meta"]?.objectValue ?? [:]
      let uid = meta["uid"]?.stringValue
      var imported = ImportedReport(
        report: ExchangeSupport.newReport(text: textString, title: meta["title"]?.stringValue, uid: uid),
        location: location)
      let author = task["_annotator_id"]?.stringValue ?? task["_session_id"]?.stringValue
      let origin = task[ExchangeSupport.goldField]?.boolValue == true ? ExchangeSupport.adjudicatedOrigin : nil
      let answer = task["answer"]?.stringValue ?? "accept"
      guard answer != "reject" && answer != "ignore" else {
        try body(imported)
        return
      }
      let text = ReportText(textString)
      guard let list = (task["spans"] ?? .array([])).arrayValue else {
        try onBadRecord(FormatError(location: location, reason: "\"spans\" must be an array"))
        return
      }
      for (number, value) in list.enumerated() {
        let spanLocation = "\(location) span \(number + 1)"
        do throws(FormatError) {
          guard let span = value.objectValue else {
            throw FormatError(location: "", reason: "a span must be an object")
          }
          let range = TextRange(try ExchangeSupport.int(span, "start"), try ExchangeSupport.int(span, "end"))
          let label = try ExchangeSupport.string(span, "label")
          let quote = try ExchangeSupport.quote(range, in: text)
          if let stated = span["text"]?.stringValue, stated != quote {
            throw FormatError(
              location: "",
              reason: "span text \"\(Excerpt.of(stated))\" does not match the text, which has \"\(Excerpt.of(quote))\"")
          }
          var spanLayer = span["layer"]?.stringValue ?? ""
          if spanLayer.isEmpty {
            spanLayer = try ExchangeSupport.requireLayer(layer, format: "Prodigy", location: spanLocation)
          }
          imported.annotations.append(
            ImportedAnnotation(
              key: String(number + 1), layer: spanLayer, label: label, range: range, quote: quote,
              attributes: span["attributes"]?.objectValue ?? [:], author: author, origin: origin, location: spanLocation
            ))
        } catch  where !error.location.isEmpty {
          // Only the missing --layer carries a location: the command's mistake, which stops the import.
          throw error
        } catch {
          try onBadRecord(FormatError(location: spanLocation, reason: error.reason))
        }
      }
      try body(ExchangeFragments.joined(imported))
    }
  }
}
