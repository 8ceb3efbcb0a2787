import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Writes one annotation as a W3C Web Annotation (JSON-LD) with a quote and a position selector.
///
/// What the model has no term for is kept under `hashiya:` names (`hashiya:layer`,
/// `hashiya:attributes`, …), which `W3CContext` maps into Hashiya's vocabulary so they survive
/// JSON-LD expansion.
struct W3CAnnotationWriter {
  /// `urn:hashiya:<project uid>`, the root of every report and collection IRI.
  let projectIRI: String
  let contextLength: Int
  /// The layers' schemas, which say which attribute is a note and which its language.
  let context: ExportContext

  /// `links` are the annotation's outgoing links with their targets' UUIDs.
  func write(
    _ annotation: Annotation, reportUID: String, text: ReportText, links: [(link: AnnotationLink, to: String)],
    into writer: inout JSONWriter
  ) {
    // The core knows no label by name: an annotation whose schema declares a note attribute, and
    // carries one, is a comment on its span; anything else classifies it.
    let translation = context.attributeName(playing: .note, in: annotation).flatMap {
      annotation.attributes[$0]?.stringValue
    }
    let language = context.attributeName(playing: .language, in: annotation).flatMap {
      annotation.attributes[$0]?.stringValue
    }
    writer.beginObject()
    W3CContext.write(attributes: annotation.attributes, into: &writer)
    writer.field("id", "urn:uuid:" + annotation.uuid)
    writer.field("type", "Annotation")
    writer.field("motivation", translation == nil ? "tagging" : "commenting")
    writer.field("created", annotation.createdAt)
    writer.field("modified", annotation.updatedAt)
    writer.key("creator")
    writer.beginObject()
    writer.field("type", "Person")
    writer.field("nickname", annotation.author)
    writer.endObject()

    writer.key("body")
    writer.beginArray()
    writeTextualBody(purpose: "tagging", value: annotation.label, language: nil, into: &writer)
    if let translation {
      writeTextualBody(
        purpose: "commenting", value: translation, language: language, into: &writer)
    }
    for (link, to) in links {
      writer.beginObject()
      writer.field("type", "SpecificResource")
      writer.field("purpose", "linking")
      writer.field("source", "urn:uuid:" + to)
      writer.field("hashiya:linkType", link.type)
      writer.endObject()
    }
    writer.endArray()

    writer.key("target")
    if annotation.fragments.isEmpty {
      writeSegment(annotation.range, reportUID: reportUID, text: text, quote: annotation.quote, into: &writer)
    } else {
      // The model's List: an ordered set of segments the annotation is about together, which
      // is what a quotation split by «قال» is.
      writer.beginObject()
      writer.field("type", "List")
      writer.key("items")
      writer.beginArray()
      writeSegment(annotation.range, reportUID: reportUID, text: text, quote: annotation.quote, into: &writer)
      for fragment in annotation.fragments {
        writeSegment(fragment.range, reportUID: reportUID, text: text, quote: fragment.quote, into: &writer)
      }
      writer.endArray()
      writer.endObject()
    }
    writer.field("hashiya:layer", annotation.layer)
    writer.field("hashiya:handle", annotation.id)
    writer.field("hashiya:origin", annotation.origin)
    writer.key("hashiya:attributes")
    writer.value(.object(annotation.attributes))
    writer.endObject()
  }

  private func writeTextualBody(purpose: String, value: String, language: String?, into writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("type", "TextualBody")
    writer.field("purpose", purpose)
    writer.field("value", value)
    if purpose == "commenting" {
      writer.field("format", "text/plain")
    }
    if let language {
      writer.field("language", language)
    }
    if let direction = TextDirection.of(value) {
      writer.field("textDirection", direction.rawValue)
    }
    writer.endObject()
  }

  /// One segment of the report: its quote with context, and its offsets.
  private func writeSegment(
    _ range: TextRange, reportUID: String, text: ReportText, quote: String, into writer: inout JSONWriter
  ) {
    writer.beginObject()
    writer.field("source", projectIRI + ":report:" + reportUID)
    writer.key("selector")
    writer.beginArray()
    writer.beginObject()
    writer.field("type", "TextQuoteSelector")
    writer.field("exact", quote)
    // Empty context is left out rather than written as "": the model treats both alike.
    text.withContext(of: range, length: contextLength) { prefix, suffix in
      if !prefix.isEmpty {
        writer.key("prefix")
        writer.string(utf8: prefix)
      }
      if !suffix.isEmpty {
        writer.key("suffix")
        writer.string(utf8: suffix)
      }
    }
    writer.endObject()
    writer.beginObject()
    writer.field("type", "TextPositionSelector")
    writer.field("start", range.start)
    writer.field("end", range.end)
    writer.endObject()
    writer.endArray()
    writer.endObject()
  }
}
