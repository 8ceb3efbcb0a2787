import AnnotatorKit
import HashiyaModel
import HashiyaStore

extension Completion {
  /// Columns the quote takes in a handle's preview, as in `ls`.
  static let quoteColumns = 40

  /// The handles of the current report's annotations this user may see, each previewed as
  /// `layer/label  «quote»`.
  static func handles(_ word: String, session: Session) -> [CompletionCandidate] {
    guard let report = session.currentReportID,
      let annotations = try? session.visibleAnnotations(AnnotationFilter(reportID: report))
    else { return [] }
    let matching = annotations.filter { "#\($0.id)".hasPrefix(word) }.sorted { $0.id < $1.id }
    let kinds = matching.map { "\($0.layer)/\($0.label)".visiblyEscaped }
    let width = kinds.map(DisplayWidth.of).max() ?? 0
    return zip(matching, kinds).map { annotation, kind in
      let quote = BidiIsolation.isolate(
        "«" + DisplayWidth.truncate(oneLine(annotation.displayQuote), to: quoteColumns) + "»")
      return CompletionCandidate(text: "#\(annotation.id)", preview: DisplayWidth.pad(kind, to: width) + "  " + quote)
    }
  }

  /// The annotation `#N` names, if this user may see it.
  static func annotation(_ handle: String, session: Session) -> Annotation? {
    guard handle.hasPrefix("#"), let id = Int(handle.dropFirst()) else { return nil }
    return try? session.visibleAnnotation(id)
  }

  /// `key=` for the attributes of `label` on `layer` (any label's when it is not one), and
  /// `key=value` for the values an enumerated or boolean attribute allows.
  static func attributes(layer: String, label: String, word: String, session: Session) -> [CompletionCandidate] {
    guard let schema = session.catalog.plugin(layer)?.annotator.schema else { return [] }
    let declared = schema.label(namedOrKeyed: label)?.attributes ?? schema.labels.flatMap(\.attributes)
    guard let equals = word.firstIndex(of: "=") else {
      let keys = declared.map { $0.name + "=" }.filter { $0.hasPrefix(word) }
      return keys.map { CompletionCandidate(text: $0, endsWord: false) }
    }
    guard let attribute = declared.first(where: { $0.name == word[..<equals] }) else { return [] }
    let values: [String]
    switch attribute.kind {
    case .enumeration(let allowed): values = allowed
    case .boolean: values = ["true", "false"]
    case .text, .number, .reference: values = []
    }
    return .init(values.map { attribute.name + "=" + $0 }, startingWith: word)
  }
}
