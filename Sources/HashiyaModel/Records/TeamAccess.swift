/// What one member may see and change: their role and which layers are annotated blind.
///
/// Annotators on a blind layer see, list, export and change only their own annotations, so
/// their work stays independent and agreement measures something; leads see everything.
public struct TeamAccess: Sendable, Equatable {
  /// The member's stored name.
  public var user: String
  public var role: TeamMember.Role
  /// The project-wide setting: explicit, or on once the team has two or more annotators.
  public var blindByDefault: Bool
  /// Layers set blind or not one by one, over the project-wide setting.
  public var blindLayers: [String: Bool]

  public init(user: String, role: TeamMember.Role, blindByDefault: Bool = false, blindLayers: [String: Bool] = [:]) {
    self.user = user
    self.role = role
    self.blindByDefault = blindByDefault
    self.blindLayers = blindLayers
  }

  /// A lead of a project without rules: sees everything.
  public static func lead(_ user: String) -> TeamAccess { TeamAccess(user: user, role: .lead) }

  public var isLead: Bool { role == .lead }

  /// Whether `layer` is annotated blind.
  public func isBlind(_ layer: String) -> Bool {
    blindLayers[layer] ?? blindByDefault
  }

  /// Whether this member sees only their own work on some layer.
  public var isRestricted: Bool {
    !isLead && (blindByDefault || blindLayers.values.contains(true))
  }

  /// Whether this member may see the work `author` did on `layer`.
  public func maySee(author: String, layer: String) -> Bool {
    isLead || author == user || !isBlind(layer)
  }

  public func maySee(_ annotation: Annotation) -> Bool {
    maySee(author: annotation.author, layer: annotation.layer)
  }

  /// A report's bundle without what this member may not see: other people's annotations on
  /// blind layers, with their links, reviews and suggestion decisions, and the review decisions
  /// of those layers (a lead's adjudication shows what the others marked).
  public func restricted(_ bundle: ReportBundle) -> ReportBundle {
    guard isRestricted else { return bundle }
    var bundle = bundle
    bundle.annotations = bundle.annotations.filter(maySee)
    let kept = Set(bundle.annotations.map(\.id))
    bundle.links = bundle.links.filter { kept.contains($0.fromID) && kept.contains($0.toID) }
    bundle.reviews = bundle.reviews.filter { kept.contains($0.annotationID) }
    bundle.reviewDecisions = bundle.reviewDecisions.filter { !isBlind($0.decision.layer) }
    bundle.suggestionDecisions = bundle.suggestionDecisions.filter { maySee(author: $0.author, layer: $0.layer) }
    return bundle
  }
}
