import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

/// Label Studio label configs made by Label Studio users, read into layer schemas; and the files
/// Label Studio exports, read with them.
@Suite struct LabelStudioConfigTests {
  /// A config as a Label Studio user writes one: a task-level classification, per-region
  /// attributes for some labels or all, relations, nested views and Arabic label values.
  static let config = """
    <View>
      <Header value="صنّف الفقرة"/>
      <Text name="text" value="$text" granularity="word"/>
      <View style="display: flex">
        <Labels name="ner" toName="text">
          <Label value="شخص" background="red" hotkey="p"/>
          <Label value="ORG" background="#00ff00"/>
        </Labels>
      </View>
      <Choices name="topic" toName="text" choice="single">
        <Choice value="politics"/><Choice value="sport"/>
      </Choices>
      <Choices name="certainty" toName="text" perRegion="true" whenLabelValue="شخص" required="true">
        <Choice value="sure"/><Choice value="unsure"/>
      </Choices>
      <TextArea name="comment" toName="text" perRegion="true"/>
      <Number name="confidence" toName="text" perRegion="true" min="0" max="5" step="1"/>
      <Relations>
        <Relation value="works-for"/>
      </Relations>
    </View>
    """

  @Test func aUsersConfigBecomesALayer() throws {
    let schemas = try LabelStudioConfig.schemas(xml: Self.config, name: "label_config.xml")
    let layer = try #require(schemas.first)
    #expect(schemas.count == 1 && layer.layer == "ner")
    #expect(layer.labels.map(\.name) == ["شخص", "ORG"])
    #expect(layer.labels.map(\.colour) == ["red", "cyan"])
    #expect(layer.labels.map(\.key) == ["p", nil])
    let person = try #require(layer.label("شخص"))
    #expect(person.attributes.map(\.name) == ["certainty", "comment", "confidence"])
    #expect(person.attribute("certainty")?.kind == .enumeration(["sure", "unsure"]))
    #expect(person.attribute("certainty")?.required == true)
    #expect(person.attribute("confidence")?.kind == .number(min: 0, max: 5, integer: true))
    // The task-level classification is no span's attribute; certainty is shown for شخص only.
    #expect(try #require(layer.label("ORG")).attributes.map(\.name) == ["comment", "confidence"])
    #expect(
      layer.linkTypes == [
        LinkTypeSchema(name: "works-for", from: ["شخص", "ORG"], to: ["شخص", "ORG"], description: layer.description)
      ])
  }

  @Test(arguments: [
    ("<View><Labels name=\"a\" toName=\"t\"><Label value=\"x\"></Labels></View>", "well-formed"),
    ("<Labels name=\"a\" toName=\"t\"/>", "<View>"),
    ("<View><Labels toName=\"t\"><Label value=\"x\"/></Labels></View>", "no name"),
    ("<View><Labels name=\"a\" toName=\"t\"><Label/></Labels></View>", "no value"),
    ("", "well-formed"),
  ])
  func aBadConfigIsAClearError(xml: String, reason: String) {
    #expect {
      try LabelStudioConfig.schemas(xml: xml, name: "label_config.xml")
    } throws: { error in
      let error = error as? FormatError
      return error?.location == "label_config.xml" && error?.reason.contains(reason) == true
    }
  }

  /// What Label Studio exports for that config: `from_name` is the control, "ner"; per-region
  /// results share their span's id.
  @Test func aLabelStudioExportReadsWithItsConfigBeside() throws {
    let folder = ExchangeFixtures.temporaryFolder()
    ExchangeFixtures.write(Self.config, to: folder + "/label_config.xml")
    let text = "قالَ 😀 أحمد لـ ACME"
    let person = #"{"start": 8, "end": 12, "text": "أحمد""#
    let results = [
      #"{"id": "r1", "from_name": "ner", "to_name": "text", "type": "labels", "value": \#(person), "labels": ["شخص"]}}"#,
      #"{"id": "r1", "from_name": "certainty", "to_name": "text", "type": "choices", "value": \#(person), "choices": ["sure"]}}"#,
      #"{"id": "r1", "from_name": "confidence", "to_name": "text", "type": "number", "value": \#(person), "number": 4}}"#,
      #"{"id": "r2", "from_name": "comment", "to_name": "text", "type": "textarea", "value": {"start": 16, "end": 20, "text": ["سطر", "two"]}}"#,
      #"{"id": "r2", "from_name": "ner", "to_name": "text", "type": "labels", "value": {"start": 16, "end": 20, "text": "ACME", "labels": ["ORG"]}}"#,
      #"{"id": "t", "from_name": "topic", "to_name": "text", "type": "choices", "value": {"choices": ["sport"]}}"#,
      #"{"type": "relation", "from_id": "r1", "to_id": "r2", "direction": "right", "labels": ["works-for"]}"#,
    ]
    let task =
      #"[{"id": 9, "data": {"text": "\#(text)"}, "annotations": [{"completed_by": 3, "ground_truth": true, "result": [\#(results.joined(separator: ", "))]}]}]"#
    ExchangeFixtures.write(task, to: folder + "/project-9.json")
    var handed: [LayerSchema] = []
    var reports: [ImportedReport] = []
    try LabelStudioReader.read(
      path: folder + "/project-9.json", request: ReadRequest(onSchemas: { handed += $0 }),
      onBadRecord: { throw $0 }
    ) { reports.append($0) }
    #expect(handed.map(\.layer) == ["ner"])
    let annotations = try #require(reports.first?.annotations)
    #expect(annotations.map(\.quote) == ["أحمد", "ACME"])
    #expect(annotations.allSatisfy { $0.layer == "ner" && $0.author == "user-3" && $0.origin == "adjudicated" })
    #expect(annotations[0].attributes == ["certainty": "sure", "confidence": 4])
    #expect(annotations[1].attributes == ["comment": "سطر\ntwo"])
    #expect(reports.first?.links.map(\.type) == ["works-for"])
  }

  /// A config for a layer the session already knows is not handed over: the plugin's schema wins.
  @Test func aKnownLayerKeepsItsSchema() throws {
    let folder = ExchangeFixtures.temporaryFolder()
    ExchangeFixtures.write(Self.config, to: folder + "/ls.xml")
    ExchangeFixtures.write(#"[{"data": {"text": "Hello world"}, "annotations": []}]"#, to: folder + "/in.json")
    var handed: [LayerSchema] = []
    let known = ["ner": LayerSchema(layer: "ner", description: "plugin", labels: [])]
    try LabelStudioReader.read(
      path: folder + "/in.json",
      request: ReadRequest(knownSchemas: known, schemaPath: folder + "/ls.xml", onSchemas: { handed += $0 }),
      onBadRecord: { throw $0 }
    ) { _ in }
    #expect(handed.isEmpty)
  }

  /// Hashiya's own config names every attribute LAYER.LABEL.ATTRIBUTE, which reads back to the
  /// attribute of that label only, even where two labels share the attribute's name.
  @Test func hashiyasOwnConfigReadsBackToTheSameSchemas() throws {
    var schemas = ExchangeFixtures.schemas
    schemas[0].labels[0].attributes.append(
      AttributeSchema(name: "mode", kind: .number(min: 1, max: nil, integer: false)))
    let text = LabelStudioConfig.text(for: schemas)
    #expect(text.contains(#"<Choices name="speaker-tagging.quote.mode""#))
    let back = try LabelStudioConfig.schemas(xml: text, name: "label_config.xml")
    #expect(back.map(\.layer) == schemas.map(\.layer))
    for (schema, restored) in zip(schemas, back) {
      #expect(restored.labels.map(\.name) == schema.labels.map(\.name))
      for (label, restoredLabel) in zip(schema.labels, restored.labels) {
        #expect(restoredLabel.attributes.map(\.name) == label.attributes.map(\.name))
        #expect(restoredLabel.attributes.map(\.kind) == label.attributes.map(\.kind))
      }
    }
  }
}
