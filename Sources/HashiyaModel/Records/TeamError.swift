import AnnotatorKit

/// Why a name, a member or a team change is refused.
public enum TeamError: Error, Equatable, CustomStringConvertible {
  /// An empty or blank name.
  case emptyName
  /// A name with control characters, line breaks or bidi controls.
  case controlCharacters(String)
  case nameTooLong(String, limit: Int)
  /// A name the team does not have; `suggestion` is the closest member's.
  case unknownMember(String, suggestion: String?)
  /// A member a lead removed.
  case removedMember(String)
  /// Only leads may do this.
  case leadsOnly(action: String, user: String)
  /// The team must keep at least one lead.
  case lastLead(String)
  /// On a blind layer an annotator sees only their own work.
  case blind(what: String, user: String)
  /// On a server, a member is a login role, and the server has none of this name.
  case noLoginRole(String)
  /// On a server, `user` may not make anyone a member of the team's group role `group`.
  case cannotGrant(group: String, user: String)

  public var description: String {
    switch self {
    case .emptyName:
      return "a user name cannot be empty or blank: give one with --user NAME"
    case .controlCharacters(let name):
      return "the user name \"\(Excerpt.of(name))\" has control characters or line breaks; choose another"
    case .nameTooLong(let name, let limit):
      return "the user name \"\(Excerpt.of(name))\" is longer than \(limit) characters"
    case .unknownMember(let name, let suggestion):
      let hint = suggestion.map { "; did you mean \($0)?" } ?? ""
      return
        "\"\(Excerpt.of(name))\" is not in this project's team\(hint) (a lead adds members: team add NAME annotator)"
    case .removedMember(let name):
      return "\(name) was removed from this project's team; a lead can add them again (team add \(name) annotator)"
    case .leadsOnly(let action, let user):
      return "\(action) is for leads, and \(user) is an annotator here (team lists the roles)"
    case .lastLead(let name):
      return "\(name) is the team's last lead: make another member lead first (team add NAME lead)"
    case .blind(let what, let user):
      return "\(what) is hidden from \(user): the layer is annotated blind, so annotators see only their own work"
    case .noLoginRole(let name):
      return "the server has no login role \"\(Excerpt.of(name))\": a member signs in as their own role, so its "
        + "administrator creates it first (CREATE ROLE \(Excerpt.of(name)) LOGIN, or createuser \(Excerpt.of(name)))"
    case .cannotGrant(let group, let user):
      return "\(user) may not add members to \(group) on this server: changing the team needs the CREATEROLE "
        + "attribute or ADMIN OPTION on that role (ALTER ROLE \(user) CREATEROLE, run by a superuser)"
    }
  }
}
