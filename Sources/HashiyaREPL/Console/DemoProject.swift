import Foundation
import HashiyaFormats
import HashiyaModel
import HashiyaStore

/// The built-in demo: `projects/demo.hashiya`, made from `projects/samples/` the first time.
enum DemoProject {
  /// Why the demo could not be opened.
  enum Failure: Error, CustomStringConvertible {
    case samplesNotFound

    var description: String {
      "no project given and no projects/samples folder here for the demo: run hashiya PROJECT.hashiya"
    }
  }

  /// The `projects` folder of the checkout: from the working directory, else beside the binary
  /// (which `swift build` puts under `.build/` inside the checkout).
  static func locateProjectsFolder() -> String? {
    var candidates = [FileManager.default.currentDirectoryPath]
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<6 {
      candidates.append(folder.path)
      folder.deleteLastPathComponent()
    }
    return candidates.map { $0 + "/projects" }.first {
      FileManager.default.fileExists(atPath: $0 + "/samples")
    }
  }

  static func open(in projects: String, announce: ((String) -> Void)?) throws -> any ProjectStoring {
    let path = projects + "/demo.hashiya"
    let isNew = !FileManager.default.fileExists(atPath: path)
    let store = try ProjectStore.open(path: path)
    let isEmpty = try store.reportCount() == 0
    if isNew || isEmpty {
      let files = try ReportImport.plan(paths: [projects + "/samples"])
      let outcome = try ReportImport.run(files, into: store, author: "hashiya-demo")
      announce?("created the demo project \(path) from \(outcome.added.count) sample reports")
    }
    return store
  }
}
