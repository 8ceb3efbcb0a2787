/// What a layer may contain: its labels with typed attributes, and the link types between labels.
///
/// The project file stores each layer's schema as JSON, so a teammate without the plugin can still
/// read, validate and export that layer.
public struct LayerSchema: Sendable, Equatable {
  public var layer: String
  public var description: String
  public var labels: [LabelSchema]
  public var linkTypes: [LinkTypeSchema]
  /// Whether each annotation stays within one sentence (`"withinSentence": true`): a span
  /// across a sentence boundary is refused, however it was named.
  public var withinSentence: Bool

  public init(
    layer: String, description: String, labels: [LabelSchema], linkTypes: [LinkTypeSchema] = [],
    withinSentence: Bool = false
  ) {
    self.layer = layer
    self.description = description
    self.labels = labels
    self.linkTypes = linkTypes
    self.withinSentence = withinSentence
  }

  public func label(_ name: String) -> LabelSchema? { labels.first { $0.name == name } }
  /// The label called `word`, else the one whose one-key shortcut it is (`tag gazetteer o …`).
  public func label(namedOrKeyed word: String) -> LabelSchema? {
    label(word) ?? labels.first { $0.key != nil && $0.key == word }
  }
  public func linkType(_ name: String) -> LinkTypeSchema? { linkTypes.first { $0.name == name } }
  /// The name of `label`'s attribute that plays `role`, if it has one.
  public func attributeName(playing role: AttributeSchema.Role, label: String) -> String? {
    self.label(label)?.attributes.first { $0.role == role }?.name
  }
}

/// One label of a layer.
public struct LabelSchema: Sendable, Equatable {
  public var name: String
  public var description: String
  /// A colour name for display: red, green, yellow, blue, magenta, cyan.
  public var colour: String
  /// A single-key shortcut, if any.
  public var key: String?
  public var attributes: [AttributeSchema]
  /// The argument roles when the label is an event type (brat's `[events]`): the annotation is the
  /// trigger and its links of these types are the arguments; nil for an ordinary label.
  public var eventRoles: [EventRoleSchema]?

  public init(
    name: String, description: String, colour: String = "cyan", key: String? = nil,
    attributes: [AttributeSchema] = [], eventRoles: [EventRoleSchema]? = nil
  ) {
    self.name = name
    self.description = description
    self.colour = colour
    self.key = key
    self.attributes = attributes
    self.eventRoles = eventRoles
  }

  public func attribute(_ name: String) -> AttributeSchema? { attributes.first { $0.name == name } }
}

/// A typed attribute of a label.
public struct AttributeSchema: Sendable, Equatable {
  /// The value types an attribute can have.
  public enum Kind: Sendable, Equatable {
    case enumeration([String])
    case text
    /// A number, optionally bounded (inclusive); `integer` refuses fractions.
    case number(min: Double?, max: Double?, integer: Bool)
    case boolean
    /// A reference to another annotation (`#12`), optionally restricted to some labels.
    case reference(labels: [String])
  }

  /// What an attribute means to formats that have a place of their own for it, so that no
  /// exporter needs to know a plugin's attribute by name.
  public enum Role: String, Sendable, Equatable, CaseIterable {
    /// Free text about the span: brat's `AnnotatorNotes`, a W3C commenting body, the HTML note.
    case note
    /// The language of the note, as a BCP 47 tag: the W3C body's `language`.
    case language
  }

  public var name: String
  public var kind: Kind
  public var required: Bool
  public var defaultValue: JSONValue?
  public var description: String
  public var role: Role?

  public init(
    name: String, kind: Kind, required: Bool = false, defaultValue: JSONValue? = nil, description: String = "",
    role: Role? = nil
  ) {
    self.name = name
    self.kind = kind
    self.required = required
    self.defaultValue = defaultValue
    self.description = description
    self.role = role
  }
}

/// A typed relation between annotations of given labels (`said-by`: quote → speaker).
public struct LinkTypeSchema: Sendable, Equatable {
  public var name: String
  public var from: [String]
  public var to: [String]
  public var description: String

  public init(name: String, from: [String], to: [String], description: String = "") {
    self.name = name
    self.from = from
    self.to = to
    self.description = description
  }
}

/// One argument role of an event type (`Theme+:Protein` in brat), carried by links of its name.
public struct EventRoleSchema: Sendable, Equatable {
  /// How many arguments of the role an event takes, spelled as brat spells it after the name.
  public enum Cardinality: String, Sendable, Equatable, CaseIterable {
    case one = ""
    case optional = "?"
    case any = "*"
    case some = "+"
  }

  public var name: String
  /// The labels an argument of this role may have.
  public var labels: [String]
  public var cardinality: Cardinality

  public init(name: String, labels: [String], cardinality: Cardinality = .one) {
    self.name = name
    self.labels = labels
    self.cardinality = cardinality
  }
}
