import AnnotatorKit
import AnnotatorTesting
import HashiyaPlugins
import HashiyaStore
import Testing

@testable import HashiyaREPL

/// A command's first write to a layer records the layer's schema in the same transaction.
@Suite struct SessionChangeTests {
  let folder = TemporaryFolder()

  func session() throws -> Session {
    let store = try ProjectStore.open(path: folder.path("p.hashiya"))
    _ = try store.importReports(author: "amal", source: "test") {
      try $0.insert(NewReport(title: "seed", text: SeedReport.text, language: "ar"))
    }
    let catalog = LayerCatalog(plugins: BuiltinAnnotators.standard.map { LoadedPlugin(builtin: $0) }, failures: [])
    let session = Session(store: store, user: "amal", commandsFromStandardInput: false, catalog: catalog)
    session.currentReportID = try store.firstReportID()
    return session
  }

  struct Refused: Error {}

  @Test func aFailedFirstWriteRecordsNoSchema() throws {
    let session = try session()
    #expect(throws: Refused.self) {
      try session.change(writingTo: ["claim-labeling"]) { _ in throw Refused() }
    }
    #expect(try session.store.layerRecords().isEmpty)
    #expect(try session.store.events().allSatisfy { $0.entity != "layer" })
  }

  @Test func theSchemaIsRecordedWithTheFirstWriteAndOnlyOnce() throws {
    let session = try session()
    try session.change(writingTo: ["claim-labeling"]) { _ in }
    try session.change(writingTo: ["claim-labeling"]) { _ in }
    #expect(try session.store.layerRecords().map(\.id) == ["claim-labeling"])
    #expect(try session.store.events().filter { $0.entity == "layer" }.count == 1)
  }

  @Test func theCommandLineRecordsTheSchemaWithTheAnnotation() throws {
    let session = try session()
    let runner = CommandRunner(session: session, json: false, style: TextStyle(colour: false), write: { _ in })
    runner.run(line: "claim \"ثمانية ملايين\" type=statistical")
    #expect(runner.failures == 0)
    let events = try session.store.events()
    let register = try #require(events.first { $0.entity == "layer" })
    let create = try #require(events.first { $0.entity == "annotation" })
    #expect(register.id + 1 == create.id)
    #expect(try session.store.layerRecords().map(\.id) == ["claim-labeling"])
  }
}
