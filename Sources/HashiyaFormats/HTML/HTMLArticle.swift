/// One report rendered for an HTML export: its `<article>`, and what the index lists of it.
struct HTMLArticle {
  var id: Int
  var uid: String
  var title: String
  var markup: String
  /// The annotators of the report's annotations, in order of first appearance.
  var authors: [String]
  /// Annotations by layer.
  var perLayer: [String: Int]
  var annotations: Int
  var links: Int
}
