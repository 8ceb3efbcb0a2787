/// How a plugin runs: compiled in, rules interpreted in process, or a separate program over pipes.
public enum PluginKind: String, Sendable, Equatable, CaseIterable {
  case builtin
  case manifest
  case process
}
