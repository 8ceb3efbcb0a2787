import AnnotatorKit
import HashiyaModel
import HashiyaPlugins
import HashiyaStore

/// `plugins` and `plugin info ID`: what is loaded, what failed, and each layer's schema.
struct PluginsCommand: Command {
  let name = "plugins"
  let completion = CompletionKind.subcommands(["info": .layers])
  let aliases = ["plugin"]
  let synopsis = "[info LAYER]"
  let summary = "list loaded plugins and load failures; plugin info LAYER shows a schema"

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    if arguments.isEmpty { return try PluginListing(session: session) }
    let verb = try arguments.takeWord("info")
    guard verb == "info" else { throw CommandError.usage(command: name, message: "say plugin info LAYER") }
    let layer = try arguments.takeWord("layer")
    try arguments.finish()
    let schema = try session.catalog.schema(layer, store: session.store)
    return SchemaView(schema: schema, plugin: session.catalog.plugin(layer))
  }
}

/// The plugin list: loaded, schema-only layers of the project, and failures.
struct PluginListing: CommandOutput {
  var plugins: [LoadedPlugin]
  var schemaOnly: [LayerRecord]
  var failures: [PluginLoadFailure]

  init(session: Session) throws {
    plugins = session.catalog.plugins
    schemaOnly = try session.catalog.schemaOnlyLayers(store: session.store)
    failures = session.catalog.failures
  }

  var json: JSONValue {
    .object([
      "plugins": .array(
        plugins.map { plugin in
          .object([
            "id": .string(plugin.annotator.id), "version": .string(plugin.annotator.version),
            "kind": .string(plugin.kind.rawValue), "source": .string(plugin.source),
            "labels": .array(plugin.annotator.schema.labels.map { .string($0.name) }),
            "commands": .array(plugin.annotator.commands.map { .string($0.name) }),
          ])
        }),
      "schemaOnly": .array(
        schemaOnly.map { .object(["id": .string($0.id), "version": .string($0.version), "kind": .string($0.kind)]) }),
      "failures": .array(failures.map { .object(["path": .string($0.path), "reason": .string($0.reason)]) }),
    ])
  }

  func text(_ style: TextStyle) -> String {
    var rows = plugins.map { plugin in
      [
        plugin.annotator.id, plugin.kind.rawValue, plugin.annotator.version,
        plugin.annotator.schema.labels.map(\.name).joined(separator: ", "),
        plugin.annotator.commands.map(\.name).joined(separator: ", "),
      ].map(\.visiblyEscaped)
    }
    rows += schemaOnly.map {
      [$0.id.visiblyEscaped, "schema only", $0.version.visiblyEscaped, "(plugin not loaded; read-only schema)", ""]
    }
    var lines = [Table(header: ["layer", "kind", "version", "labels", "commands"], rows: rows).render(style)]
    for failure in failures { lines.append(style.red("failed: ") + failure.reason.visiblyEscaped) }
    return lines.joined(separator: "\n")
  }
}

/// One layer's schema in full.
struct SchemaView: CommandOutput {
  var schema: LayerSchema
  var plugin: LoadedPlugin?

  var json: JSONValue { schema.json }

  func text(_ style: TextStyle) -> String {
    var lines = [
      style.bold(schema.layer.visiblyEscaped)
        + (plugin.map { " \($0.annotator.version.visiblyEscaped) (\($0.kind.rawValue))" } ?? " (schema only)")
    ]
    if !schema.description.isEmpty { lines.append("  " + schema.description.visiblyEscaped) }
    for label in schema.labels {
      lines.append("")
      lines.append(
        "  " + style.bold(label.name.visiblyEscaped)
          + (label.description.isEmpty ? "" : " — " + label.description.visiblyEscaped))
      for attribute in label.attributes {
        var kind: String
        switch attribute.kind {
        case .enumeration(let values): kind = values.joined(separator: "|")
        case .text: kind = "text"
        case .number(let min, let max, let integer):
          kind = integer ? "integer" : "number"
          if min != nil || max != nil {
            kind += " \(min.map { String(Int($0)) } ?? "")…\(max.map { String(Int($0)) } ?? "")"
          }
        case .boolean: kind = "true|false"
        case .reference(let labels): kind = "#ID" + (labels.isEmpty ? "" : " of " + labels.joined(separator: "/"))
        }
        var line = "    \(attribute.name)=\(kind)"
        if attribute.required { line += " (required)" }
        if let value = attribute.defaultValue { line += " default \(AnnotationList.plain(value))" }
        if !attribute.description.isEmpty { line += " — " + attribute.description }
        lines.append(line.visiblyEscaped)
      }
    }
    if !schema.linkTypes.isEmpty {
      lines.append("")
      lines.append("  links:")
      for link in schema.linkTypes {
        lines.append(
          "    \(link.name): \(link.from.joined(separator: "|")) → \(link.to.joined(separator: "|"))".visiblyEscaped)
      }
    }
    if let commands = plugin?.annotator.commands, !commands.isEmpty {
      lines.append("")
      lines.append("  commands:")
      for command in commands {
        lines.append("    \(command.name) \(command.synopsis) — \(command.summary)".visiblyEscaped)
      }
    }
    return lines.joined(separator: "\n")
  }
}
