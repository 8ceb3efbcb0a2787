import AnnotatorKit

/// A report read from an annotated file (a Hashiya export, brat, Prodigy, doccano, Label Studio),
/// before the store checks it against the text and writes it.
public struct ImportedReport: Sendable {
  public var report: NewReport
  public var annotations: [ImportedAnnotation]
  public var links: [ImportedLink]
  public var reviews: [ImportedReview]
  /// How units were settled; only a Hashiya export carries them.
  public var reviewDecisions: [ImportedReviewDecision] = []
  /// Review progress per layer.
  public var reviewStates: [ReviewStateRecord] = []
  /// Decisions on suggested spans.
  public var suggestionDecisions: [SuggestionDecisionRecord] = []
  /// Candidates the file carried (origin `suggestion:…`, from `export --with-suggestions`),
  /// left out: a suggestion becomes an annotation only when someone accepts it.
  public var suggestionsLeftOut = 0
  /// Where the record came from, for messages: `file.jsonl:12`.
  public var location: String
  /// The report's text analysed, when the reader already built it to check offsets; the import
  /// reuses it rather than analysing the text again.
  public var analysedText: ReportText?
  /// How far into its file the reader had got when it read this report, for a progress bar;
  /// nil when the reader cannot tell.
  public var bytesRead: Int?

  public init(
    report: NewReport, annotations: [ImportedAnnotation] = [], links: [ImportedLink] = [],
    reviews: [ImportedReview] = [], location: String
  ) {
    self.report = report
    self.annotations = annotations
    self.links = links
    self.reviews = reviews
    self.location = location
  }
}

/// An annotation as a file states it; what the file does not say is filled in on import.
public struct ImportedAnnotation: Sendable {
  /// Identifies the annotation within its file, for links and reviews: its UUID when the file has
  /// one (a Hashiya export), else any key unique in the report (`T3` in brat).
  public var key: String
  /// The UUID to keep, when the file carries one.
  public var uuid: String?
  /// The handle to keep when free (a Hashiya export), so a round trip keeps `#12` as `#12`.
  public var handle: Int?
  public var layer: String
  public var label: String
  public var range: TextRange
  /// The covered text as the file states it; checked against the report when present.
  public var quote: String?
  /// The span's further pieces, for a discontinuous span; their quotes are checked like `quote`.
  public var fragments: [ImportedFragment] = []
  public var attributes: JSONObject
  public var author: String?
  public var origin: String?
  public var status: Annotation.Status
  public var createdAt: String?
  public var updatedAt: String?
  /// For an adjudicated annotation, the UUIDs of the annotations it was taken from.
  public var provenance: [String]
  /// Where in the file, for messages: `reports.jsonl:3 annotation 5`.
  public var location: String
  /// A free-text note a format keeps apart from attributes (brat's `AnnotatorNotes`); the import
  /// stores it in the attribute the layer's schema declares as its note.
  public var note: String?

  public init(
    key: String, uuid: String? = nil, handle: Int? = nil, layer: String, label: String, range: TextRange,
    quote: String? = nil, attributes: JSONObject = [:], author: String? = nil, origin: String? = nil,
    status: Annotation.Status = .active, createdAt: String? = nil, updatedAt: String? = nil,
    provenance: [String] = [], location: String
  ) {
    self.provenance = provenance
    self.key = key
    self.uuid = uuid
    self.handle = handle
    self.layer = layer
    self.label = label
    self.range = range
    self.quote = quote
    self.attributes = attributes
    self.author = author
    self.origin = origin
    self.status = status
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.location = location
  }
}

/// A link as a file states it, between two annotation keys of the same report.
public struct ImportedLink: Sendable {
  public var uuid: String?
  public var type: String
  public var from: String
  public var to: String
  public var author: String?
  public var status: Annotation.Status
  public var createdAt: String?

  public init(
    uuid: String? = nil, type: String, from: String, to: String, author: String? = nil,
    status: Annotation.Status = .active, createdAt: String? = nil
  ) {
    self.uuid = uuid
    self.type = type
    self.from = from
    self.to = to
    self.author = author
    self.status = status
    self.createdAt = createdAt
  }
}

/// A review verdict as a file states it, on an annotation key of the same report.
public struct ImportedReview: Sendable {
  public var uuid: String?
  public var annotation: String
  public var reviewer: String
  public var verdict: Review.Verdict
  public var comment: String?
  public var createdAt: String?

  public init(
    uuid: String? = nil, annotation: String, reviewer: String, verdict: Review.Verdict, comment: String? = nil,
    createdAt: String? = nil
  ) {
    self.uuid = uuid
    self.annotation = annotation
    self.reviewer = reviewer
    self.verdict = verdict
    self.comment = comment
    self.createdAt = createdAt
  }
}

/// A further piece of a discontinuous span as a file states it; a quote, when present, is checked.
public struct ImportedFragment: Sendable {
  public var range: TextRange
  public var quote: String?

  public init(range: TextRange, quote: String? = nil) {
    self.range = range
    self.quote = quote
  }
}
