import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import HashiyaPlugins
import HashiyaStore
import Testing

@testable import HashiyaAnnotating

/// The write path every front end shares: one transaction per change, the schema recorded with
/// the first write to a layer, and drafts checked against the text, the schema and the plugin.
@Suite struct WorkspaceTests {
  let folder = TemporaryFolder()

  func workspace() throws -> Workspace {
    let store = try ProjectStore.open(path: folder.path("p.hashiya"))
    _ = try store.importReports(author: "amal", source: "test") {
      try $0.insert(NewReport(title: "seed", text: SeedReport.text, language: "ar"))
    }
    let catalog = LayerCatalog(plugins: BuiltinAnnotators.standard.map { LoadedPlugin(builtin: $0) }, failures: [])
    return Workspace(store: store, catalog: catalog, user: "amal")
  }

  struct Refused: Error {}

  @Test func aFailedFirstWriteRecordsNoSchema() throws {
    let workspace = try workspace()
    #expect(throws: Refused.self) {
      try workspace.change(writingTo: ["claim-labeling"]) { _ in throw Refused() }
    }
    #expect(try workspace.store.layerRecords().isEmpty)
    #expect(try workspace.store.events().allSatisfy { $0.entity != "layer" })
  }

  @Test func theSchemaIsRecordedWithTheFirstWriteAndOnlyOnce() throws {
    let workspace = try workspace()
    try workspace.change(writingTo: ["claim-labeling"]) { _ in }
    try workspace.change(writingTo: ["claim-labeling"]) { _ in }
    #expect(try workspace.store.layerRecords().map(\.id) == ["claim-labeling"])
    #expect(try workspace.store.events().filter { $0.entity == "layer" }.count == 1)
  }

  @Test func aDraftIsWrittenWithItsSchemaInOneTransaction() throws {
    let workspace = try workspace()
    let text = ReportText(SeedReport.text)
    let range = try #require(text.occurrences(of: "ثمانية ملايين").first)
    let writer = try AnnotationWriter(workspace: workspace, layer: "claim-labeling")
    let draft = try writer.draft(
      label: "claim", range: range, reportID: 1, text: text, typed: [("type", "statistical"), ("checkworthiness", "5")])
    #expect(draft.quote == "ثمانية ملايين")
    #expect(draft.attributes["checkworthiness"] == 5)
    #expect(draft.attributes["verdict"] == "unverified")
    let created = try workspace.change(writingTo: ["claim-labeling"]) { try $0.add(draft) }
    let events = try workspace.store.events()
    let register = try #require(events.first { $0.entity == "layer" })
    let create = try #require(events.first { $0.entity == "annotation" })
    #expect(register.id + 1 == create.id)
    #expect(created.author == "amal")
  }

  @Test func draftsAreCheckedAgainstTheTextTheSchemaAndThePlugin() throws {
    let workspace = try workspace()
    let text = ReportText(SeedReport.text)
    let writer = try AnnotationWriter(workspace: workspace, layer: "claim-labeling")
    #expect(throws: TextRangeError.self) {
      try writer.draft(label: "claim", range: TextRange(0, text.count + 5), reportID: 1, text: text)
    }
    #expect(throws: SchemaError.self) {
      try writer.draft(label: "claim", range: TextRange(0, 4), reportID: 1, text: text, typed: [("type", "gossip")])
    }
    #expect(throws: AnnotatingError.self) { try AnnotationWriter(workspace: workspace, layer: "no-such-layer") }
    #expect(writer.label("c") == writer.schema.label(namedOrKeyed: "c")?.name ?? "c")
  }
}
