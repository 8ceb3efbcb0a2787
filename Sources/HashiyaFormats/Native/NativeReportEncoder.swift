import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Writes one report of a native export, with its annotations and their links and reviews, and
/// its review work, as one JSON object.
///
/// Links and reviews are nested under the annotation they start from, so a report reads top-down
/// and a reader never has to hold links until their annotations arrive. The lookup tables are
/// kept between reports so a long export does not allocate them again for every report.
struct NativeReportEncoder {
  let offsets: ExportContext.Offsets
  let contextLength: Int

  /// Position in the bundle's annotations of each exported handle.
  private(set) var indexByHandle: [Int: Int] = [:]
  /// `(annotation index, link index)` sorted, so each annotation's links are one contiguous run.
  private var linkOrder: [(annotation: Int, item: Int, target: Int)] = []
  private var reviewOrder: [(annotation: Int, item: Int)] = []

  init(offsets: ExportContext.Offsets, contextLength: Int) {
    self.offsets = offsets
    self.contextLength = contextLength
  }

  /// How many records of each kind a report object holds.
  struct Counts {
    var annotations: Int
    var links: Int
    var reviewDecisions: Int
    var suggestionDecisions: Int
  }

  /// Appends the report object to `writer` and returns how many records it holds.
  mutating func encode(
    _ bundle: ReportBundle, text: ReportText, into writer: inout JSONWriter
  ) throws(FormatError) -> Counts {
    let report = bundle.report
    let location = "report \(report.id) (\(report.uid))"
    try index(bundle, location: location)

    writer.beginObject()
    writer.field("id", report.id)
    writer.field("uid", report.uid)
    writer.field("title", report.title)
    writer.field("language", report.language)
    writer.field("source", report.source)
    writer.field("url", report.url)
    writer.field("published", report.published)
    writer.key("metadata")
    try writeMetadata(report.metadataJSON, location: location, into: &writer)
    writer.field("sha256", report.sha256)
    writer.field("hadBOM", report.hadBOM)
    writer.field("length", text.count)
    writer.field("text", text.string)
    writer.key("annotations")
    writer.beginArray()
    var nextLink = 0
    var nextReview = 0
    // Each annotation is lent in place, through a buffer: copying one out of the array retains its
    // dozen strings.
    try bundle.annotations.withUnsafeBufferPointer { (annotations) throws(FormatError) in
      for index in annotations.indices {
        try writeAnnotation(
          at: index, of: annotations, bundle: bundle, text: text, nextLink: &nextLink,
          nextReview: &nextReview, location: location, into: &writer)
      }
    }
    writer.endArray()
    try writeReviewWork(bundle, location: location, into: &writer)
    writer.endObject()
    return Counts(
      annotations: bundle.annotations.count, links: bundle.links.count,
      reviewDecisions: bundle.reviewDecisions.count, suggestionDecisions: bundle.suggestionDecisions.count)
  }

  /// Groups links and reviews by the annotation they belong to, checking that both ends are exported.
  private mutating func index(_ bundle: ReportBundle, location: String) throws(FormatError) {
    indexByHandle.removeAll(keepingCapacity: true)
    for index in bundle.annotations.indices { indexByHandle[bundle.annotations[index].id] = index }
    linkOrder.removeAll(keepingCapacity: true)
    for (item, link) in bundle.links.enumerated() {
      guard let from = indexByHandle[link.fromID], let to = indexByHandle[link.toID] else {
        throw FormatError(
          location: location, reason: "link \(link.uuid) joins #\(link.fromID) and #\(link.toID), not both exported")
      }
      linkOrder.append((from, item, to))
    }
    linkOrder.sort { ($0.annotation, $0.item) < ($1.annotation, $1.item) }
    reviewOrder.removeAll(keepingCapacity: true)
    for (item, review) in bundle.reviews.enumerated() {
      guard let on = indexByHandle[review.annotationID] else {
        throw FormatError(
          location: location, reason: "review \(review.uuid) is on #\(review.annotationID), not exported")
      }
      reviewOrder.append((on, item))
    }
    reviewOrder.sort { ($0.annotation, $0.item) < ($1.annotation, $1.item) }
  }

  /// Offsets (in every unit asked for) and the quote of one piece of a span.
  private func writeSpan(_ range: TextRange, quote: String, text: ReportText, into writer: inout JSONWriter) {
    writer.field("start", range.start)
    writer.field("end", range.end)
    if offsets == .all {
      writer.key("utf16")
      writePair(text.utf16Offset(ofScalar: range.start), text.utf16Offset(ofScalar: range.end), into: &writer)
      writer.key("utf8")
      writePair(text.utf8Offset(ofScalar: range.start), text.utf8Offset(ofScalar: range.end), into: &writer)
    }
    writer.field("quote", quote)
  }

  private func writeAnnotation(
    at index: Int, of annotations: UnsafeBufferPointer<Annotation>, bundle: ReportBundle, text: ReportText,
    nextLink: inout Int, nextReview: inout Int, location: String, into writer: inout JSONWriter
  ) throws(FormatError) {
    // `ReportPrefetch` checked the span against the text: offsets index it safely here. Each field
    // is read through the buffer: an annotation borrowed whole was copied, a dozen strings retained.
    let range = annotations[index].range
    writer.beginObject()
    writer.field("id", annotations[index].uuid)
    writer.field("handle", annotations[index].id)
    writer.field("layer", annotations[index].layer)
    writer.field("label", annotations[index].label)
    writeSpan(range, quote: annotations[index].quote, text: text, into: &writer)
    if !annotations[index].fragments.isEmpty {
      writer.key("fragments")
      writer.beginArray()
      for fragment in annotations[index].fragments {
        writer.beginObject()
        writeSpan(fragment.range, quote: fragment.quote, text: text, into: &writer)
        writer.endObject()
      }
      writer.endArray()
    }
    text.withContext(of: range, length: contextLength) { prefix, suffix in
      writer.key("prefix")
      writer.string(utf8: prefix)
      writer.key("suffix")
      writer.string(utf8: suffix)
    }
    writer.key("attributes")
    writeObject(annotations[index].attributes, into: &writer)
    writer.field("author", annotations[index].author)
    writer.field("origin", annotations[index].origin)
    writer.field("status", annotations[index].status.rawValue)
    writer.field("createdAt", annotations[index].createdAt)
    writer.field("updatedAt", annotations[index].updatedAt)
    if !annotations[index].provenance.isEmpty {
      writer.key("provenance")
      writer.beginArray()
      for uuid in annotations[index].provenance { writer.string(uuid) }
      writer.endArray()
    }
    writer.key("links")
    writer.beginArray()
    while nextLink < linkOrder.count, linkOrder[nextLink].annotation == index {
      let (_, item, target) = linkOrder[nextLink]
      let link = bundle.links[item]
      writer.beginObject()
      writer.field("id", link.uuid)
      writer.field("type", link.type)
      writer.field("to", bundle.annotations[target].uuid)
      writer.field("author", link.author)
      writer.field("status", link.status.rawValue)
      writer.field("createdAt", link.createdAt)
      writer.endObject()
      nextLink += 1
    }
    writer.endArray()
    writer.key("reviews")
    writer.beginArray()
    while nextReview < reviewOrder.count, reviewOrder[nextReview].annotation == index {
      let review = bundle.reviews[reviewOrder[nextReview].item]
      writer.beginObject()
      writer.field("id", review.uuid)
      writer.field("reviewer", review.reviewer)
      writer.field("verdict", review.verdict.rawValue)
      writer.field("comment", review.comment)
      writer.field("createdAt", review.createdAt)
      writer.endObject()
      nextReview += 1
    }
    writer.endArray()
    writer.endObject()
  }

  private func writePair(_ start: Int, _ end: Int, into writer: inout JSONWriter) {
    writer.beginArray()
    writer.int(start)
    writer.int(end)
    writer.endArray()
  }

  /// Member by member, so the object is not wrapped in a `JSONValue` first.
  private func writeObject(_ object: JSONObject, into writer: inout JSONWriter) {
    writer.beginObject()
    for member in object.pairs {
      writer.key(member.key)
      writer.value(member.value)
    }
    writer.endObject()
  }

  /// Re-encodes the stored metadata, which guarantees one line for JSONL whatever its spacing.
  private func writeMetadata(_ json: String, location: String, into writer: inout JSONWriter) throws(FormatError) {
    if json == "{}" {
      writer.beginObject()
      writer.endObject()
      return
    }
    guard let object = (try? JSONParser.parse(json))?.objectValue else {
      throw FormatError(location: location, reason: "its stored metadata is not a JSON object")
    }
    writeObject(object, into: &writer)
  }
}
