import AnnotatorKit

/// One field an event set: the unit a merge compares, decides and records conflicts on.
///
/// An annotation's fields are its label, its status and each attribute (`attributes.KEY`), so
/// two people changing different attributes of one annotation never conflict. Links and review
/// decisions have one changing field, their status; everything else about them is fixed.
package struct FieldChange: Equatable {
  /// `label`, `status` or `attributes.KEY`.
  package var field: String
  /// The value set; nil when an attribute was removed.
  package var value: JSONValue?

  package static let attributePrefix = "attributes."

  /// The fields `after` differs from `before` in (all of them for a creation).
  package static func changes(entity: String, before: JSONValue?, after: JSONValue?) -> [FieldChange] {
    guard let after else { return [] }
    var changes: [FieldChange] = []
    let status = after["status"] ?? "active"
    if before == nil || before?["status"] ?? "active" != status {
      changes.append(FieldChange(field: "status", value: status))
    }
    guard entity == "annotation" else { return changes }
    if let label = after["label"], before?["label"] != label {
      changes.append(FieldChange(field: "label", value: label))
    }
    let old = before?["attributes"]?.objectValue ?? JSONObject()
    let new = after["attributes"]?.objectValue ?? JSONObject()
    for key in new.keys where old[key] != new[key] {
      changes.append(FieldChange(field: attributePrefix + key, value: new[key]))
    }
    for key in old.keys where new[key] == nil {
      changes.append(FieldChange(field: attributePrefix + key, value: nil))
    }
    return changes
  }
}
