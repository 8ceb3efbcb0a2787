import AnnotatorKit

extension Annotation {
  /// Checks the stored span against its report's text: inside it, on character edges, covering
  /// exactly the stored quote. Only a file changed outside Hashiya can fail this.
  public func check(against text: ReportText) throws(StoreError) {
    do {
      try text.validate(range, quote: quote)
      for fragment in fragments { try text.validate(fragment.range, quote: fragment.quote) }
    } catch {
      throw .damaged(what: "annotation #\(id) on report #\(reportID)", reason: error.description)
    }
  }
}
