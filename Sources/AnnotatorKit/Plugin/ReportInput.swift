/// What an annotator sees of a report when it suggests.
public struct ReportInput: Sendable {
  public var id: Int
  public var uid: String
  public var language: String
  public var text: ReportText

  public init(id: Int, uid: String, language: String, text: ReportText) {
    self.id = id
    self.uid = uid
    self.language = language
    self.text = text
  }
}
