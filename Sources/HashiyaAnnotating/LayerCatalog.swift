import AnnotatorKit
import HashiyaModel
import HashiyaPlugins
import HashiyaStore

/// Every layer a session can read or write: loaded plugins, and schemas the project file carries.
///
/// A layer whose plugin is missing here still has the schema it was written under in the project
/// file, so its annotations show, list and validate; only suggestions need the plugin itself.
public final class LayerCatalog {
  public let plugins: [LoadedPlugin]
  public let failures: [PluginLoadFailure]
  private var registered: Set<String> = []

  public init(plugins: [LoadedPlugin], failures: [PluginLoadFailure]) {
    self.plugins = plugins
    self.failures = failures
  }

  /// Stops the process plugins this catalog started.
  public func shutdown() {
    PluginLoadResult(plugins: plugins, failures: failures).shutdown()
  }

  public func plugin(_ layer: String) -> LoadedPlugin? {
    plugins.first { $0.id == layer }
  }

  /// The schema of `layer`, from its plugin or else from the project file.
  public func schema(_ layer: String, store: any ProjectStoring) throws -> LayerSchema {
    if let plugin = plugin(layer) { return plugin.annotator.schema }
    let stored = try store.layerRecords()
    guard let record = stored.first(where: { $0.id == layer }) else {
      let known = Set(plugins.map(\.annotator.id) + stored.map(\.id)).sorted()
      throw AnnotatingError.unknownLayer(layer, known: known)
    }
    return try LayerSchema(json: try JSONParser.parse(record.schemaJSON), layer: layer)
  }

  /// Every layer's schema, plugins first, then those only the project file carries.
  public func allSchemas(store: any ProjectStoring) throws -> [String: LayerSchema] {
    var schemas: [String: LayerSchema] = [:]
    for record in try store.layerRecords() {
      schemas[record.id] = try? LayerSchema(json: try JSONParser.parse(record.schemaJSON), layer: record.id)
    }
    for plugin in plugins { schemas[plugin.id] = plugin.annotator.schema }
    return schemas
  }

  /// Layers written in the project whose plugin is not loaded.
  public func schemaOnlyLayers(store: any ProjectStoring) throws -> [LayerRecord] {
    try store.layerRecords().filter { plugin($0.id) == nil }
  }

  /// The schema record of a plugin layer not yet recorded by this session, to record in the
  /// transaction that first writes to it; nil for layers known only from the file.
  public func unrecordedSchema(of layer: String) -> LayerRecord? {
    guard !registered.contains(layer), let plugin = plugin(layer) else { return nil }
    let annotator = plugin.annotator
    return LayerRecord(
      id: annotator.id, version: annotator.version, kind: plugin.kind.rawValue,
      schemaJSON: JSONWriter.string(annotator.schema.json))
  }

  /// Notes that a transaction that recorded these layers' schemas committed.
  public func noteRecorded(_ layers: [String]) {
    registered.formUnion(layers)
  }

  /// Every label of every known layer, for completion.
  public func labelNames() -> [String] {
    plugins.flatMap { $0.annotator.schema.labels.map(\.name) }
  }
}
