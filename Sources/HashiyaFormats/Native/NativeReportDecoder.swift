import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Reads one report object of a native export into an `ImportedReport`, checking every span
/// against the text so a bad record is refused with the place it went wrong.
///
/// The review work members (`reviewDecisions`, `reviewState`, `suggestionDecisions`) may be
/// absent, as in exports written before they were added.
enum NativeReportDecoder {
  /// The origin `export --with-suggestions` gives open candidates: `suggestion:PLUGIN@VERSION`.
  static let suggestionOrigin = "suggestion:"

  static func decode(_ fields: NativeFields) throws(FormatError) -> ImportedReport {
    let text = try fields.string("text")
    let report = NewReport(
      uid: try fields.string("uid"), title: try fields.string("title"), text: text,
      language: try fields.string("language"), source: try fields.nullableString("source"),
      url: try fields.nullableString("url"), published: try fields.nullableString("published"),
      metadataJSON: JSONWriter.string(.object(try fields.object("metadata"))), hadBOM: try fields.bool("hadBOM"))
    if report.uid?.isEmpty != false { throw fields.fail("\"uid\" must not be empty") }

    var imported = ImportedReport(report: report, location: fields.location)
    imported.reviewStates = try reviewStates(fields)
    let annotationFields = try fields.objects("annotations", element: "annotation")
    let decisionFields = try fields.optionalObjects("reviewDecisions", element: "review decision")
    let suggestionFields = try fields.optionalObjects("suggestionDecisions", element: "suggestion decision")
    // A report without spans has no offsets to check, so it skips building the table.
    guard !annotationFields.isEmpty || !decisionFields.isEmpty || !suggestionFields.isEmpty else { return imported }
    let offsets = ReportText(text)
    imported.analysedText = offsets
    var known = Set<String>()
    var candidates = Set<String>()
    var pendingLinks: [(link: ImportedLink, location: String)] = []
    for annotation in annotationFields {
      let decoded = try decodeAnnotation(annotation, offsets: offsets)
      guard known.insert(decoded.key).inserted else {
        throw annotation.fail("annotation id \(Excerpt.of(decoded.key)) appears twice in this report")
      }
      if decoded.origin?.hasPrefix(Self.suggestionOrigin) == true {
        // A candidate stays a candidate: it is not imported as anyone's annotation.
        candidates.insert(decoded.key)
        imported.suggestionsLeftOut += 1
        continue
      }
      imported.annotations.append(decoded)
      for link in try annotation.objects("links", element: "link") {
        pendingLinks.append((try decodeLink(link, from: decoded.key), link.location))
      }
      for review in try annotation.objects("reviews", element: "review") {
        imported.reviews.append(try decodeReview(review, on: decoded.key))
      }
    }
    // Checked once every annotation is known: a link may point forward in the report.
    for (link, location) in pendingLinks where !candidates.contains(link.to) {
      guard known.contains(link.to) else {
        throw FormatError(
          location: location, reason: "links to annotation \(Excerpt.of(link.to)), which is not in this report")
      }
      imported.links.append(link)
    }
    imported.reviewDecisions = try reviewDecisions(
      decisionFields, offsets: offsets, annotations: known.subtracting(candidates))
    imported.suggestionDecisions = try suggestionFields.map { decision throws(FormatError) in
      try suggestionDecision(decision, offsets: offsets)
    }
    return imported
  }

  private static func decodeAnnotation(
    _ fields: NativeFields, offsets: ReportText
  ) throws(FormatError) -> ImportedAnnotation {
    let uuid = try identifier(fields)
    let (range, quote) = try span(fields, offsets: offsets)
    var fragments: [ImportedFragment] = []
    for fragment in try fields.optionalObjects("fragments", element: "fragment") {
      let (range, quote) = try span(fragment, offsets: offsets)
      fragments.append(ImportedFragment(range: range, quote: quote))
    }
    let handle = try fields.int("handle")
    guard handle > 0 else { throw fields.fail("\"handle\" must be a positive integer") }
    var annotation = ImportedAnnotation(
      key: uuid, uuid: uuid, handle: handle, layer: try fields.string("layer"), label: try fields.string("label"),
      range: range, quote: quote, attributes: try fields.object("attributes"),
      author: try fields.string("author"), origin: try fields.string("origin"), status: try status(fields),
      createdAt: try fields.string("createdAt"), updatedAt: try fields.string("updatedAt"),
      provenance: try provenance(fields), location: fields.location)
    annotation.fragments = fragments
    return annotation
  }

  /// A span's offsets, checked against the text, its other offset units and its quote: an
  /// annotation's first piece, or one of its fragments.
  private static func span(
    _ fields: NativeFields, offsets: ReportText
  ) throws(FormatError) -> (TextRange, String) {
    let range = try fields.range(in: offsets)
    let (start, end) = (range.start, range.end)
    if let (s, e) = try fields.offsetPair("utf16"),
      s != offsets.utf16Offset(ofScalar: start) || e != offsets.utf16Offset(ofScalar: end)
    {
      throw fields.fail(
        "\"utf16\" [\(s), \(e)] disagrees with start..end (UTF-16 [\(offsets.utf16Offset(ofScalar: start)), \(offsets.utf16Offset(ofScalar: end))])"
      )
    }
    if let (s, e) = try fields.offsetPair("utf8"),
      s != offsets.utf8Offset(ofScalar: start) || e != offsets.utf8Offset(ofScalar: end)
    {
      throw fields.fail(
        "\"utf8\" [\(s), \(e)] disagrees with start..end (UTF-8 [\(offsets.utf8Offset(ofScalar: start)), \(offsets.utf8Offset(ofScalar: end))])"
      )
    }
    let quote = try fields.string("quote")
    guard offsets.text(in: TextRange(start, end), equals: quote) else {
      throw fields.fail("\"quote\" does not match the text at \(start)..\(end)")
    }
    return (range, quote)
  }

  /// The UUIDs an adjudicated annotation was taken from; absent for others.
  private static func provenance(_ fields: NativeFields) throws(FormatError) -> [String] {
    fields.has("provenance") ? try fields.strings("provenance") : []
  }

  /// A record's `id`, which must not be empty.
  static func identifier(_ fields: NativeFields) throws(FormatError) -> String {
    let uuid = try fields.string("id")
    if uuid.isEmpty { throw fields.fail("\"id\" must not be empty") }
    return uuid
  }

  private static func decodeLink(_ fields: NativeFields, from: String) throws(FormatError) -> ImportedLink {
    ImportedLink(
      uuid: try fields.string("id"), type: try fields.string("type"), from: from, to: try fields.string("to"),
      author: try fields.string("author"), status: try status(fields), createdAt: try fields.string("createdAt"))
  }

  private static func decodeReview(_ fields: NativeFields, on annotation: String) throws(FormatError) -> ImportedReview
  {
    ImportedReview(
      uuid: try fields.string("id"), annotation: annotation, reviewer: try fields.string("reviewer"),
      verdict: try fields.value("verdict", of: Review.Verdict.self), comment: try fields.nullableString("comment"),
      createdAt: try fields.string("createdAt"))
  }

  static func status(_ fields: NativeFields) throws(FormatError) -> Annotation.Status {
    try fields.value("status", of: Annotation.Status.self)
  }
}
