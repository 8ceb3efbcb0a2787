import AnnotatorKit

extension Annotation {
  /// Checks the stored span against its report's text: inside it, on character edges, covering
  /// exactly the stored quote. Only a file changed outside Hashiya can fail this.
  public func check(against text: ReportText) throws(StoreError) {
    try Self.check(range, quote: quote, fragments: fragments, of: id, on: reportID, against: text)
  }

  /// Checks each of a report's annotations as `check(against:)` does, reading their fields in
  /// place: checking one at a time copied each out of its array, a dozen strings retained.
  @inlinable
  public static func check(_ annotations: UnsafeBufferPointer<Annotation>, against text: ReportText)
    throws(StoreError)
  {
    for index in annotations.indices {
      try check(
        annotations[index].range, quote: annotations[index].quote, fragments: annotations[index].fragments,
        of: annotations[index].id, on: annotations[index].reportID, against: text)
    }
  }

  /// The check of one annotation's span and fragments, the annotation named by its handle.
  @usableFromInline
  static func check(
    _ range: TextRange, quote: String, fragments: [SpanFragment], of id: Int, on reportID: Int, against text: ReportText
  ) throws(StoreError) {
    do {
      try text.validate(range, quote: quote)
      for fragment in fragments { try text.validate(fragment.range, quote: fragment.quote) }
    } catch {
      throw .damaged(what: "annotation #\(id) on report #\(reportID)", reason: error.description)
    }
  }
}
