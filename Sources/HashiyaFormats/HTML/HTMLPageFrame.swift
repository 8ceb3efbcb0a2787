import AnnotatorKit

/// What surrounds the reports on every HTML page: the head with the legend and controls, and
/// the closing part with the popup and the script.
enum HTMLPageFrame {
  /// The page up to `<main>`; `title` (a report's, in a folder export) goes before the project's
  /// name in the window title, and `navigation` (markup) under the header's first line.
  static func head(context: ExportContext, title: String?, navigation: String?) -> String {
    let name = HTMLEscaping.escape(context.projectName)
    let windowTitle = (title.map { HTMLEscaping.escape($0) + " — " } ?? "") + name
    var out = document(title: windowTitle)
    out += """
      <header>
      <h1>\(name)</h1>
      \(navigation ?? "")<p class="meta">\(exported(context))</p>
      <div class="legend">

      """
    for schema in context.schemas {
      let layer = HTMLEscaping.escape(schema.layer)
      out += "<span class=\"layer\"><label><input type=\"checkbox\" class=\"layer-toggle\" value=\"\(layer)\" checked>"
      out += " <b>\(layer)</b></label>"
      for label in schema.labels {
        let description = HTMLEscaping.escape(label.description)
        out += " <span class=\"swatch \(HTMLColour.className(label.colour))\" title=\"\(description)\">"
        out += HTMLEscaping.escape(label.name) + "</span>"
      }
      out += "</span>\n"
    }
    out += """
      </div>
      <div class="controls"><label><input type="checkbox" id="compare"> side by side:</label>
      <select id="author-a" aria-label="first annotator"></select>
      <select id="author-b" aria-label="second annotator"></select> <span id="compare-note"></span></div>
      </header>
      <main>

      """
    return out
  }

  /// The page after the reports, `authors` offered for side-by-side comparison.
  static func tail(authors: [String]) -> String {
    var writer = JSONWriter()
    writer.value(.array(authors.map(JSONValue.string)))
    var out = "</main>\n<div id=\"popup\" hidden></div>\n"
    out +=
      "<script type=\"application/json\" id=\"hashiya-authors\">\(HTMLEscaping.scriptSafeJSON(writer.bytes))</script>\n"
    out += "<script>\n\(HTMLPageAssets.script)</script>\n</body>\n</html>\n"
    return out
  }

  /// The document's start up to `<body>`, `title` already escaped.
  static func document(title: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="Hashiya">
    <title>\(title) — Hashiya</title>
    <style>
    \(HTMLPageAssets.style)</style>
    </head>
    <body>

    """
  }

  /// When and by whom the export was made, escaped.
  static func exported(_ context: ExportContext) -> String {
    "Exported \(HTMLEscaping.escape(context.exportedAt)) by \(HTMLEscaping.escape(context.exportedBy))"
      + (context.gold ? " · adjudicated annotations only" : "")
  }
}
