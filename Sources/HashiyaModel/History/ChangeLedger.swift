import AnnotatorKit

/// The rules every change handle follows, whatever holds the rows: quotes checked against the
/// text, an annotator kept off a teammate's annotations, edits and deletions as new states, and
/// events on one clock per change. A backend's handle keeps one and supplies the reads.
package struct ChangeLedger {
  package let author: String
  package let batch: String
  package let now: String
  /// The time of the last event this change logged: the next follows it without asking the
  /// log, since every event of a change is logged through it (`restartClock` after others).
  private var lastEventTime: String?
  /// The author's role in the team, read once per change when first needed.
  private var authorRole: TeamMember.Role??
  /// The characters (code points, the unit of offsets) of the reports last written to: a bulk
  /// command adds its annotations a few reports at a time (`accept all` a layer after another
  /// over a batch of reports), so each text is read once.
  private var texts = RecentValues<Int, [Unicode.Scalar]>(capacity: PendingSuggestion.reportsPerBatch)

  package init(author: String, batch: String, now: String) {
    self.author = author
    self.batch = batch
    self.now = now
  }

  /// Forgets the clock: an event was logged past it (a layer's registration).
  package mutating func restartClock() { lastEventTime = nil }

  /// The store's own check that a new annotation covers exactly its quote, whoever drafted it;
  /// `text` reads a report's text (nil: no such report).
  package mutating func checkQuotes(_ new: NewAnnotation, text: (Int) throws -> String?) throws {
    if let problem = SpanFragment.problem(first: new.range, rest: new.fragments.map(\.range)) {
      throw AnnotationWriteError.badFragments(reportID: new.reportID, reason: problem)
    }
    let scalars = try texts.value(for: new.reportID) {
      guard let found = try text(new.reportID) else { throw StoreError.noSuchReport(id: new.reportID) }
      return Array(found.unicodeScalars)
    }
    for (quote, range) in [(new.quote, new.range)] + new.fragments.map({ ($0.quote, $0.range) }) {
      guard range.fits(in: scalars.count), quote.unicodeScalars.elementsEqual(scalars[range.start..<range.end]) else {
        let shown = quote.count > 40 ? String(quote.prefix(40)) + "…" : quote
        throw AnnotationWriteError.quoteMismatch(reportID: new.reportID, range: range, quote: shown)
      }
    }
  }

  /// Refuses an annotator's change to someone else's annotation, whatever front end asked: it
  /// would still count as the other's work in agreement. Leads may (the event names the lead),
  /// and so may anyone on a project without a team; `role` reads the author's.
  package mutating func checkMayChange(_ annotation: Annotation, role: () throws -> TeamMember.Role?) throws {
    guard MemberName.fold(annotation.author) != MemberName.fold(author) else { return }
    if authorRole == nil { authorRole = .some(try role()) }
    guard let role = authorRole ?? nil, role == .annotator else { return }
    throw AnnotationWriteError.notYours(id: annotation.id, owner: annotation.author, user: author)
  }

  /// An active annotation with a new label and/or attributes; nil when nothing changes.
  package func edited(_ before: Annotation, label: String?, attributes: JSONObject?) -> Annotation? {
    var after = before
    if let label { after.label = label }
    if let attributes { after.attributes = attributes }
    guard after != before else { return nil }
    after.updatedAt = now
    return after
  }

  /// The tombstone of a deleted annotation.
  package func deleted(_ before: Annotation) -> Annotation {
    var after = before
    after.status = .deleted
    after.updatedAt = now
    return after
  }

  /// The next event of this change and its time; `nextTime` asks the log when the clock is unset.
  package mutating func event(
    action: String, entity: String, id: String, report: Int?, before: EventState?, after: EventState?,
    reverts: Int? = nil, nextTime: () throws -> String
  ) throws -> (draft: EventDraft, at: String) {
    let at = try lastEventTime.map { Timestamp.now(after: $0) } ?? nextTime()
    lastEventTime = at
    return (
      EventDraft(
        author: author, action: action, entity: entity, entityID: id, reportID: report,
        before: before?.text, after: after?.text, reverts: reverts,
        batch: batch), at
    )
  }
}
