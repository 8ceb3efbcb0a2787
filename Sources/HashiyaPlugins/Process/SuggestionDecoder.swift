import AnnotatorKit

/// Turns the `suggestions` of one report in a plugin's answer into checked `Suggestion`s.
///
/// Every problem names the report and the suggestion's position and, once known, its label and
/// raw offsets, so a plugin author can find the faulty output without a debugger.
struct SuggestionDecoder {
  let plugin: String
  let schema: LayerSchema
  let unit: OffsetUnit

  func decode(_ values: [JSONValue], report: ReportInput) throws(PluginError) -> [Suggestion] {
    var suggestions: [Suggestion] = []
    var links: [[JSONValue]] = []
    for (index, value) in values.enumerated() {
      let (suggestion, rawLinks) = try decodeOne(value, index: index, report: report)
      suggestions.append(suggestion)
      links.append(rawLinks)
    }
    for index in suggestions.indices {
      suggestions[index].links = try decodeLinks(links[index], of: index, in: suggestions, report: report)
    }
    return suggestions
  }

  private func decodeOne(_ value: JSONValue, index: Int, report: ReportInput) throws(PluginError) -> (
    Suggestion, [JSONValue]
  ) {
    func fail(_ problem: String) -> PluginError {
      .badSuggestion(plugin: plugin, report: report.id, index: index, problem: problem)
    }
    guard let object = value.objectValue else { throw fail("must be a JSON object") }
    guard let label = object["label"]?.stringValue else { throw fail("\"label\" must be a string") }
    guard schema.label(label) != nil else {
      throw fail(
        SchemaError.unknownLabel(layer: schema.layer, label: label, known: schema.labels.map(\.name)).description)
    }
    guard let start = object["start"]?.intValue, let end = object["end"]?.intValue else {
      throw fail("\(label): \"start\" and \"end\" must be whole numbers")
    }
    let shown = "\(label) \(start)..\(end) (\(unit.rawValue))"
    let text = report.text
    let length = unit.length(of: text)
    for (name, offset) in [("start", start), ("end", end)] where unit.scalarOffset(offset, in: text) == nil {
      if offset < 0 || offset > length {
        throw fail("\(shown): \(name) \(offset) is outside the text (0..\(length) in \(unit.rawValue) units)")
      }
      throw fail("\(shown): \(name) \(offset) \(unit.insideCharacter)")
    }
    let range = TextRange(unit.scalarOffset(start, in: text)!, unit.scalarOffset(end, in: text)!)
    do {
      try text.validate(range)
    } catch {
      throw fail("\(shown): \(error.description)")
    }
    var attributes: [String: JSONValue] = [:]
    if let raw = object["attributes"], !raw.isNull {
      guard let rawObject = raw.objectValue else { throw fail("\(shown): \"attributes\" must be an object") }
      do {
        attributes = try schema.checkedSuggestionAttributes(rawObject, label: label)
      } catch {
        throw fail("\(shown): \(error.description)")
      }
    }
    var score = 0.5
    if let raw = object["score"], !raw.isNull {
      guard let number = raw.doubleValue, (0...1).contains(number) else {
        throw fail("\(shown): \"score\" must be a number between 0 and 1")
      }
      score = number
    }
    var explanation = "suggested by \(plugin)"
    if let raw = object["explanation"], !raw.isNull {
      guard let string = raw.stringValue else { throw fail("\(shown): \"explanation\" must be a string") }
      explanation = string
    }
    var links: [JSONValue] = []
    if let raw = object["links"], !raw.isNull {
      guard let array = raw.arrayValue else { throw fail("\(shown): \"links\" must be an array") }
      links = array
    }
    let suggestion = Suggestion(
      label: label, range: range, attributes: attributes, score: score, explanation: explanation)
    return (suggestion, links)
  }

  private func decodeLinks(
    _ values: [JSONValue], of index: Int, in suggestions: [Suggestion], report: ReportInput
  ) throws(PluginError) -> [Suggestion.Link] {
    let source = suggestions[index]
    func fail(_ problem: String) -> PluginError {
      .badSuggestion(
        plugin: plugin, report: report.id, index: index, problem: "\(source.label) \(source.range): \(problem)")
    }
    var links: [Suggestion.Link] = []
    for value in values {
      guard let type = value["type"]?.stringValue, let target = value["target"]?.intValue else {
        throw fail("each link needs a string \"type\" and a whole-number \"target\"")
      }
      guard suggestions.indices.contains(target), target != index else {
        throw fail("link target \(target) is not another suggestion of this report (0..<\(suggestions.count))")
      }
      do {
        try schema.checkLink(type, from: source.label, to: suggestions[target].label)
      } catch {
        throw fail(error.description)
      }
      links.append(Suggestion.Link(type: type, target: target))
    }
    return links
  }
}
