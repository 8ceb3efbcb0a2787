/// A report about to be imported; the store computes its hash, length and index entries.
public struct NewReport: Sendable {
  /// The report's global id; when nil, one is derived from the text's hash.
  public var uid: String?
  public var title: String
  public var text: String
  public var language: String
  public var source: String?
  public var url: String?
  public var published: String?
  /// A JSON object text.
  public var metadataJSON: String
  public var hadBOM: Bool

  public init(
    uid: String? = nil, title: String, text: String, language: String, source: String? = nil,
    url: String? = nil, published: String? = nil, metadataJSON: String = "{}", hadBOM: Bool = false
  ) {
    self.uid = uid
    self.title = title
    self.text = text
    self.language = language
    self.source = source
    self.url = url
    self.published = published
    self.metadataJSON = metadataJSON
    self.hadBOM = hadBOM
  }
}
