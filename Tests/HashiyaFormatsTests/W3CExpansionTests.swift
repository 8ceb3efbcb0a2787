import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

/// Expands the W3C export with a JSON-LD processor (pyld) and checks that nothing Hashiya wrote
/// is lost: every attribute, link, layer and handle, and the language and direction of bodies.
@Suite struct W3CExpansionTests {
  typealias F = NativeFixtures

  static let oa = "http://www.w3.org/ns/oa#"
  static let dcLanguage = "http://purl.org/dc/elements/1.1/language"

  /// Arabic with diacritics, and a flag outside the BMP before the claim.
  static let claimText =
    "قالَ المُتَحَدِّثُ 🇸🇾 إنَّ قُوّاتَ سوريا الديمقراطيّة سَيْطَرَتْ على الحَسَكَة، وأضافَ أنَّ الخَلايا النّائِمَة ما زالَتْ تَنْشَط."

  /// Claims whose attributes are named like Web Annotation terms and keywords (`type`, `id`,
  /// `language`, `value`), in Arabic, and with a space; plus an Arabic note with diacritics.
  static func claimBundle(id: Int = 3) -> ReportBundle {
    F.bundle(
      id: id, uid: "claims-hasakah", text: claimText,
      spans: [
        F.Span(layer: "speaker-tagging", label: "speaker", needle: "المُتَحَدِّثُ", attributes: ["name": "المُتَحَدِّث"]),
        F.Span(
          layer: "claims", label: "claim", needle: "قُوّاتَ سوريا الديمقراطيّة سَيْطَرَتْ على الحَسَكَة",
          attributes: [
            "type": "سَيْطَرَة مَيْدانِيّة", "id": "C-١٢", "language": "ar", "value": "عالِيَة",
            "confidence": .double(0.75), "verified": false, "source article": 3, "نَوْع": "تَصْرِيح",
          ]),
        F.Span(
          layer: "translation-notes", label: "note", needle: "الخَلايا النّائِمَة",
          attributes: ["translation": "خَلايا غَيْرُ نَشِطَة", "lang": "ar"]),
      ],
      links: [(from: 1, to: 0, type: "said-by"), (from: 2, to: 1, type: "glosses")])
  }

  /// Serves a context for the Web Annotation IRI, so the test needs no network: only the terms
  /// the export uses, with the IRIs the Web Annotation Vocabulary gives them.
  static let script = #"""
    import json, sys
    try:
        from pyld import jsonld
    except ImportError as error:
        print("pyld is not importable by /usr/bin/python3 (%s): install python3-pyld" % error)
        sys.exit(77)

    ANNO = "http://www.w3.org/ns/anno.jsonld"
    def vocab(iri): return {"@id": iri, "@type": "@vocab"}
    def ref(iri): return {"@id": iri, "@type": "@id"}
    def typed(iri, datatype): return {"@id": iri, "@type": "xsd:" + datatype}
    terms = {
        "oa": "http://www.w3.org/ns/oa#", "as": "http://www.w3.org/ns/activitystreams#",
        "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
        "id": ref("@id"), "type": ref("@type"),
        "Annotation": "oa:Annotation", "TextualBody": "oa:TextualBody",
        "SpecificResource": "oa:SpecificResource", "TextQuoteSelector": "oa:TextQuoteSelector",
        "TextPositionSelector": "oa:TextPositionSelector", "Person": "foaf:Person", "List": "oa:List",
        "AnnotationCollection": "as:OrderedCollection", "AnnotationPage": "as:OrderedCollectionPage",
        "tagging": "oa:tagging", "commenting": "oa:commenting", "linking": "oa:linking",
        "ltr": "oa:ltrDirection", "rtl": "oa:rtlDirection", "auto": "oa:autoDirection",
        "motivation": vocab("oa:motivatedBy"), "purpose": vocab("oa:hasPurpose"),
        "textDirection": vocab("oa:textDirection"),
        "body": ref("oa:hasBody"), "target": ref("oa:hasTarget"), "source": ref("oa:hasSource"),
        "selector": ref("oa:hasSelector"), "creator": ref("dcterms:creator"),
        "partOf": ref("as:partOf"), "first": ref("as:first"),
        "items": {"@id": "as:items", "@type": "@id", "@container": "@list"},
        "format": "dc:format", "language": "dc:language", "value": "rdf:value",
        "exact": "oa:exact", "prefix": "oa:prefix", "suffix": "oa:suffix",
        "nickname": "foaf:nick", "label": "rdfs:label",
        "created": typed("dcterms:created", "dateTime"), "modified": typed("dcterms:modified", "dateTime"),
        "generated": typed("dcterms:issued", "dateTime"), "start": typed("oa:start", "nonNegativeInteger"),
        "end": typed("oa:end", "nonNegativeInteger"), "total": typed("as:totalItems", "nonNegativeInteger"),
        "startIndex": typed("as:startIndex", "nonNegativeInteger"),
    }

    def load(url, options=None):
        if url != ANNO:
            raise jsonld.JsonLdError("Only the Web Annotation context is served offline.",
                                     "jsonld.LoadDocumentError", {"url": url}, code="loading document failed")
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": {"@context": terms}}

    with open(sys.argv[1], encoding="utf-8") as export:
        document = json.load(export)
    print(json.dumps(jsonld.expand(document, {"documentLoader": load}), ensure_ascii=False))
    """#

  enum Expansion {
    case expanded(JSONValue)
    case unavailable(String)
  }

  /// Runs the script under the system Python, where Debian's `python3-pyld` lives.
  func expand(_ path: String) throws -> Expansion {
    let python = "/usr/bin/python3"
    guard FileManager.default.isExecutableFile(atPath: python) else {
      return .unavailable("\(python) is missing: install python3 and python3-pyld")
    }
    let run = try PythonScript.run(Self.script, python: python, arguments: [path])
    if run.status == 77 { return .unavailable(run.text) }
    try #require(run.status == 0, "pyld failed: \(run.errors)")
    let bytes = run.output
    return .expanded(try JSONParser.parse(bytes))
  }

  /// The export of the seed report and the claims, expanded; nil (with the reason printed) when
  /// no JSON-LD processor is installed.
  func expandedAnnotations() throws -> (bundles: [ReportBundle], nodes: [String: JSONValue])? {
    var claims = Self.claimBundle()
    // The claim goes on after «وأضافَ»: a span in pieces, whose target is the model's List.
    let scalars = Array(Self.claimText.unicodeScalars)
    let tail = Array("الخَلايا النّائِمَة ما زالَتْ تَنْشَط".unicodeScalars)
    let start = try #require((0...(scalars.count - tail.count)).first { Array(scalars[$0..<$0 + tail.count]) == tail })
    let claim = try #require(claims.annotations.firstIndex { $0.layer == "claims" })
    claims.annotations[claim].fragments = [
      SpanFragment(range: TextRange(start, start + tail.count), quote: String(String.UnicodeScalarView(tail)))
    ]
    let bundles = [F.seedBundle(), claims]
    let path = F.temporaryPath("expanded.jsonld")
    var exporter = try W3CExporter(path: path, context: F.context())
    for bundle in bundles { try exporter.write(bundle, text: F.reportText(bundle)) }
    _ = try exporter.finish()
    switch try expand(path) {
    case .unavailable(let reason):
      print("Skipping the JSON-LD expansion check: \(reason)")
      return nil
    case .expanded(let expanded):
      let page = try #require(expanded[0]?["http://www.w3.org/ns/activitystreams#first"]?[0])
      let items = try #require(page["http://www.w3.org/ns/activitystreams#items"]?[0]?["@list"]?.arrayValue)
      var nodes: [String: JSONValue] = [:]
      for item in items { nodes[item["@id"]?.stringValue ?? ""] = item }
      return (bundles, nodes)
    }
  }

  /// The values of `property` of `node` as expanded value objects' `@value`s.
  func values(_ node: JSONValue?, _ property: String) -> [JSONValue] {
    node?[property]?.arrayValue?.compactMap { $0["@value"] } ?? []
  }

  func ids(_ node: JSONValue?, _ property: String) -> [String] {
    node?[property]?.arrayValue?.compactMap { $0["@id"]?.stringValue } ?? []
  }

  @Test func everyAttributeSurvivesUnderTheHashiyaVocabulary() throws {
    guard let expansion = try expandedAnnotations() else { return }
    let (bundles, nodes) = expansion
    let annotations = bundles.flatMap(\.annotations).filter { $0.status == .active }
    #expect(nodes.count == annotations.count)
    var checked = 0
    for annotation in annotations {
      let node = try #require(nodes["urn:uuid:" + annotation.uuid], "annotation \(annotation.uuid) lost")
      #expect(node["@type"] == [.string(Self.oa + "Annotation")])
      #expect(values(node, W3CContext.vocabulary + "layer") == [.string(annotation.layer)])
      #expect(values(node, W3CContext.vocabulary + "handle") == [.int(annotation.id)])
      #expect(values(node, W3CContext.vocabulary + "origin") == [.string(annotation.origin)])
      let attributes = node[W3CContext.vocabulary + "attributes"]?[0]
      #expect(attributes?.objectValue?.keys.count == annotation.attributes.keys.count)
      #expect(attributes?["@type"] == nil && attributes?["@id"] == nil)
      for name in annotation.attributes.keys {
        let iri = W3CContext.attributeVocabulary + name.replacingOccurrences(of: " ", with: "%20")
        let value = try #require(annotation.attributes[name])
        #expect(values(attributes, iri) == [value], "attribute \(name)")
        checked += 1
      }
    }
    #expect(checked == annotations.reduce(0) { $0 + $1.attributes.keys.count })
    // The claim's `type` and `id` are attributes, not the node's type and identifier.
    let claim = try #require(annotations.first { $0.layer == "claims" })
    let claimAttributes = nodes["urn:uuid:" + claim.uuid]?[W3CContext.vocabulary + "attributes"]?[0]
    #expect(values(claimAttributes, W3CContext.attributeVocabulary + "type") == ["سَيْطَرَة مَيْدانِيّة"])
    #expect(values(claimAttributes, W3CContext.attributeVocabulary + "id") == ["C-١٢"])
  }

  @Test func aSpanInPiecesExpandsToAListOfSegments() throws {
    guard let expansion = try expandedAnnotations() else { return }
    let (bundles, nodes) = expansion
    let claim = try #require(bundles.flatMap(\.annotations).first { !$0.fragments.isEmpty })
    let target = nodes["urn:uuid:" + claim.uuid]?["\(Self.oa)hasTarget"]?[0]
    #expect(target?["@type"] == [.string(Self.oa + "List")])
    let segments = target?["http://www.w3.org/ns/activitystreams#items"]?[0]?["@list"]?.arrayValue ?? []
    let exacts = segments.map { segment in
      values(
        segment["\(Self.oa)hasSelector"]?.arrayValue?.first { $0["@type"] == [.string(Self.oa + "TextQuoteSelector")] },
        "\(Self.oa)exact")
    }
    #expect(exacts == claim.ranges.indices.map { [.string(([claim.quote] + claim.fragments.map(\.quote))[$0])] })
  }

  @Test func everyLinkSurvivesAsALinkingBody() throws {
    guard let expansion = try expandedAnnotations() else { return }
    let (bundles, nodes) = expansion
    var checked = 0
    for bundle in bundles {
      let byHandle = Dictionary(uniqueKeysWithValues: bundle.annotations.map { ($0.id, $0) })
      for link in bundle.links {
        let from = try #require(byHandle[link.fromID])
        let to = try #require(byHandle[link.toID])
        let bodies = nodes["urn:uuid:" + from.uuid]?["\(Self.oa)hasBody"]?.arrayValue ?? []
        let linking = bodies.filter { ids($0, "\(Self.oa)hasPurpose") == ["\(Self.oa)linking"] }
        #expect(linking.count == 1, "link \(link.type) from \(from.uuid)")
        #expect(linking.first?["@type"] == [.string(Self.oa + "SpecificResource")])
        #expect(ids(linking.first, "\(Self.oa)hasSource") == ["urn:uuid:" + to.uuid])
        #expect(values(linking.first, W3CContext.vocabulary + "linkType") == [.string(link.type)])
        checked += 1
      }
    }
    #expect(checked == 3)
  }

  @Test func bodiesKeepTheirLanguageAndTextDirection() throws {
    guard let expansion = try expandedAnnotations() else { return }
    let (bundles, nodes) = expansion
    let notes = bundles.flatMap(\.annotations).filter { $0.layer == "translation-notes" }
    #expect(notes.count == 3)
    for note in notes {
      let bodies = nodes["urn:uuid:" + note.uuid]?["\(Self.oa)hasBody"]?.arrayValue ?? []
      let comment = bodies.first { ids($0, "\(Self.oa)hasPurpose") == ["\(Self.oa)commenting"] }
      let translation = try #require(note.attributes["translation"]?.stringValue)
      #expect(values(comment, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value") == [.string(translation)])
      #expect(values(comment, Self.dcLanguage) == [try #require(note.attributes["lang"])])
      let direction = TextDirection.of(translation).map { ["\(Self.oa)\($0.rawValue)Direction"] } ?? []
      #expect(ids(comment, "\(Self.oa)textDirection") == direction, "note \(translation)")
    }
    // Both Arabic notes read right to left; the English one carries no direction.
    #expect(notes.filter { TextDirection.of($0.attributes["translation"]?.stringValue ?? "") == .rtl }.count == 2)
  }

  @Test func oddAttributeNamesGetPercentEncodedTerms() {
    #expect(W3CContext.needsTerm("source article"))
    #expect(!W3CContext.needsTerm("نَوْع") && !W3CContext.needsTerm("type"))
    #expect(!W3CContext.needsTerm("a:b c") && !W3CContext.needsTerm("a/b c"))
    #expect(!W3CContext.needsTerm("@id") && !W3CContext.needsTerm(""))
    var writer = JSONWriter()
    writer.beginObject()
    W3CContext.write(attributes: ["type": "نَوْع", "source article": 2], into: &writer)
    writer.endObject()
    let text = String(decoding: writer.bytes, as: UTF8.self)
    #expect(text.contains(#""source article":"urn:hashiya:vocab:attribute:source%20article""#))
    #expect(!text.contains(#""type":"#))
  }
}
