/// A prompt command an annotator adds, declared by its shape so the core can run it for any plugin.
public struct AnnotatorCommand: Sendable, Equatable {
  /// What the command's arguments look like after its name.
  public enum Form: Sendable, Equatable {
    /// `NAME SPAN [k=v…]`: annotate SPAN with `label`.
    case span(label: String)
    /// `NAME SPAN KEYWORD #ID [k=v…]`: annotate SPAN with `label` and link it to #ID with `linkType`
    /// (`quote SPAN by #3`).
    case spanLinkedTo(label: String, keyword: String, linkType: String)
    /// `NAME SPAN "TEXT" [k=v…]`: annotate SPAN with `label`, TEXT going to `attribute`
    /// (`note SPAN "SDF"`).
    case spanWithText(label: String, attribute: String)
  }

  public var name: String
  public var form: Form
  public var summary: String
  public var details: String

  public init(name: String, form: Form, summary: String, details: String = "") {
    self.name = name
    self.form = form
    self.summary = summary
    self.details = details
  }

  /// The argument synopsis shown in help.
  public var synopsis: String {
    switch form {
    case .span: return "SPAN [key=value…]"
    case .spanLinkedTo(_, let keyword, _): return "SPAN \(keyword) #ID [key=value…]"
    case .spanWithText: return "SPAN \"TEXT\" [key=value…]"
    }
  }
}
