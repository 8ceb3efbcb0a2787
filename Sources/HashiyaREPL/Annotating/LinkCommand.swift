import AnnotatorKit
import HashiyaAnnotating
import HashiyaModel
import HashiyaStore

/// `link #A TYPE #B`: a typed relation between two annotations of one report.
struct LinkCommand: Command {
  let name = "link"
  let synopsis = "#FROM TYPE #TO"
  let completion = CompletionKind.linkFromHandle
  let summary = "link two annotations with a link type of the first one's layer"
  let details = """
    The link type must be declared by the layer of #FROM and allow its label and
    the label of #TO (see "plugin info LAYER").

    Example:
      link #14 said-by #12
    """

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let from = try arguments.takeHandle()
    let type = try arguments.takeWord("link type")
    let to = try arguments.takeHandle()
    try arguments.finish()
    let source = try session.visibleAnnotation(from)
    let target = try session.visibleAnnotation(to)
    guard source.status == .active else { throw StoreError.annotationDeleted(id: from) }
    try session.writer(source.layer).checkLink(type, label: source.label, reportID: source.reportID, to: target)
    try session.store.change(author: session.user) { changes in try changes.link(type, from: from, to: to) }
    return try AnnotationList([try session.store.annotation(id: from)], session: session)
  }
}
