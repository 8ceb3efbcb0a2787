import AnnotatorKit
import HashiyaModel
import HashiyaStore

@testable import HashiyaFormats

/// Review work on the shared bundles: decisions of every kind and status, review state, and
/// suggestion decisions on spans past diacritics and emoji outside the BMP.
extension NativeFixtures {
  /// The seed report with an accepted unit (commented), a rejected one and an edited one since
  /// withdrawn; speaker tagging settled (its one unit decided), translation notes in review (one
  /// unit of three); a rejected and an accepted suggestion. The states agree with the decisions, as
  /// an export derives them.
  static func reviewedSeedBundle(id: Int = 1) -> ReportBundle {
    var bundle = seedBundle(id: id)
    let annotations = bundle.annotations
    bundle.reviewDecisions = [
      decision(
        id, 0, bundle, .accepted, annotation: annotations[0].id, range: annotations[0].range,
        comment: "الاسم كاملاً 🚢، لا اللقب وحده", status: .active),
      decision(
        id, 1, bundle, .rejected, annotation: nil, range: scalarRange(of: "ثمانية ملايين", in: seedText),
        comment: nil, status: .active),
      decision(
        id, 2, bundle, .edited, annotation: annotations[2].id, range: annotations[2].range, comment: "دقّق",
        status: .deleted),
    ]
    bundle.reviewStates = [
      ReviewStateRecord(layer: "speaker-tagging", state: .settled, units: 1, updatedAt: "2026-11-30T09:00:00.000Z"),
      ReviewStateRecord(layer: "translation-notes", state: .inReview, units: 3, updatedAt: "2026-11-30T09:05:00.000Z"),
    ]
    bundle.suggestionDecisions = [
      SuggestionDecisionRecord(
        layer: "speaker-tagging", label: "quote", range: scalarRange(of: "الخلايا النائمة", in: seedText),
        verdict: .rejected, origin: "suggested:speaker-tagging@1.0.0", author: "amal",
        decidedAt: "2026-11-30T08:00:00.000Z"),
      SuggestionDecisionRecord(
        layer: "translation-notes", label: "note", range: scalarRange(of: "قسد", in: seedText), verdict: .accepted,
        origin: "suggested:translation-notes@1.0.0", author: "omar", decidedAt: "2026-11-30T08:01:00.000Z"),
    ]
    return bundle
  }

  /// The emoji/CRLF report with one accepted unit and a rejected suggestion after the emoji.
  static func reviewedEmojiBundle(id: Int = 2) -> ReportBundle {
    var bundle = emojiBundle(id: id)
    bundle.reviewDecisions = [
      decision(
        id, 0, bundle, .accepted, annotation: bundle.annotations[2].id, range: bundle.annotations[2].range,
        comment: "👩🏽‍⚕️ يتكلم باسم الطاقم", status: .active)
    ]
    bundle.reviewStates = [
      ReviewStateRecord(layer: "speaker-tagging", state: .settled, units: 1, updatedAt: "2026-11-30T10:00:00.000Z")
    ]
    bundle.suggestionDecisions = [
      SuggestionDecisionRecord(
        layer: "speaker-tagging", label: "speaker", range: scalarRange(of: "🇸🇾", in: emojiText), verdict: .rejected,
        origin: "suggested:speaker-tagging@1.0.0", author: "amal", decidedAt: "2026-11-30T10:01:00.000Z")
    ]
    return bundle
  }

  /// A decision on `bundle`'s report, its sources two candidate UUIDs the file does not carry.
  static func decision(
    _ report: Int, _ index: Int, _ bundle: ReportBundle, _ outcome: ReviewDecision.Outcome, annotation: Int?,
    range: TextRange, comment: String?, status: Annotation.Status
  ) -> ReviewDecisionRecord {
    ReviewDecisionRecord(
      uuid: uuid(report, 200 + index),
      decision: ReviewDecision(
        reportID: report,
        layer: annotation.flatMap { id in bundle.annotations.first { $0.id == id }?.layer }
          ?? "translation-notes", range: range, outcome: outcome, annotationID: annotation,
        sources: [uuid(report, 300 + 2 * index), uuid(report, 301 + 2 * index)], comment: comment, reviewer: "lead"),
      decidedAt: "2026-11-30T09:0\(index):00.000Z", status: status)
  }
}
