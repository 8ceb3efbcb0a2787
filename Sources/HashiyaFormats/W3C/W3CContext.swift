import AnnotatorKit

/// The `@context` of the W3C export: the Web Annotation context, then Hashiya's own terms.
///
/// The Web Annotation context alone leaves Hashiya's members undefined: a processor reads
/// `hashiya:layer` as an IRI of an unknown scheme and drops every attribute, whose names are
/// terms it does not know (and reads one named `type` or `id` as a keyword). Hashiya's context
/// makes `hashiya:` a prefix of its vocabulary and gives `hashiya:attributes` a scoped context
/// that clears the Web Annotation terms and maps every attribute name under its own vocabulary,
/// so `type` is an attribute like any other.
enum W3CContext {
  static let webAnnotation = "http://www.w3.org/ns/anno.jsonld"
  /// The prefix of Hashiya's terms: `hashiya:layer` expands to `urn:hashiya:vocab:layer`.
  static let vocabulary = "urn:hashiya:vocab:"
  /// The prefix of attribute properties: attribute `type` is `urn:hashiya:vocab:attribute:type`.
  static let attributeVocabulary = vocabulary + "attribute:"

  /// Writes the context; `attributes` are those of the annotation it heads, for the few names that
  /// need a term of their own (see `needsTerm`).
  static func write(attributes: JSONObject = [:], into writer: inout JSONWriter) {
    writer.key("@context")
    writer.beginArray()
    writer.string(webAnnotation)
    writer.beginObject()
    // Scoped contexts are JSON-LD 1.1; a 1.0 processor must refuse rather than misread them.
    writer.key("@version")
    writer.double(1.1)
    writer.field("hashiya", vocabulary)
    writer.key("hashiya:attributes")
    writer.beginObject()
    writer.key("@context")
    writer.beginArray()
    writer.null()
    writer.beginObject()
    writer.field("@vocab", attributeVocabulary)
    for (name, _) in attributes where needsTerm(name) {
      writer.field(name, attributeVocabulary + percentEncoded(name))
    }
    writer.endObject()
    writer.endArray()
    writer.endObject()
    writer.endObject()
    writer.endArray()
  }

  /// Whether `@vocab` alone would make an invalid IRI of `name` (a space, a control character):
  /// such a name gets an explicit term whose IRI is percent-encoded. JSON-LD 1.1 refuses a term
  /// with a colon or a slash that maps elsewhere than the name read as an IRI, and ignores one
  /// starting with `@`, so those get none (see the export format's documentation).
  static func needsTerm(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first != "@", !name.contains(":"), !name.contains("/") else {
      return false
    }
    return name.unicodeScalars.contains(where: mustEncode)
  }

  private static func mustEncode(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0...0x20, 0x7F...0x9F: return true
    default: return scalar.properties.isWhitespace || #"<>"{}|\^`%"#.unicodeScalars.contains(scalar)
    }
  }

  private static func percentEncoded(_ name: String) -> String {
    PercentEncoding.encode(name, where: mustEncode)
  }
}
