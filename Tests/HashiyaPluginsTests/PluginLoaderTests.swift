import AnnotatorKit
import Foundation
import Testing

@testable import HashiyaPlugins

@Suite struct PluginLoaderTests {
  private func load() -> PluginLoadResult {
    PluginLoader(
      searchDirectories: [Fixtures.manifests, Fixtures.examples], reservedCommandNames: ["show", "tag", "quote"]
    ).load()
  }

  private func failure(_ folder: String, in result: PluginLoadResult) -> String? {
    result.failures.first { ($0.path as NSString).lastPathComponent == folder }?.reason
  }

  @Test func brokenManifestsFailWhileGoodOnesLoad() {
    let result = load()
    #expect(result.plugins.map(\.id) == ["fixture-good", "gazetteer", "quote-finder"])
    #expect(failure("bad-json", in: result)?.contains("bad-json/plugin.json: not valid JSON") == true)
    #expect(
      failure("missing-schema", in: result)?.hasSuffix(#"missing-schema/plugin.json: "schema" is missing"#) == true)
    #expect(
      failure("unknown-label", in: result)?.contains(#""suggesters[0].label": layer unknown-label has no label "city""#)
        == true)
    #expect(failure("bad-regex", in: result)?.contains("is not a valid regular expression") == true)
    #expect(failure("clashing-command", in: result)?.contains(#"command "show" clashes"#) == true)
    #expect(
      failure("missing-lexicon-file", in: result)?.contains("missing-lexicon-file/places.tsv: cannot be read") == true)
    #expect(failure("not-a-plugin", in: result) == nil)
    #expect(result.failures.count == 8)
  }

  @Test func laterDuplicatesAndTakenCommandsAreFailures() {
    let result = load()
    let duplicate = failure("zz-duplicate", in: result)
    #expect(duplicate?.contains("id fixture-good already loaded from \(Fixtures.manifests)/good") == true)
    #expect(result.plugin("fixture-good")?.version == "2.1.0")
    #expect(
      failure("zz-command-taken", in: result)?.contains(#"command "highlight" is already taken by plugin fixture-good"#)
        == true)
  }

  /// A second copy of a plugin with commands is "already loaded", not a command clash.
  @Test func aSecondCopyOfAPluginIsNamedAsSuch() throws {
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("hashiya-copy-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: copy) }
    try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Fixtures.examples + "/gazetteer", toPath: copy + "/gazetteer")
    let result = PluginLoader(searchDirectories: [Fixtures.examples, copy]).load()
    let reason = try #require(result.failures.first { $0.path.hasPrefix(copy) }?.reason)
    #expect(reason.contains("id gazetteer already loaded from \(Fixtures.examples)/gazetteer"), "\(reason)")
  }

  @Test func reportsKindVersionAndDoesNotStartProcesses() throws {
    let result = load()
    let quoteFinder = try #require(result.plugin("quote-finder"))
    #expect(quoteFinder.kind == .process)
    #expect(quoteFinder.version == "1.0.0")
    #expect((quoteFinder.annotator as? ProcessPlugin)?.isRunning == false)
    #expect(result.plugin("gazetteer")?.kind == .manifest)
  }

  @Test func readsOnlyImmediateSubfoldersAndSkipsMissingDirectories() {
    let root = Fixtures.repository.appendingPathComponent("plugins").path
    let result = PluginLoader(searchDirectories: ["/nonexistent/hashiya/plugins", root]).load()
    // plugins/examples holds plugins one level deeper, so it is not searched unless named.
    #expect(result.plugins.isEmpty)
    #expect(result.failures.isEmpty)
  }

  @Test func aSearchDirectoryThatIsAPluginLoadsAsOne() {
    let folder = Fixtures.example("gazetteer")
    let result = PluginLoader(searchDirectories: [folder, Fixtures.examples]).load()
    #expect(result.plugins.map(\.id) == ["gazetteer", "quote-finder"])
    #expect(result.failures.isEmpty)
  }

  @Test func builtInIdsAreReserved() {
    let result = PluginLoader(searchDirectories: [Fixtures.examples], reservedIDs: ["gazetteer"]).load()
    #expect(result.plugins.map(\.id) == ["quote-finder"])
    #expect(result.failures.first?.reason.contains("id gazetteer is taken by a built-in annotator") == true)
  }

  @Test func standardDirectoriesComeInOrder() {
    let directories = PluginLoader.standardDirectories(projectRoot: "/p", extra: ["/x"])
    #expect(directories.first == "/p/plugins")
    #expect(directories[1].hasSuffix(".config/hashiya/plugins"))
    #expect(directories.last == "/x")
  }
}
