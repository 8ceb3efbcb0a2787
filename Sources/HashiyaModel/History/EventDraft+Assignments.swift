import AnnotatorKit
import Foundation

extension EventDraft {
  /// The event of a plan of assignments on `layer`: the plan as `record` keeps it, and how many
  /// assignments it added.
  package static func assigned(layer: String, record: JSONObject, added: Int, by author: String) -> EventDraft {
    var after = record
    after["added"] = .int(added)
    return EventDraft(
      author: author, action: "assign", entity: "assignments", entityID: layer,
      after: JSONWriter.string(.object(after)), batch: UUID().uuidString.lowercased())
  }

  /// The event of assignments removed from reports, on `layer` or (nil) on every layer;
  /// `removed` holds each one's `Assignment.removalSnapshot`.
  package static func unassigned(layer: String?, removed: [JSONValue], by author: String) -> EventDraft {
    EventDraft(
      author: author, action: "unassign", entity: "assignments", entityID: layer ?? "",
      before: JSONWriter.string(.array(removed)), batch: UUID().uuidString.lowercased())
  }
}
