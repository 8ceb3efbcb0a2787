import Foundation
import HashiyaPlugins
import HashiyaStore
import Testing

@testable import HashiyaREPL

@Suite struct CompletionTests {
  let session: Session = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hashiya-completion-\(UUID().uuidString).hashiya")
    let store = try! ProjectStore.open(path: path.path)
    try! store.importReports(author: "t", source: "t") {
      for n in 1...12 { try $0.insert(NewReport(title: "r\(n)", text: "نص \(n)", language: "ar")) }
    }
    let catalog = LayerCatalog(plugins: BuiltinAnnotators.standard.map { LoadedPlugin(builtin: $0) }, failures: [])
    return Session(store: store, user: "t", commandsFromStandardInput: false, catalog: catalog)
  }()

  func complete(_ before: String, _ word: String) -> [String]? {
    Completion.candidates(lineBeforeWord: before, word: word, session: session)
  }

  @Test func completesCommandsReportIdsLayersAndLabels() {
    #expect(complete("", "sho") == ["show"])
    #expect(complete("", "spe") == ["speaker"])
    #expect(complete("show ", "1") == ["1", "10", "11", "12"])
    #expect(complete("tag ", "cl") == ["claim-labeling"])
    #expect(complete("tag claim-labeling ", "") == ["claim", "claimant"])
    #expect(complete("ls --layer ", "tr") == ["translation-notes"])
    #expect(complete("whoami; help ", "agr") == ["agreement"])
    #expect(complete("import ", "pro") == nil)
  }
}
