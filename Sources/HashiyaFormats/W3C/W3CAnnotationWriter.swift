import AnnotatorKit
import HashiyaStore

/// Writes one annotation as a W3C Web Annotation (JSON-LD) with a quote and a position selector.
///
/// What the model has no term for is kept under `hashiya:` names (`hashiya:layer`,
/// `hashiya:attributes`, …); with the Web Annotation context alone a JSON-LD processor reads them
/// as absolute IRIs, so they survive expansion instead of being dropped.
struct W3CAnnotationWriter {
  /// `urn:hashiya:<project uid>`, the root of every report and collection IRI.
  let projectIRI: String
  let contextLength: Int

  static let context = "http://www.w3.org/ns/anno.jsonld"

  /// `links` are the annotation's outgoing links with their targets' UUIDs.
  func write(
    _ annotation: Annotation, reportUID: String, text: ReportText, links: [(link: AnnotationLink, to: String)],
    into writer: inout JSONWriter
  ) {
    // The core knows no label by name: an annotation that carries a translation is a comment on
    // its span (translation notes), anything else classifies it.
    let translation = annotation.attributes["translation"]?.stringValue
    writer.beginObject()
    writer.key("@context")
    writer.string(Self.context)
    writer.key("id")
    writer.string("urn:uuid:" + annotation.uuid)
    writer.key("type")
    writer.string("Annotation")
    writer.key("motivation")
    writer.string(translation == nil ? "tagging" : "commenting")
    writer.key("created")
    writer.string(annotation.createdAt)
    writer.key("modified")
    writer.string(annotation.updatedAt)
    writer.key("creator")
    writer.beginObject()
    writer.key("type")
    writer.string("Person")
    writer.key("nickname")
    writer.string(annotation.author)
    writer.endObject()

    writer.key("body")
    writer.beginArray()
    writeTextualBody(purpose: "tagging", value: annotation.label, language: nil, into: &writer)
    if let translation {
      writeTextualBody(
        purpose: "commenting", value: translation, language: annotation.attributes["lang"]?.stringValue,
        into: &writer)
    }
    for (link, to) in links {
      writer.beginObject()
      writer.key("type")
      writer.string("SpecificResource")
      writer.key("purpose")
      writer.string("linking")
      writer.key("source")
      writer.string("urn:uuid:" + to)
      writer.key("hashiya:linkType")
      writer.string(link.type)
      writer.endObject()
    }
    writer.endArray()

    writeTarget(annotation.range, reportUID: reportUID, text: text, quote: annotation.quote, into: &writer)
    writer.key("hashiya:layer")
    writer.string(annotation.layer)
    writer.key("hashiya:handle")
    writer.int(annotation.id)
    writer.key("hashiya:origin")
    writer.string(annotation.origin)
    writer.key("hashiya:attributes")
    writer.value(.object(annotation.attributes))
    writer.endObject()
  }

  private func writeTextualBody(purpose: String, value: String, language: String?, into writer: inout JSONWriter) {
    writer.beginObject()
    writer.key("type")
    writer.string("TextualBody")
    writer.key("purpose")
    writer.string(purpose)
    writer.key("value")
    writer.string(value)
    if purpose == "commenting" {
      writer.key("format")
      writer.string("text/plain")
    }
    if let language {
      writer.key("language")
      writer.string(language)
    }
    if let direction = TextDirection.of(value) {
      writer.key("dir")
      writer.string(direction.rawValue)
    }
    writer.endObject()
  }

  private func writeTarget(
    _ range: TextRange, reportUID: String, text: ReportText, quote: String, into writer: inout JSONWriter
  ) {
    writer.key("target")
    writer.beginObject()
    writer.key("source")
    writer.string(projectIRI + ":report:" + reportUID)
    writer.key("selector")
    writer.beginArray()
    writer.beginObject()
    writer.key("type")
    writer.string("TextQuoteSelector")
    writer.key("exact")
    writer.string(quote)
    // Empty context is left out rather than written as "": the model treats both alike.
    let prefix = QuoteContext.prefixRange(of: range, in: text, length: contextLength)
    if !prefix.isEmpty {
      writer.key("prefix")
      text.withUTF8(prefix) { writer.string(utf8: $0) }
    }
    let suffix = QuoteContext.suffixRange(of: range, in: text, length: contextLength)
    if !suffix.isEmpty {
      writer.key("suffix")
      text.withUTF8(suffix) { writer.string(utf8: $0) }
    }
    writer.endObject()
    writer.beginObject()
    writer.key("type")
    writer.string("TextPositionSelector")
    writer.key("start")
    writer.int(range.start)
    writer.key("end")
    writer.int(range.end)
    writer.endObject()
    writer.endArray()
    writer.endObject()
  }
}
