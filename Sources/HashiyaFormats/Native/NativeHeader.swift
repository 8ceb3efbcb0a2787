import AnnotatorKit

/// What a native export says before its reports: the project it came from and the layers' schemas.
public struct NativeHeader: Sendable, Equatable {
  /// The exporting project, as the header's `project` object gives it.
  public struct Project: Sendable, Equatable {
    public var uid: String
    public var name: String
    public var exportedAt: String
    public var exportedBy: String
    /// Whether only adjudicated annotations were exported.
    public var gold: Bool

    public init(uid: String, name: String, exportedAt: String, exportedBy: String, gold: Bool) {
      self.uid = uid
      self.name = name
      self.exportedAt = exportedAt
      self.exportedBy = exportedBy
      self.gold = gold
    }
  }

  public var version: Int
  /// The offset units the annotations carry: always `unicode-scalar`, maybe `utf16` and `utf8`.
  public var offsets: [String]
  public var project: Project
  /// The schemas of the exported layers, for the importer to register before the annotations.
  public var schemas: [LayerSchema]

  public init(version: Int = NativeFormat.version, offsets: [String], project: Project, schemas: [LayerSchema]) {
    self.version = version
    self.offsets = offsets
    self.project = project
    self.schemas = schemas
  }

  init(context: ExportContext) {
    self.init(
      offsets: NativeFormat.offsetUnits(context.offsets),
      project: Project(
        uid: context.projectUID, name: context.projectName, exportedAt: context.exportedAt,
        exportedBy: context.exportedBy, gold: context.gold),
      schemas: context.schemas)
  }

  /// Writes the header's members into an object the caller has opened, so the `json` document can
  /// go on with `reports` and the `jsonl` header line can add `kind`.
  func writeMembers(into writer: inout JSONWriter) {
    writer.field("format", NativeFormat.name)
    writer.field("version", version)
    writer.field("offsetUnit", NativeFormat.offsetUnit)
    writer.key("offsets")
    writer.beginArray()
    for unit in offsets { writer.string(unit) }
    writer.endArray()
    writer.key("project")
    writer.beginObject()
    writer.field("uid", project.uid)
    writer.field("name", project.name)
    writer.field("exportedAt", project.exportedAt)
    writer.field("exportedBy", project.exportedBy)
    writer.field("gold", project.gold)
    writer.endObject()
    writer.key("schemas")
    writer.beginArray()
    for schema in schemas { writer.value(schema.json) }
    writer.endArray()
  }

  /// Reads and checks a header object; `location` prefixes every error.
  init(object: JSONObject, location: String) throws(FormatError) {
    let fields = NativeFields(object, location: location)
    let format = try fields.string("format")
    guard format == NativeFormat.name else {
      throw FormatError(
        location: location, reason: "\"format\" is \"\(Excerpt.of(format))\", not \"\(NativeFormat.name)\"")
    }
    let version = try fields.int("version")
    guard (1...NativeFormat.version).contains(version) else {
      throw FormatError(
        location: location,
        reason: "version \(version) is not one this Hashiya reads (1 to \(NativeFormat.version))")
    }
    let unit = try fields.string("offsetUnit")
    guard unit == NativeFormat.offsetUnit else {
      throw FormatError(location: location, reason: "\"offsetUnit\" must be \"\(NativeFormat.offsetUnit)\"")
    }
    let offsets = try fields.array("offsets").map { value throws(FormatError) in
      guard let unit = value.stringValue, ["unicode-scalar", "utf16", "utf8"].contains(unit) else {
        throw FormatError(location: location, reason: "\"offsets\" may list unicode-scalar, utf16 and utf8")
      }
      return unit
    }
    let project = try fields.nested("project")
    var schemas: [LayerSchema] = []
    for (index, value) in try fields.array("schemas").enumerated() {
      do {
        schemas.append(try LayerSchema(json: value))
      } catch {
        throw FormatError(location: "\(location) schema \(index + 1)", reason: error.description)
      }
    }
    self.init(
      version: version, offsets: offsets,
      project: Project(
        uid: try project.string("uid"), name: try project.string("name"),
        exportedAt: try project.string("exportedAt"), exportedBy: try project.string("exportedBy"),
        gold: try project.bool("gold")),
      schemas: schemas)
  }
}
