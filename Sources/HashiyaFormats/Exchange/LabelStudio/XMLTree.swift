import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An XML element with its attributes and child elements; text content is not kept.
struct XMLTree {
  var name: String
  var attributes: [String: String]
  var children: [XMLTree]

  /// Every element named `name` at any depth below this one, in document order.
  func all(named name: String) -> [XMLTree] {
    all { $0.name == name }
  }

  /// Every element that passes `test` at any depth below this one, in document order.
  func all(where test: (XMLTree) -> Bool) -> [XMLTree] {
    children.flatMap { (test($0) ? [$0] : []) + $0.all(where: test) }
  }

  /// The root element of `text`, or a `FormatError` naming `file` and the parser's complaint.
  static func parse(_ text: String, name file: String) throws(FormatError) -> XMLTree {
    let builder = XMLTreeBuilder()
    let parser = XMLParser(data: Data(text.utf8))
    parser.shouldResolveExternalEntities = false
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else {
      // Foundation describes a parser error only by a number, which means different things on
      // different platforms: where it stopped says more.
      let reason =
        parser.parserError == nil
        ? "no element" : "it stops making sense at line \(parser.lineNumber), column \(parser.columnNumber)"
      throw FormatError(location: file, reason: "not a well-formed XML label config (\(reason))")
    }
    return root
  }
}

/// Builds an `XMLTree` from `XMLParser`'s events.
private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
  var stack: [XMLTree] = []
  var root: XMLTree?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    stack.append(XMLTree(name: elementName, attributes: attributes, children: []))
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    guard let element = stack.popLast() else { return }
    if stack.isEmpty {
      root = element
    } else {
      stack[stack.count - 1].children.append(element)
    }
  }
}
