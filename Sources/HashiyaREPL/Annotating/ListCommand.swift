import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// `ls [--layer L] [--author A] [--label X] [--all] [--flagged]`: the annotations of a report or project.
struct ListCommand: Command {
  let name = "ls"
  let synopsis = "[--layer L] [--author A | --mine] [--label X] [--all] [--flagged] [--deleted]"
  let summary = "list annotations of the current report (--all: of every report)"
  let details = """
    --author A lists one annotator's annotations, --mine your own. On a blind layer an
    annotator lists only their own (see "team"); a lead lists anyone's.
    """

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    var filter = AnnotationFilter(
      layer: try arguments.takeOption("layer"), label: try arguments.takeOption("label"),
      author: try arguments.takeAuthor(session))
    let everywhere = arguments.takeFlag("all")
    filter.flaggedOnly = arguments.takeFlag("flagged")
    filter.includeDeleted = arguments.takeFlag("deleted")
    try arguments.finish()
    if !everywhere && !filter.flaggedOnly {
      filter.reportID = try session.report(nil).id
    }
    let list = try AnnotationList(session.visibleAnnotations(filter), session: session)
    return list
  }
}
