/// What a plugin search found: the plugins that loaded, in search order, and the ones that did not.
public struct PluginLoadResult: Sendable {
  public var plugins: [LoadedPlugin]
  public var failures: [PluginLoadFailure]

  public init(plugins: [LoadedPlugin] = [], failures: [PluginLoadFailure] = []) {
    self.plugins = plugins
    self.failures = failures
  }

  public func plugin(_ id: String) -> LoadedPlugin? { plugins.first { $0.id == id } }

  /// Stops every process plugin that was started; the REPL calls this on quit.
  public func shutdown() {
    for plugin in plugins {
      (plugin.annotator as? ProcessPlugin)?.shutdown()
    }
  }
}
