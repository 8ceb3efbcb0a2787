import AnnotatorKit
import Testing

@testable import HashiyaPlugins

@Suite struct PluginManifestTests {
  private func parse(_ json: String, reserved: Set<String> = []) throws(PluginError) -> PluginManifest {
    try PluginManifest(
      bytes: Array(json.utf8), path: "plugins/x/plugin.json", folder: "plugins/x", reservedNames: reserved)
  }

  private func problem(_ json: String, reserved: Set<String> = []) -> String? {
    do {
      _ = try ManifestPlugin(manifest: try parse(json, reserved: reserved))
      return nil
    } catch {
      return error.description
    }
  }

  private let schema =
    #""schema": {"labels": [{"name": "place", "attributes": [{"name": "wikidata", "type": "text"}]}], "links": [{"name": "near", "from": ["place"], "to": ["place"]}]}"#

  @Test func readsIdentitySchemaAndCommands() throws {
    let manifest = try parse(
      #"{"id": "places", "version": "1.2", "kind": "manifest", "description": "d", \#(schema), "commands": [{"name": "near", "form": "spanLinkedTo", "label": "place", "keyword": "to", "linkType": "near", "summary": "s"}, {"name": "qid", "form": "spanWithText", "label": "place", "attribute": "wikidata", "summary": "t"}]}"#
    )
    #expect(manifest.id == "places")
    #expect(manifest.version == "1.2")
    #expect(manifest.kind == .manifest)
    #expect(manifest.schema.layer == "places")
    #expect(
      manifest.commands.map(\.form) == [
        .spanLinkedTo(label: "place", keyword: "to", linkType: "near"),
        .spanWithText(label: "place", attribute: "wikidata"),
      ])
  }

  @Test func namesTheFileAndTheField() {
    #expect(
      problem(#"{"id": "x", "version": "1", "kind": "manifest", "schema": {"labels": []}}"#)
        == #"plugins/x/plugin.json: "schema.labels" must be a non-empty array"#)
    #expect(
      problem(#"{"id": "x", "version": "1", "kind": "manifest"}"#) == #"plugins/x/plugin.json: "schema" is missing"#)
    #expect(
      problem(#"{"id": "x", "version": "1", "kind": "manifest", "#)?.hasPrefix("plugins/x/plugin.json: not valid JSON")
        == true)
    #expect(
      problem(#"{"id": "X Y", "version": "1", "kind": "manifest", \#(schema)}"#)?.contains(#""id" must be lower-case"#)
        == true)
    #expect(
      problem(#"{"id": "x", "version": "1", "kind": "plugin", \#(schema)}"#)?.contains(
        #""kind" must be "manifest" or "process""#) == true)
    #expect(
      problem(#"{"id": "x", "kind": "manifest", \#(schema)}"#)
        == #"plugins/x/plugin.json: "version" must be a non-empty string"#)
  }

  /// A misspelt member would otherwise load a plugin without what its author wrote.
  @Test func refusesUnknownMembersAndColoursWithTheNearestKnownOne() {
    #expect(
      problem(#"{"id": "x", "version": "1", "kind": "manifest", \#(schema), "sugesters": []}"#)
        == #"plugins/x/plugin.json: unknown member "sugesters"; did you mean "suggesters"?"#)
    #expect(
      problem(
        #"{"id": "x", "version": "1", "kind": "manifest", "schema": {"labels": [{"name": "a", "colur": "red"}]}}"#)
        == #"plugins/x/plugin.json: unknown member "schema.labels[0].colur"; did you mean "colour"?"#)
    #expect(
      problem(
        #"{"id": "x", "version": "1", "kind": "manifest", "schema": {"labels": [{"name": "a", "colour": "purpel"}]}}"#)?
        .contains(#"must be one of red, green, yellow, blue, magenta, cyan (got "purpel")"#) == true)
    #expect(
      problem(
        #"{"id": "x", "version": "1", "kind": "manifest", \#(schema), "suggesters": [{"type": "regex", "label": "place", "patern": "x"}]}"#
      ) == #"plugins/x/plugin.json: unknown member "suggesters[0].patern"; did you mean "pattern"?"#)
  }

  @Test func rejectsSchemaLayerOtherThanTheId() {
    let text = #"{"id": "x", "version": "1", "kind": "manifest", "schema": {"layer": "y", "labels": [{"name": "a"}]}}"#
    #expect(problem(text)?.contains(#""schema.layer" is "y" but the plugin id is "x""#) == true)
  }

  @Test func rejectsCommandsThatClashOrNameUnknownLabels() {
    let clash =
      #"{"id": "x", "version": "1", "kind": "manifest", \#(schema), "commands": [{"name": "show", "form": "span", "label": "place"}]}"#
    #expect(problem(clash, reserved: ["show", "tag"])?.contains(#"command "show" clashes"#) == true)
    #expect(problem(clash) == nil)
    let unknown =
      #"{"id": "x", "version": "1", "kind": "manifest", \#(schema), "commands": [{"name": "city", "form": "span", "label": "city"}]}"#
    #expect(problem(unknown)?.contains(#""commands[0].label": layer x has no label "city""#) == true)
    let link =
      #"{"id": "x", "version": "1", "kind": "manifest", \#(schema), "commands": [{"name": "n", "form": "spanLinkedTo", "label": "place", "keyword": "to", "linkType": "far"}]}"#
    #expect(problem(link)?.contains("no link type \"far\"") == true)
    let text =
      #"{"id": "x", "version": "1", "kind": "manifest", \#(schema), "commands": [{"name": "n", "form": "spanWithText", "label": "place", "attribute": "qid"}]}"#
    #expect(problem(text)?.contains("place has no attribute \"qid\"") == true)
  }

  @Test func rejectsBadSuggesters() {
    func suggester(_ member: String) -> String {
      #"{"id": "x", "version": "1", "kind": "manifest", \#(schema), "suggesters": [\#(member)]}"#
    }
    #expect(
      problem(suggester(#"{"type": "lexicon", "label": "city", "entries": ["حلب"]}"#))?.contains(
        #""suggesters[0].label": layer x has no label "city""#) == true)
    #expect(
      problem(suggester(#"{"type": "regex", "label": "place", "pattern": "(["}"#))?.contains(
        #""suggesters[0].pattern" /([/ is not a valid regular expression"#) == true)
    #expect(
      problem(suggester(#"{"type": "regex", "label": "place", "pattern": "a*"}"#))?.contains("matches the empty string")
        == true)
    #expect(
      problem(suggester(#"{"type": "regex", "label": "place", "pattern": "a", "flags": "g"}"#))?.contains(
        "unknown flag \"g\"") == true)
    #expect(
      problem(suggester(#"{"type": "lexicon", "label": "place", "entries": []}"#))?.contains(
        "needs \"entries\" or a \"lexiconFile\"") == true)
    #expect(
      problem(suggester(#"{"type": "lexicon", "label": "place", "entries": ["حلب"], "attributes": {"wikidata": 5}}"#))?
        .contains("wikidata=5: expected text") == true)
    #expect(
      problem(suggester(#"{"type": "lexicon", "label": "place", "entries": ["حلب"], "score": 2}"#))?.contains(
        #""suggesters[0].score" must be between 0 and 1"#) == true)
    #expect(
      problem(suggester(#"{"type": "spacy", "label": "place"}"#))?.contains(
        #""suggesters[0].type" must be "lexicon" or "regex""#) == true)
  }

  @Test func readsProcessSettings() throws {
    let manifest = try parse(
      #"{"id": "x", "version": "1", "kind": "process", \#(schema), "command": ["python3", "x.py"], "timeout": 2.5}"#)
    let plugin = try ProcessPlugin(manifest: manifest)
    #expect(plugin.argv == ["python3", "x.py"])
    #expect(plugin.timeout == .milliseconds(2500))
    #expect(plugin.batchSize == 50)
    #expect(!plugin.isRunning)
    let noCommand = try parse(#"{"id": "x", "version": "1", "kind": "process", \#(schema), "command": []}"#)
    #expect(
      throws: PluginError.manifest(
        path: "plugins/x/plugin.json",
        problem: #""command" must be a non-empty array of strings (program and arguments)"#)
    ) {
      try ProcessPlugin(manifest: noCommand)
    }
  }
}
