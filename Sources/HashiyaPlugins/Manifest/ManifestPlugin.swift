import AnnotatorKit

/// An annotator defined entirely by `plugin.json`: a schema, commands and lexicon/regex suggesters.
public struct ManifestPlugin: Annotator {
  public let manifest: PluginManifest
  let lexicons: [LexiconSuggester]
  let patterns: [PatternSuggester]

  /// Checks every suggester against the schema; a bad label, regex or lexicon file is a load error.
  public init(manifest: PluginManifest) throws(PluginError) {
    let reader = ManifestReader(path: manifest.path)
    guard manifest.kind == .manifest else {
      throw reader.error("\"kind\" is \"\(manifest.kind.rawValue)\", not \"manifest\"")
    }
    var lexicons: [LexiconSuggester] = []
    var patterns: [PatternSuggester] = []
    let values = try reader.optionalArray(manifest.document, "suggesters") ?? []
    for (index, value) in values.enumerated() {
      let field = "suggesters[\(index)]"
      let object = try reader.object(value, field)
      let type = try reader.string(object, "type", in: field)
      switch type {
      case "lexicon":
        lexicons.append(try LexiconSuggester(object, field: field, manifest: manifest, reader: reader))
      case "regex":
        patterns.append(try PatternSuggester(object, field: field, schema: manifest.schema, reader: reader))
      default:
        throw reader.error("\"\(field).type\" must be \"lexicon\" or \"regex\" (got \"\(type)\")")
      }
    }
    self.manifest = manifest
    self.lexicons = lexicons
    self.patterns = patterns
  }

  public var id: String { manifest.id }
  public var version: String { manifest.version }
  public var schema: LayerSchema { manifest.schema }
  public var commands: [AnnotatorCommand] { manifest.commands }

  public func suggest(_ report: ReportInput) throws -> [Suggestion] {
    try suggest(batch: [report])[0]
  }

  public func suggest(batch reports: [ReportInput]) throws -> [[Suggestion]] {
    try reports.map { report in
      var found = lexicons.flatMap { $0.suggestions(in: report.text) }
      for pattern in patterns {
        found += try pattern.suggestions(in: report.text)
      }
      return Self.deduplicated(found)
    }
  }

  /// In text order; when two rules propose the same label on the same span, the first rule wins.
  static func deduplicated(_ suggestions: [Suggestion]) -> [Suggestion] {
    var seen = Set<SpanKey>()
    let unique = suggestions.filter { seen.insert(SpanKey(label: $0.label, range: $0.range)).inserted }
    return unique.enumerated().sorted { a, b in
      a.element.range == b.element.range ? a.offset < b.offset : a.element.range < b.element.range
    }.map(\.element)
  }

  private struct SpanKey: Hashable {
    var label: String
    var range: TextRange
  }
}
