import AnnotatorKit
import Testing

/// Runs an annotator on `string` as report #1.
public func suggestions(_ annotator: some Annotator, for string: String, language: String = "ar") throws -> (
  ReportText, [Suggestion]
) {
  let text = ReportText(string)
  return (text, try annotator.suggest(ReportInput(id: 1, uid: "r1", language: language, text: text)))
}

/// Every range is a usable span, attributes fit the schema, links point at suggestions of the
/// labels the link type joins.
public func expectWellFormed(_ suggestions: [Suggestion], in text: ReportText, schema: LayerSchema) throws {
  for suggestion in suggestions {
    try text.validate(suggestion.range)
    #expect((0...1).contains(suggestion.score))
    #expect(!suggestion.explanation.isEmpty)
    _ = try schema.checkedAttributes(suggestion.attributes, label: suggestion.label)
    for link in suggestion.links {
      try #require(suggestions.indices.contains(link.target))
      try schema.checkLink(link.type, from: suggestion.label, to: suggestions[link.target].label)
    }
  }
}

/// The scalar offset of the first occurrence of `needle` in `string`.
public func scalarOffset(of needle: String, in string: String) throws -> Int {
  let range = try #require(string.firstRange(of: needle))
  return string.unicodeScalars.distance(from: string.unicodeScalars.startIndex, to: range.lowerBound)
}
