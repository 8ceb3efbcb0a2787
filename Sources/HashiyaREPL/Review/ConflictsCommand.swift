import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// `conflicts [keep N | take N]`: the fields a merge found changed differently on both sides.
struct ConflictsCommand: Command {
  let name = "conflicts"
  let synopsis = "[keep N | take N]"
  let summary = "list open merge conflicts, and settle one by keeping the merged value or taking the other"
  let details = """
    A merge decides a field changed differently on both sides by keeping the later change
    (then author, then event id: the same on every machine) and records a conflict. It stays
    open until someone settles it here or changes that field again.
      conflicts           the open ones, each with both values and who set them
      conflicts keep N    the merged value stands
      conflicts take N    the other side's value is set instead (undo takes it back)
    Resolutions travel with the file: a teammate who merges it sees the conflict settled.
    """

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    // Conflicts quote both sides' values: under blind annotation, the others' work.
    if try session.access().isRestricted { throw TeamError.leadsOnly(action: "conflicts", user: session.user) }
    var arguments = arguments
    guard let verb = try arguments.takePositional() else {
      try arguments.finish()
      return ConflictList(conflicts: try session.store.openConflicts())
    }
    guard verb == "keep" || verb == "take" else {
      throw CommandError.usage(command: name, message: "say \"keep N\" or \"take N\" (conflicts lists the numbers)")
    }
    guard let id = try arguments.takeReportID() else {
      throw CommandError.usage(command: name, message: "name the conflict: \(verb) N")
    }
    try arguments.finish()
    let conflict = try session.store.resolveConflict(id, takeOther: verb == "take", author: session.user)
    let value = verb == "take" ? conflict.otherValue : conflict.keptValue
    return Message(
      "conflict \(id) settled: \(ConflictList.subject(conflict)) = \(ConflictList.value(value))",
      json: .object([
        "conflict": .int(id), "settled": .string(verb), "value": value.map(JSONValue.string) ?? .null,
      ]))
  }
}

/// Open merge conflicts, a line each.
struct ConflictList: CommandOutput {
  var conflicts: [MergeConflict]

  var json: JSONValue { .object(["conflicts": .array(conflicts.map(Self.json))]) }

  func text(_ style: TextStyle) -> String {
    guard !conflicts.isEmpty else { return "no open merge conflicts" }
    return conflicts.map { style.bold("\($0.id)") + "  " + Self.describe($0).visiblyEscaped }.joined(separator: "\n")
  }

  /// `#12 verdict: false (karim) ↔ misleading (amal), kept misleading`.
  static func describe(_ conflict: MergeConflict) -> String {
    "\(subject(conflict)): \(value(conflict.otherValue)) (\(conflict.otherAuthor)) ↔ "
      + "\(value(conflict.keptValue)) (\(conflict.keptAuthor)), kept \(value(conflict.keptValue))"
  }

  static func subject(_ conflict: MergeConflict) -> String {
    let what = conflict.handle.map { "#\($0)" } ?? "\(conflict.entity) \(conflict.entityUUID.prefix(8))"
    return "\(what) \(conflict.fieldName)"
  }

  /// A stored value as people read it: a string bare, other JSON as written, `(none)` for removed.
  static func value(_ json: String?) -> String {
    guard let json else { return "(none)" }
    return (try? JSONParser.parse(json))?.stringValue ?? json
  }

  static func json(_ conflict: MergeConflict) -> JSONValue {
    .object([
      "id": .int(conflict.id), "entity": .string(conflict.entity), "uuid": .string(conflict.entityUUID),
      "handle": conflict.handle.map(JSONValue.int) ?? .null, "field": .string(conflict.field),
      "kept": conflict.keptValue.map(JSONValue.string) ?? .null, "keptBy": .string(conflict.keptAuthor),
      "other": conflict.otherValue.map(JSONValue.string) ?? .null, "otherBy": .string(conflict.otherAuthor),
    ])
  }
}
