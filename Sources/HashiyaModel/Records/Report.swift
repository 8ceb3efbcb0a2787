/// A report as stored: its immutable text and the metadata it was imported with.
public struct Report: Sendable, Equatable {
  public var id: Int
  public var uid: String
  public var title: String
  public var source: String?
  public var url: String?
  public var language: String
  public var published: String?
  public var text: String
  public var sha256: String
  /// Length of `text` in Unicode scalars.
  public var length: Int
  /// Whether the imported file began with a byte-order mark, which was removed.
  public var hadBOM: Bool
  /// Free-form metadata as a JSON object text.
  public var metadataJSON: String
  public var importedAt: String
  public var importedBy: String

  public init(
    id: Int, uid: String, title: String, source: String? = nil, url: String? = nil, language: String,
    published: String? = nil, text: String, sha256: String, length: Int, hadBOM: Bool = false,
    metadataJSON: String = "{}", importedAt: String, importedBy: String
  ) {
    self.id = id
    self.uid = uid
    self.title = title
    self.source = source
    self.url = url
    self.language = language
    self.published = published
    self.text = text
    self.sha256 = sha256
    self.length = length
    self.hadBOM = hadBOM
    self.metadataJSON = metadataJSON
    self.importedAt = importedAt
    self.importedBy = importedBy
  }
}
