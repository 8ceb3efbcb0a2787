import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

extension Session {
  /// The annotations `filter` selects that this user may see: on blind layers an annotator's
  /// own only. Asking for someone else's work there is refused rather than answered with nothing,
  /// which would read as "they marked nothing".
  func visibleAnnotations(_ filter: AnnotationFilter) throws -> [Annotation] {
    var filter = filter
    let access = try access()
    if let author = filter.author {
      filter.author = try memberName(author)
      try checkMaySee(author: filter.author ?? author, layer: filter.layer, access)
    }
    return try store.annotations(filter).filter(access.maySee)
  }

  /// One annotation by handle, refused when it is someone else's on a blind layer.
  func visibleAnnotation(_ id: Int) throws -> Annotation {
    let annotation = try store.annotation(id: id)
    let access = try access()
    guard access.maySee(annotation) else { throw TeamError.blind(what: "#\(id)", user: user) }
    return annotation
  }

  /// Refuses an annotator another author's work on `layer` (on any layer when none is named)
  /// when it is blind.
  func checkMaySee(author: String, layer: String?, _ access: TeamAccess) throws {
    guard !access.isLead, MemberName.fold(author) != MemberName.fold(user) else { return }
    let blind = layer.map(access.isBlind) ?? access.isRestricted
    if blind { throw TeamError.blind(what: "\(author)'s annotations", user: user) }
  }

  /// The team's spelling of a name typed in a command (`Amal` is `amal`); a name the team does
  /// not have (an imported author) is taken as typed.
  func memberName(_ typed: String) throws -> String {
    let folded = MemberName.fold(typed.precomposedStringWithCanonicalMapping)
    return try store.teamMembers(includingRemoved: true).first { $0.folded == folded }?.name ?? typed
  }
}

extension Arguments {
  /// `--author A` or `--mine` (the user's own); nil when neither is given.
  mutating func takeAuthor(_ session: Session) throws -> String? {
    let author = try takeOption("author")
    let mine = takeFlag("mine")
    if author != nil && mine {
      throw CommandError.usage(command: command, message: "give --author or --mine, not both")
    }
    return mine ? session.user : author
  }
}
