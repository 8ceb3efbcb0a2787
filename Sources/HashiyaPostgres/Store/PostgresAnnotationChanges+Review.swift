import AnnotatorKit
import HashiyaModel

/// The review writes of a change on a server: not written there yet.
extension PostgresAnnotationChanges {
  func recordDecision(_ decision: SuggestionDecision, origin: String) throws {
    throw StoreError.unsupported(what: "deciding on suggestions", path: "a server project")
  }

  @discardableResult
  func review(_ annotationID: Int, verdict: Review.Verdict, comment: String?) throws -> Review {
    throw StoreError.unsupported(what: "reviewing", path: "a server project")
  }

  func recordReviewDecision(_ decision: ReviewDecision) throws {
    throw StoreError.unsupported(what: "adjudicating", path: "a server project")
  }

  func withdrawReviewDecisions(reportID: Int, layer: String, sources: [String]) throws {
    throw StoreError.unsupported(what: "adjudicating", path: "a server project")
  }

  func setReviewUnits(reportID: Int, layer: String, units: Int) throws {
    throw StoreError.unsupported(what: "adjudicating", path: "a server project")
  }
}
