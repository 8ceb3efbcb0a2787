/// What is wrong with how Hashiya was started, before any command runs.
public enum LaunchError: Error, CustomStringConvertible, Equatable {
  /// `--user` names someone other than the role a server authenticated.
  case userOnServer(asked: String, authenticated: String)
  /// `hashiya init` without a project to create.
  case initWithoutTarget
  /// `hashiya clone` without both projects.
  case cloneWithoutProjects

  public var description: String {
    switch self {
    case .userOnServer(let asked, let authenticated):
      return
        "on a server you are who it authenticated (\(authenticated.visiblyEscaped)), not --user \(asked.visiblyEscaped); "
        + "connect as another role to work as someone else"
    case .initWithoutTarget:
      return "init needs a project to create: hashiya init postgresql:///newsroom, or hashiya init team.hashiya"
    case .cloneWithoutProjects:
      return "clone needs a project and a new copy: hashiya clone postgresql:///newsroom local.hashiya"
    }
  }
}
