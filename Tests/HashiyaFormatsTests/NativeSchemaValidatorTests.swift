import AnnotatorKit
import Testing

/// The test-only schema validator must itself catch what it is used to catch.
@Suite struct NativeSchemaValidatorTests {
  let validator = NativeSchemaValidator(
    root: [
      "$ref": "#/$defs/thing",
      "$defs": [
        "thing": [
          "type": "object",
          "properties": [
            "name": ["type": "string", "minLength": 1],
            "count": ["type": "integer", "minimum": 0],
            "kind": ["enum": ["a", "b"]],
            "version": ["const": 1],
            "note": ["type": ["string", "null"]],
            "pair": ["type": "array", "items": ["type": "integer"], "minItems": 2, "maxItems": 2],
            "child": ["$ref": "#/$defs/child"],
          ],
          "required": ["name", "count"],
          "additionalProperties": false,
        ],
        "child": ["oneOf": [["type": "string"], ["type": "integer"]]],
      ],
    ])

  @Test func acceptsAValidDocument() {
    let value: JSONValue = [
      "name": "x", "count": 3, "kind": "a", "version": 1, "note": nil, "pair": [1, 2], "child": "c",
    ]
    #expect(validator.errors(value).isEmpty)
  }

  @Test func rejectsAMissingRequiredField() {
    let errors = validator.errors(["name": "x"])
    #expect(errors == [#"$: missing required "count""#])
  }

  @Test(arguments: [
    (#"{"name": 1, "count": 1}"#, "$.name: expected string"),
    (#"{"name": "x", "count": 1.5}"#, "$.count: expected integer"),
    (#"{"name": "x", "count": -1}"#, "$.count: -1.0 is below the minimum 0.0"),
    (#"{"name": "", "count": 1}"#, "$.name: shorter than 1"),
    (#"{"name": "x", "count": 1, "kind": "c"}"#, #"$.kind: "c" is not one of"#),
    (#"{"name": "x", "count": 1, "version": 2}"#, "$.version: expected 1"),
    (#"{"name": "x", "count": 1, "extra": true}"#, #"$: unexpected property "extra""#),
    (#"{"name": "x", "count": 1, "pair": [1]}"#, "$.pair: fewer than 2 items"),
    (#"{"name": "x", "count": 1, "pair": [1, "2"]}"#, "$.pair[1]: expected integer"),
    (#"{"name": "x", "count": 1, "child": true}"#, "$.child: matches 0 of the oneOf schemas"),
    (#"{"name": "x", "count": 1, "note": 3}"#, "$.note: expected string or null"),
  ])
  func rejectsEachViolation(json: String, message: String) throws {
    let errors = validator.errors(try JSONParser.parse(json))
    #expect(errors.count == 1)
    #expect(errors.first?.hasPrefix(message) == true, "\(errors)")
  }

  @Test func theExportSchemaRejectsADocumentWithoutReports() throws {
    let path = try NativeFixtures.export([NativeFixtures.seedBundle()], format: .json)
    guard case .object(var document) = try NativeFixtures.json(path) else {
      Issue.record("not an object")
      return
    }
    #expect(NativeFixtures.schema.errors(.object(document)).isEmpty)
    document["reports"] = nil
    #expect(NativeFixtures.schema.errors(.object(document)) == [#"$: missing required "reports""#])
  }
}
