import AnnotatorTesting
import Foundation
import HashiyaAnnotating
import HashiyaPlugins
import HashiyaStore
import Testing

@testable import HashiyaREPL

@Suite struct CompletionTests {
  let folder: TemporaryFolder
  let session: Session

  init() {
    folder = TemporaryFolder()
    let store = try! ProjectStore.open(path: folder.path("completion.hashiya"))
    try! store.importReports(author: "t", source: "t") {
      for n in 1...12 { try $0.insert(NewReport(title: "r\(n)", text: "نص \(n)", language: "ar")) }
    }
    let catalog = LayerCatalog(plugins: BuiltinAnnotators.standard.map { LoadedPlugin(builtin: $0) }, failures: [])
    session = Session(store: store, user: "t", commandsFromStandardInput: false, catalog: catalog)
  }

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
