import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// `team [add NAME ROLE | rm NAME | blind on|off [LAYER]]`: the project's members and roles.
struct TeamCommand: Command {
  let name = "team"
  let completion = CompletionKind.subcommands(["add": .none, "rm": .annotators, "blind": .none])
  let synopsis = "[add NAME annotator|lead | rm NAME | blind on|off [LAYER]]"
  let summary = "list the team, add or remove members, set blind annotation (leads)"
  let details = """
    Without arguments, lists the members with their roles, and which layers are blind.
    team add NAME annotator|lead   adds a member, or changes a member's role
    team rm NAME                   removes a member; their work stays theirs, and the name
                                   stays taken (team add brings them back)
    team blind on|off [LAYER]      annotation on LAYER (or on every layer without a setting of
                                   its own) is blind or not; it is blind by default once the
                                   team has two or more annotators
    Changing the team is for leads. Names are compared ignoring case (Amal is amal); the first
    user of a project is its lead. On blind layers annotators see, list, export and change only
    their own annotations; agreement, diff, review and conflicts are for leads.
    On a project file, identity is declared with --user, not authenticated.

    Examples:
      team add karim annotator
      team add "لينا" annotator
      team blind off translation-notes
    """

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    switch try arguments.takePositional() {
    case nil:
      break
    case "add":
      let member = try arguments.takeWord("member's name")
      let roleName = try arguments.takeWord("role: annotator or lead")
      try arguments.finish()
      guard let role = TeamMember.Role(rawValue: roleName.lowercased()) else {
        throw CommandError.usage(
          command: name, message: "the role is annotator or lead, not \"\(Excerpt.of(roleName))\"")
      }
      try session.store.setMember(member, role: role, by: session.user)
    case "rm", "remove":
      let member = try arguments.takeWord("member's name")
      try arguments.finish()
      try session.store.removeMember(member, by: session.user)
    case "blind":
      let setting = try arguments.takeWord("setting: on or off")
      let layer = try arguments.takePositional()
      try arguments.finish()
      guard setting == "on" || setting == "off" else {
        throw CommandError.usage(command: name, message: "team blind takes on or off")
      }
      if let layer { _ = try session.workspace.schema(layer) }
      try session.store.setBlind(setting == "on", layer: layer, by: session.user)
    case let other?:
      throw CommandError.usage(
        command: name, message: "\"\(Excerpt.of(other))\" is not add, rm or blind")
    }
    return TeamView(
      members: try session.store.teamMembers(includingRemoved: true), access: try session.access())
  }
}

/// The team as `team` prints it: members, roles, and the blind setting.
struct TeamView: CommandOutput {
  var members: [TeamMember]
  /// The viewer's access, which carries the blind settings.
  var access: TeamAccess

  var json: JSONValue {
    .object([
      "members": .array(
        members.map { member in
          .object([
            "name": .string(member.name), "role": .string(member.role.rawValue),
            "status": .string(member.isActive ? "active" : "removed"), "addedBy": .string(member.addedBy),
            "updatedAt": .string(member.updatedAt),
          ])
        }),
      "you": .string(access.user), "role": .string(access.role.rawValue),
      "blind": .object([
        "default": .bool(access.blindByDefault),
        "layers": .object(JSONObject(access.blindLayers.sorted { $0.key < $1.key }.map { ($0.key, .bool($0.value)) })),
      ]),
    ])
  }

  func text(_ style: TextStyle) -> String {
    let rows = members.map { member in
      [
        BidiIsolation.isolate(member.name) + (member.name == access.user ? " (you)" : ""),
        member.role.rawValue, member.isActive ? "" : "removed", BidiIsolation.isolate(member.addedBy),
      ]
    }
    let layers = access.blindLayers.sorted { $0.key < $1.key }.map {
      "\($0.key.visiblyEscaped) \($0.value ? "on" : "off")"
    }
    let blind =
      "blind: \(access.blindByDefault ? "on" : "off")"
      + (layers.isEmpty ? "" : " (" + layers.joined(separator: ", ") + ")")
    return Table(header: ["member", "role", "status", "added by"], rows: rows).render(style) + "\n" + style.dim(blind)
  }
}
