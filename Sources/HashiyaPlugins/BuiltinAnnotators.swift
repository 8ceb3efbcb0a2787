import AnnotatorKit
import ClaimLabeling
import Foundation
import SpeakerTagging
import TranslationNotes

/// The annotators compiled into Hashiya, registered statically.
public enum BuiltinAnnotators {
  /// The built-ins without any user configuration.
  public static var standard: [any Annotator] {
    [SpeakerTagger(), ClaimLabeler(), TranslationNoter()]
  }

  /// The built-ins, the translation notes extended by whichever user glossaries exist among `glossaries`
  /// (later files override earlier ones); a malformed glossary is reported and skipped.
  public static func load(glossaries: [String]) -> PluginLoadResult {
    var entries: [GlossaryEntry] = []
    var failures: [PluginLoadFailure] = []
    for path in glossaries where FileManager.default.fileExists(atPath: path) {
      do {
        entries += try TranslationNoter.loadGlossary(path: path)
      } catch {
        failures.append(PluginLoadFailure(path: path, error: .manifest(path: path, problem: "\(error)")))
      }
    }
    let notes = entries.isEmpty ? TranslationNoter() : TranslationNoter(userGlossary: entries)
    let annotators: [any Annotator] = [SpeakerTagger(), ClaimLabeler(), notes]
    return PluginLoadResult(plugins: annotators.map { LoadedPlugin(builtin: $0) }, failures: failures)
  }

  /// Where user glossaries are looked for: beside the project, then in the user's configuration.
  public static func glossaryPaths(projectRoot: String) -> [String] {
    let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    return [
      (home as NSString).appendingPathComponent(".config/hashiya/glossary.tsv"),
      (projectRoot as NSString).appendingPathComponent("glossary.tsv"),
    ]
  }
}
