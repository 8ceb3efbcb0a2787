import AnnotatorKit
import HashiyaModel

/// Review, suggestions and the comparison of annotators on a server: not written there yet.
extension PostgresProjectStore {
  private func unsupported(_ what: String) -> StoreError { .unsupported(what: what, path: path) }

  public func annotationSpans(reportIDs: [Int], layers: [String]?) throws(StoreError) -> [AnnotationSpan] {
    throw unsupported("comparing annotators")
  }
  public func linksFromSpans(reportIDs: [Int], layers: [String]?) throws(StoreError) -> [AnnotationLink] {
    throw unsupported("comparing annotators")
  }
  public func reportTexts(ids: [Int]) throws(StoreError) -> [(id: Int, text: String)] {
    try reports(ids: ids).map { ($0.id, $0.text) }
  }
  public func reportTokens(ids: [Int]) throws(StoreError) -> [Int: [TextRange]] {
    throw unsupported("agreement")
  }
  public func comparedLabels(reportIDs: [Int], layers: [String]?) throws(StoreError) -> [(
    layer: String, label: String, author: String
  )] { throw unsupported("comparing annotators") }
  public func reportsAnnotatedBySeveral(layer: String) throws(StoreError) -> [Int] {
    throw unsupported("review queues")
  }
  public func progress(layer: String?) throws(StoreError) -> [AnnotatorProgress] { throw unsupported("progress") }
  public func activeSeconds() throws(StoreError) -> [String: Double] { throw unsupported("progress") }

  public func addPendingSuggestions(_ items: [PendingSuggestion], author: String, replacing: Bool) throws {
    throw unsupported("suggestions")
  }
  public func pendingSuggestionCounts(author: String) throws(StoreError) -> [(layer: String, total: Int, open: Int)] {
    []
  }
  public func pendingSuggestions(author: String, numbers: ClosedRange<Int>) throws(StoreError) -> [PendingSuggestion] {
    []
  }
  public func pendingSuggestions(author: String, numbers: [Int]) throws(StoreError) -> [PendingSuggestion] { [] }
  public func pendingSuggestionNumbers(author: String, layer: String?, openOnly: Bool) throws(StoreError) -> [Int] {
    []
  }
  public func suggestionDecisions(reportIDs: [Int], author: String?) throws(StoreError) -> Set<SuggestionDecision> {
    []
  }

  public func reviews(annotationIDs: [Int]) throws(StoreError) -> [Review] { [] }
  public func comments(onAnnotation id: Int) throws(StoreError) -> [(
    kind: String, author: String, at: String, comment: String
  )] { [] }
  public func reviewDecisions(reportIDs: [Int], layer: String?) throws(StoreError) -> [ReviewDecision] { [] }
  public func reviewStates(reportIDs: [Int]) throws(StoreError) -> [Int: String] { [:] }
  public func layerReviewStates(reportIDs: [Int]) throws(StoreError) -> [Int: [(
    layer: String, state: ReviewStateRecord.State
  )]] { [:] }
}
