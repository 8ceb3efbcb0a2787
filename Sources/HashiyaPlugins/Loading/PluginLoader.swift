import AnnotatorKit
import Foundation

/// Finds plugin folders in search directories and builds their annotators without running anything.
///
/// Each immediate subfolder of a search directory holding a `plugin.json` is a plugin; a search
/// directory that itself holds a `plugin.json` is taken as one plugin, so `--plugins path/to/one`
/// works too. Folders are visited in directory order, then name order, and a failure in one
/// plugin never stops the others. Only explicitly given directories are read: nothing is ever
/// loaded from a project file.
public struct PluginLoader: Sendable {
  /// Directories in priority order: when two plugins share an id, the first found wins.
  public var searchDirectories: [String]
  /// Names of core commands (and built-in annotators' commands) that plugins may not take.
  public var reservedCommandNames: Set<String>
  /// Ids already taken, by built-in annotators for instance.
  public var reservedIDs: Set<String>

  public init(searchDirectories: [String], reservedCommandNames: Set<String> = [], reservedIDs: Set<String> = []) {
    self.searchDirectories = searchDirectories
    self.reservedCommandNames = reservedCommandNames
    self.reservedIDs = reservedIDs
  }

  /// The usual search path: the project's `plugins/`, `~/.config/hashiya/plugins`, then `extra`
  /// (the `--plugins DIR` options) in the order given.
  public static func standardDirectories(projectRoot: String?, extra: [String] = []) -> [String] {
    var directories: [String] = []
    if let projectRoot { directories.append((projectRoot as NSString).appendingPathComponent("plugins")) }
    let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    directories.append((home as NSString).appendingPathComponent(".config/hashiya/plugins"))
    return directories + extra
  }

  public func load() -> PluginLoadResult {
    var result = PluginLoadResult()
    var loadedFrom: [String: String] = [:]
    var commandOwners: [String: String] = [:]
    for folder in pluginFolders(failures: &result.failures) {
      do {
        let manifest = try PluginManifest(folder: folder, reservedNames: reservedCommandNames)
        if reservedIDs.contains(manifest.id) {
          throw PluginError.manifest(path: manifest.path, problem: "id \(manifest.id) is taken by a built-in annotator")
        }
        // A second copy of a loaded plugin is named as such, before its commands clash.
        if let first = loadedFrom[manifest.id] {
          throw PluginError.duplicateID(id: manifest.id, path: manifest.path, loadedFrom: first)
        }
        for name in manifest.commands.map(\.name) {
          if let owner = commandOwners[name] {
            throw PluginError.manifest(
              path: manifest.path,
              problem: "command \"\(name)\" is already taken by plugin \(owner); choose another name")
          }
        }
        let annotator = try Self.annotator(for: manifest)
        loadedFrom[manifest.id] = folder
        for name in manifest.commands.map(\.name) { commandOwners[name] = manifest.id }
        result.plugins.append(LoadedPlugin(annotator: annotator, manifest: manifest))
      } catch let error as PluginError {
        result.failures.append(PluginLoadFailure(path: folder, error: error))
      } catch {
        result.failures.append(PluginLoadFailure(path: folder, error: .manifest(path: folder, problem: "\(error)")))
      }
    }
    return result
  }

  /// The annotator a manifest describes; a process plugin is only configured, not started.
  public static func annotator(for manifest: PluginManifest) throws(PluginError) -> any Annotator {
    switch manifest.kind {
    case .manifest: return try ManifestPlugin(manifest: manifest)
    case .process: return try ProcessPlugin(manifest: manifest)
    case .builtin: throw .manifest(path: manifest.path, problem: "\"kind\" must be \"manifest\" or \"process\"")
    }
  }

  private func pluginFolders(failures: inout [PluginLoadFailure]) -> [String] {
    let files = FileManager.default
    var folders: [String] = []
    var seen = Set<String>()
    for directory in searchDirectories {
      var isDirectory: ObjCBool = false
      // A missing search directory is normal (no ~/.config/hashiya/plugins yet).
      guard files.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
      if files.fileExists(atPath: (directory as NSString).appendingPathComponent(PluginManifest.fileName)) {
        if seen.insert(Self.canonical(directory)).inserted { folders.append(directory) }
        continue
      }
      let names: [String]
      do {
        names = try files.contentsOfDirectory(atPath: directory).sorted()
      } catch {
        let problem = "cannot list the plugin directory: \(error.localizedDescription)"
        failures.append(PluginLoadFailure(path: directory, error: .manifest(path: directory, problem: problem)))
        continue
      }
      for name in names where !name.hasPrefix(".") {
        let folder = (directory as NSString).appendingPathComponent(name)
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
          files.fileExists(atPath: (folder as NSString).appendingPathComponent(PluginManifest.fileName))
        else { continue }
        // The same folder reached twice (a --plugins path that repeats the project's) is one plugin.
        if seen.insert(Self.canonical(folder)).inserted { folders.append(folder) }
      }
    }
    return folders
  }

  private static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
