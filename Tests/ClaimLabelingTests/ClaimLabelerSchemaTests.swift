import AnnotatorKit
import AnnotatorTesting
import ClaimLabeling
import Testing

@Suite struct ClaimLabelerSchemaTests {
  let labeler = ClaimLabeler()

  @Test func identityAndCommand() {
    #expect(labeler.id == "claim-labeling")
    #expect(labeler.version == "1.0.0")
    #expect(labeler.commands.map(\.name) == ["claim"])
    #expect(labeler.commands[0].form == .span(label: "claim"))
    #expect(labeler.commands[0].details.contains("Examples:"))
  }

  @Test func schemaJSONRoundTrips() throws {
    #expect(try LayerSchema(json: labeler.schema.json) == labeler.schema)
  }

  @Test func attributeValidation() throws {
    let schema = labeler.schema
    let filled = try schema.checkedAttributes(["type": "statistical", "checkworthiness": 4], label: "claim")
    #expect(filled["verdict"] == "unverified")
    #expect(throws: SchemaError.outOfRange(attribute: "checkworthiness", value: "9", range: "1…5")) {
      try schema.checkedAttributes(["checkworthiness": 9], label: "claim")
    }
    #expect(throws: SchemaError.self) { try schema.checkedAttributes(["checkworthiness": 2.5], label: "claim") }
    #expect(
      throws: SchemaError.notInEnumeration(
        attribute: "verdict", value: "maybe", allowed: ["unverified", "true", "false", "misleading", "mixed"])
    ) {
      try schema.checkedAttributes(["verdict": "maybe"], label: "claim")
    }
    #expect(throws: SchemaError.self) { try schema.checkedAttributes(["type": "rumour"], label: "claim") }
    #expect(throws: SchemaError.self) {
      try schema.parseAttributes([(key: "checkworthiness", value: "0")], label: "claim")
    }
  }

  @Test func claimedByJoinsClaimToClaimant() throws {
    try labeler.schema.checkLink("claimed-by", from: "claim", to: "claimant")
    #expect(throws: SchemaError.self) { try labeler.schema.checkLink("claimed-by", from: "claimant", to: "claim") }
    #expect(labeler.schema.label("claimant")?.attribute("name") != nil)
  }

  @Test func validateRejectsAClaimAcrossSentences() {
    let text = ReportText("بلغ العدد 120 ألف مقاتل. وتحرر ثمانية ملايين شخص.")
    let problems = labeler.validate(AnnotationDraft(label: "claim", range: TextRange(0, text.count)), in: text)
    #expect(problems.count == 1)
  }
}
