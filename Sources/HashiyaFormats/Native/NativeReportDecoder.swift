import AnnotatorKit
import HashiyaStore

/// Reads one report object of a native export into an `ImportedReport`, checking every span
/// against the text so a bad record is refused with the place it went wrong.
enum NativeReportDecoder {
  static func decode(_ fields: NativeFields) throws(FormatError) -> ImportedReport {
    let text = try fields.string("text")
    let report = NewReport(
      uid: try fields.string("uid"), title: try fields.string("title"), text: text,
      language: try fields.string("language"), source: try fields.nullableString("source"),
      url: try fields.nullableString("url"), published: try fields.nullableString("published"),
      metadataJSON: JSONWriter.string(.object(try fields.object("metadata"))), hadBOM: try fields.bool("hadBOM"))
    if report.uid?.isEmpty != false { throw fields.fail("\"uid\" must not be empty") }

    var imported = ImportedReport(report: report, location: fields.location)
    let annotationFields = try fields.objects("annotations", element: "annotation")
    // A report without annotations has no offsets to check, so it skips building the table.
    guard !annotationFields.isEmpty else { return imported }
    let offsets = ReportText(text)
    imported.analysedText = offsets
    var known = Set<String>()
    var pendingLinks: [(link: ImportedLink, location: String)] = []
    for annotation in annotationFields {
      let decoded = try decodeAnnotation(annotation, offsets: offsets)
      guard known.insert(decoded.key).inserted else {
        throw annotation.fail("annotation id \(Excerpt.of(decoded.key)) appears twice in this report")
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
    for (link, location) in pendingLinks {
      guard known.contains(link.to) else {
        throw FormatError(
          location: location, reason: "links to annotation \(Excerpt.of(link.to)), which is not in this report")
      }
      imported.links.append(link)
    }
    return imported
  }

  private static func decodeAnnotation(
    _ fields: NativeFields, offsets: ReportText
  ) throws(FormatError) -> ImportedAnnotation {
    let uuid = try fields.string("id")
    if uuid.isEmpty { throw fields.fail("\"id\" must not be empty") }
    let start = try fields.int("start")
    let end = try fields.int("end")
    guard end > start else { throw fields.fail("\"end\" (\(end)) must be greater than \"start\" (\(start))") }
    guard TextRange(start, end).fits(in: offsets.count) else {
      throw fields.fail("offsets \(start)..\(end) are outside the text (\(offsets.count) code points)")
    }
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
    let handle = try fields.int("handle")
    guard handle > 0 else { throw fields.fail("\"handle\" must be a positive integer") }
    return ImportedAnnotation(
      key: uuid, uuid: uuid, handle: handle, layer: try fields.string("layer"), label: try fields.string("label"),
      range: TextRange(start, end), quote: quote, attributes: try fields.object("attributes"),
      author: try fields.string("author"), origin: try fields.string("origin"), status: try status(fields),
      createdAt: try fields.string("createdAt"), updatedAt: try fields.string("updatedAt"),
      provenance: try provenance(fields), location: fields.location)
  }

  /// The UUIDs an adjudicated annotation was taken from; absent for others.
  private static func provenance(_ fields: NativeFields) throws(FormatError) -> [String] {
    guard fields.has("provenance") else { return [] }
    var uuids: [String] = []
    for value in try fields.array("provenance") {
      guard let uuid = value.stringValue else { throw fields.fail("\"provenance\" must be an array of UUID strings") }
      uuids.append(uuid)
    }
    return uuids
  }

  private static func decodeLink(_ fields: NativeFields, from: String) throws(FormatError) -> ImportedLink {
    ImportedLink(
      uuid: try fields.string("id"), type: try fields.string("type"), from: from, to: try fields.string("to"),
      author: try fields.string("author"), status: try status(fields), createdAt: try fields.string("createdAt"))
  }

  private static func decodeReview(_ fields: NativeFields, on annotation: String) throws(FormatError) -> ImportedReview
  {
    let verdictName = try fields.string("verdict")
    guard let verdict = Review.Verdict(rawValue: verdictName) else {
      let allowed = Review.Verdict.allCases.map(\.rawValue).joined(separator: ", ")
      throw fields.fail("\"verdict\" is \"\(Excerpt.of(verdictName))\", not one of \(allowed)")
    }
    return ImportedReview(
      uuid: try fields.string("id"), annotation: annotation, reviewer: try fields.string("reviewer"),
      verdict: verdict, comment: try fields.nullableString("comment"), createdAt: try fields.string("createdAt"))
  }

  private static func status(_ fields: NativeFields) throws(FormatError) -> Annotation.Status {
    let name = try fields.string("status")
    guard let status = Annotation.Status(rawValue: name) else {
      throw fields.fail("\"status\" is \"\(Excerpt.of(name))\", not active or deleted")
    }
    return status
  }
}
