/// One field changed differently on both sides of a merge, and how it was decided.
///
/// The decision is the same on every machine (the later change, then author, then event id),
/// and the conflict stays open for a lead until someone changes that field again or resolves it.
public struct MergeConflict: Sendable, Equatable {
  /// The conflict's number in this project, for `conflicts keep N`.
  public var id: Int
  /// `annotation`, `link` or `review-unit`.
  public var entity: String
  public var entityUUID: String
  /// The annotation's handle here, when the conflict is about an annotation.
  public var handle: Int?
  /// `label`, `status` or `attributes.KEY`.
  public var field: String
  /// The value kept, as JSON text; nil for a removed attribute.
  public var keptValue: String?
  public var keptAuthor: String
  /// The value set on the other side, as JSON text; nil for a removed attribute.
  public var otherValue: String?
  public var otherAuthor: String
  public var resolvedBy: String?

  public init(
    id: Int, entity: String, entityUUID: String, handle: Int?, field: String, keptValue: String?, keptAuthor: String,
    otherValue: String?, otherAuthor: String, resolvedBy: String? = nil
  ) {
    self.id = id
    self.entity = entity
    self.entityUUID = entityUUID
    self.handle = handle
    self.field = field
    self.keptValue = keptValue
    self.keptAuthor = keptAuthor
    self.otherValue = otherValue
    self.otherAuthor = otherAuthor
    self.resolvedBy = resolvedBy
  }

  /// The field as people name it: `verdict` for an attribute.
  public var fieldName: String {
    field.hasPrefix(FieldChange.attributePrefix) ? String(field.dropFirst(FieldChange.attributePrefix.count)) : field
  }
}
