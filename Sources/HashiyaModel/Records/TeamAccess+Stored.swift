import AnnotatorKit

/// How a project keeps its blind settings in `meta` and turns them, with the team, into access:
/// the same on a file and on a server.
extension TeamAccess {
  /// The `meta` key of the setting of `layer`, or of every layer without one of its own.
  package static func blindKey(_ layer: String?) -> String {
    layer.map { "blind:" + $0 } ?? "blind"
  }

  /// The value stored for a setting changed by `actor` at `at`.
  package static func blindValue(_ on: Bool, at: String, by actor: String) -> String {
    JSONWriter.string(.object(["on": .bool(on), "at": .string(at), "by": .string(actor)]))
  }

  /// A stored blind setting; one that does not parse counts as none.
  package static func blindSetting(_ text: String?) -> (on: Bool, at: String)? {
    guard let text, let value = try? JSONParser.parse(text), case .bool(let on)? = value["on"],
      let at = value["at"]?.stringValue
    else { return nil }
    return (on, at)
  }

  /// What `user` may see, given the active members and the stored settings (`meta` rows keyed
  /// `blind` or `blind:<layer>`). A user the team does not have (a project read without a team)
  /// is a lead of it; blind is on by default once two annotators are active.
  package static func stored(for user: String, members: [TeamMember], settings: [(key: String, value: String)])
    -> TeamAccess
  {
    let active = members.filter(\.isActive)
    let folded = MemberName.fold(user)
    guard let member = active.first(where: { $0.folded == folded }) else { return .lead(user) }
    var layers: [String: Bool] = [:]
    var everywhere: Bool?
    for (key, value) in settings {
      guard let on = blindSetting(value)?.on else { continue }
      if key == "blind" { everywhere = on } else { layers[String(key.dropFirst("blind:".count))] = on }
    }
    let annotators = active.filter { $0.role == .annotator }.count
    return TeamAccess(
      user: member.name, role: member.role, blindByDefault: everywhere ?? (annotators >= 2), blindLayers: layers)
  }
}
