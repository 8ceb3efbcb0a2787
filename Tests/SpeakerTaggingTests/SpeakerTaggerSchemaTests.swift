import AnnotatorKit
import AnnotatorTesting
import SpeakerTagging
import Testing

@Suite struct SpeakerTaggerSchemaTests {
  let tagger = SpeakerTagger()

  @Test func identity() {
    #expect(tagger.id == "speaker-tagging")
    #expect(tagger.version == "1.0.0")
    #expect(tagger.schema.layer == tagger.id)
  }

  @Test func schemaJSONRoundTrips() throws {
    #expect(try LayerSchema(json: tagger.schema.json) == tagger.schema)
  }

  @Test func attributeValidation() throws {
    let schema = tagger.schema
    #expect(try schema.checkedAttributes([:], label: "quote") == ["mode": "direct"])
    #expect(throws: SchemaError.notInEnumeration(attribute: "mode", value: "maybe", allowed: ["direct", "indirect"])) {
      try schema.checkedAttributes(["mode": "maybe"], label: "quote")
    }
    #expect(throws: SchemaError.self) { try schema.checkedAttributes(["name": 3], label: "speaker") }
    #expect(throws: SchemaError.self) { try schema.checkedAttributes(["colour": "x"], label: "speaker") }
    try schema.checkLink("said-by", from: "quote", to: "speaker")
    #expect(throws: SchemaError.linkNotAllowed(type: "said-by", from: "speaker", to: "quote")) {
      try schema.checkLink("said-by", from: "speaker", to: "quote")
    }
  }

  @Test func commands() {
    #expect(tagger.commands.map(\.name) == ["speaker", "quote"])
    #expect(tagger.commands[0].form == .span(label: "speaker"))
    #expect(tagger.commands[1].form == .spanLinkedTo(label: "quote", keyword: "by", linkType: "said-by"))
    #expect(tagger.commands.allSatisfy { !$0.summary.isEmpty && $0.details.contains("Examples:") })
  }

  @Test func validateFlagsQuoteMarksInASpeakerSpan() {
    let text = ReportText("أكد “كيفين كويثي” أنّ الدعم مستمر.")
    let withMarks = AnnotationDraft(label: "speaker", range: TextRange(4, 17))
    #expect(!tagger.validate(withMarks, in: text).isEmpty)
    let clean = AnnotationDraft(label: "speaker", range: TextRange(5, 16))
    #expect(tagger.validate(clean, in: text).isEmpty)
  }
}
