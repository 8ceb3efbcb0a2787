import AnnotatorKit
import AnnotatorTesting
import Testing
import TranslationNotes

@Suite struct TranslationNoterSchemaTests {
  let noter = TranslationNoter()

  @Test func identityAndCommand() {
    #expect(noter.id == "translation-notes")
    #expect(noter.version == "1.0.0")
    #expect(noter.commands.map(\.name) == ["note"])
    #expect(noter.commands[0].form == .spanWithText(label: "note", attribute: "translation"))
  }

  @Test func schemaJSONRoundTrips() throws {
    #expect(try LayerSchema(json: noter.schema.json) == noter.schema)
  }

  /// Exporters find the note and its language through these roles, never by the names.
  @Test func declaresItsNoteAndLanguageAttributes() throws {
    #expect(noter.schema.attributeName(playing: .note, label: "note") == "translation")
    #expect(noter.schema.attributeName(playing: .language, label: "note") == "lang")
    var json = try #require(noter.schema.json.objectValue)
    let attribute: JSONValue = ["name": "x", "type": "text", "role": "footnote"]
    json["labels"] = [["name": "note", "description": "", "attributes": [attribute]]]
    #expect(throws: SchemaError.self) { try LayerSchema(json: .object(json)) }
    let numeric: JSONValue = ["name": "x", "type": "integer", "role": "note"]
    json["labels"] = [["name": "note", "description": "", "attributes": [numeric]]]
    #expect(throws: SchemaError.self) { try LayerSchema(json: .object(json)) }
  }

  @Test func attributeValidation() throws {
    let schema = noter.schema
    let filled = try schema.checkedAttributes(["translation": "SDF"], label: "note")
    #expect(filled == ["translation": "SDF", "lang": "en", "kind": "gloss"])
    #expect(throws: SchemaError.missingRequired(label: "note", attribute: "translation")) {
      try schema.checkedAttributes([:], label: "note")
    }
    #expect(throws: SchemaError.self) {
      try schema.checkedAttributes(["translation": "x", "kind": "slang"], label: "note")
    }
    #expect(
      !noter.validate(
        AnnotationDraft(label: "note", range: TextRange(0, 1), attributes: ["translation": "  "]), in: ReportText("x")
      ).isEmpty)
  }
}
