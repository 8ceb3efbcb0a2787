/// A plugin folder that did not load, with the reason to show the user.
public struct PluginLoadFailure: Sendable, Equatable, CustomStringConvertible {
  /// The plugin folder (or search directory) concerned.
  public let path: String
  public let error: PluginError

  public init(path: String, error: PluginError) {
    self.path = path
    self.error = error
  }

  /// The reason, already naming the file.
  public var reason: String { error.description }
  public var description: String { reason }
}
