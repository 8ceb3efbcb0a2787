/// What the `hashiya` command line asked for, already parsed.
public struct LaunchOptions: Sendable {
  /// The project file; nil opens the demo project.
  public var project: String?
  public var user: String?
  /// Command lines passed with `-c`; when present they run instead of the prompt.
  public var commands: [String]
  public var json: Bool
  /// Extra plugin folders (`--plugins DIR`), searched after the project's and the user's.
  public var pluginDirectories: [String]
  /// When output carries bidi isolates (`--bidi`).
  public var bidi: BidiMode

  public init(
    project: String?, user: String?, commands: [String], json: Bool, pluginDirectories: [String] = [],
    bidi: BidiMode = .auto
  ) {
    self.bidi = bidi
    self.project = project
    self.user = user
    self.commands = commands
    self.json = json
    self.pluginDirectories = pluginDirectories
  }
}
