import AnnotatorKit
import Foundation
import Testing

@testable import HashiyaFormats

/// `annotation.conf` read whole into layer schemas, as brat itself reads it.
@Suite("brat annotation.conf to layer schemas")
struct BratConfigurationFileTests {
  static let conf = """
    # An attribution corpus, as brat's own examples lay it out.
    [entities]
    !Participant
    \tPerson
    \tOrganisation
    -
    Quote
    <PARTY>=Person|Organisation

    [relations]
    Said-by\tArg1:Quote, Arg2:Participant
    Member\tArg1:Person, Arg2:Organisation
    Equiv\tArg1:Person, Arg2:Person, <REL-TYPE>:symmetric-transitive
    <OVERLAP>\tArg1:Quote, Arg2:<ANY>, <OVL-TYPE>:contain

    [events]
    # Events take a trigger and arguments.
    Statement\tSpeaker:<PARTY>, Addressee?:Participant, Topic*:Quote, Source+:Quote|Organisation
    !Meeting
    \tSummit\tParticipant{2-10}:Person

    [attributes]
    Negated\tArg:<EVENT>
    Confidence\tArg:Quote|Statement, Value:Low|Medium|High
    Reported\tArg:<ENTITY>
    """

  @Test func typesRelationsEventsAndAttributesBecomeOneSchema() throws {
    let file = BratConfigurationFile(text: Self.conf)
    let schemas = file.schemas(default: "attribution")
    #expect(schemas.map(\.layer) == ["attribution"])
    let schema = try #require(schemas.first)
    // Abstract types are groupings, not labels; their subtypes are.
    #expect(schema.labels.map(\.name) == ["Person", "Organisation", "Quote", "Statement", "Summit"])
    let said = try #require(schema.linkType("Said-by"))
    #expect(said.from == ["Quote"] && said.to == ["Person", "Organisation"])
    #expect(schema.linkType("Equiv")?.to == ["Person"])
    #expect(schema.linkType("<OVERLAP>") == nil && schema.linkType("<REL-TYPE>") == nil)

    let statement = try #require(schema.label("Statement")?.eventRoles)
    #expect(
      statement == [
        EventRoleSchema(name: "Speaker", labels: ["Person", "Organisation"]),
        EventRoleSchema(name: "Addressee", labels: ["Person", "Organisation"], cardinality: .optional),
        EventRoleSchema(name: "Topic", labels: ["Quote"], cardinality: .any),
        EventRoleSchema(name: "Source", labels: ["Quote", "Organisation"], cardinality: .some),
      ])
    #expect(
      schema.label("Summit")?.eventRoles == [
        EventRoleSchema(name: "Participant", labels: ["Person"], cardinality: .some)
      ])
    #expect(schema.label("Quote")?.eventRoles == nil)
    // Each role is a link type from the event to its arguments.
    #expect(schema.linkType("Speaker")?.from == ["Statement"])
    #expect(schema.linkType("Participant")?.from == ["Summit"])

    let statementAttributes = try #require(schema.label("Statement")).attributes
    #expect(statementAttributes.first { $0.name == "Negated" }?.kind == .boolean)
    #expect(statementAttributes.first { $0.name == "Confidence" }?.kind == .enumeration(["Low", "Medium", "High"]))
    #expect(statementAttributes.first { $0.name == "Reported" } == nil)
    #expect(schema.label("Person")?.attribute("Reported")?.kind == .boolean)
    #expect(schema.label("Person")?.attribute("Negated") == nil)
    #expect(schema.attributeName(playing: .note, label: "Quote") == "note")
    // What is derived survives the project file.
    #expect(try LayerSchema(json: schema.json) == schema)
  }

  @Test func hashiyaCommentsKeepLayersKindsNotesAndAnnotators() throws {
    let text = BratConfiguration.text(
      for: ExchangeFixtures.schemas, tokens: ["name": ["كيفين%20كويثي"]], annotators: [("لينا", "لينا م")])
    let file = BratConfigurationFile(text: text)
    #expect(file.annotators == ["لينا": "لينا م"])
    let schemas = file.schemas(default: "unused")
    #expect(schemas.map(\.layer) == ["speaker-tagging", "translation-notes"])
    let speakers = try #require(schemas.first)
    #expect(speakers.label("speaker")?.attribute("name")?.kind == .text)
    #expect(speakers.label("quote")?.attribute("mode")?.kind == .enumeration(["direct", "indirect"]))
    #expect(speakers.linkType("said-by")?.from == ["quote"])
    #expect(schemas.last?.attributeName(playing: .note, label: "note") == "translation")
  }

  @Test func eventSchemasRoundTripThroughTheConfiguration() throws {
    let derived = BratConfigurationFile(text: Self.conf).schemas(default: "attribution")
    let again = BratConfigurationFile(text: BratConfiguration.text(for: derived)).schemas(default: "other")
    #expect(again.map(\.layer) == ["attribution"])
    #expect(again.first?.labels.map(\.name) == derived.first?.labels.map(\.name))
    #expect(again.first?.label("Statement")?.eventRoles == derived.first?.label("Statement")?.eventRoles)
    #expect(again.first?.label("Statement")?.attribute("Confidence")?.kind == .enumeration(["Low", "Medium", "High"]))
  }

  @Test func oldSchemasWithoutEventsStillRead() throws {
    let json = try JSONParser.parse(Array(#"{"layer":"l","labels":[{"name":"a","attributes":[]}],"links":[]}"#.utf8))
    let schema = try LayerSchema(json: json)
    #expect(schema.labels[0].eventRoles == nil)
    guard case .object(let written) = schema.json, case .array(let labels)? = written["labels"],
      case .object(let label)? = labels.first
    else {
      Issue.record("not an object")
      return
    }
    #expect(label["eventRoles"] == nil)
    let bad = try JSONParser.parse(
      Array(#"{"layer":"l","labels":[{"name":"a","eventRoles":[{"name":"r","labels":["zz"]}]}]}"#.utf8))
    #expect(throws: SchemaError.self) { try LayerSchema(json: bad) }
  }
}
