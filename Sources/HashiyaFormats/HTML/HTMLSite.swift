import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An HTML export of several reports as a folder: `index.html`, a table of contents with a
/// search box, and `report-ID.html` per report with links to the previous, the next and the index.
///
/// Pages are written as reports arrive, each held only until the next one names its successor;
/// the index is written as it grows. File names come from report ids alone, so nothing a report
/// holds can name a file, let alone one outside the folder. The folder is staged and renamed into
/// place by `finish` (`StagedFolder`), so a failed export leaves nothing.
final class HTMLSite {
  static let indexName = "index.html"

  private let staged: StagedFolder
  private let context: ExportContext
  private let layers: [String]
  private let index: Int32
  private var indexOpen = true
  private var buffer: [UInt8] = []
  /// The last report seen, whose page waits for the next report.
  private var pending: HTMLArticle?
  private var previousID: Int?
  private(set) var bytesWritten = 0

  /// `folder` must be new (its missing parents are created) or empty.
  init(folder: String, context: ExportContext) throws {
    staged = try StagedFolder(target: folder, project: context.projectPath)
    self.context = context
    layers = context.schemas.map(\.layer)
    index = try staged.create(Self.indexName)
    try append(indexHead())
  }

  deinit { closeIndex() }

  static func pageName(_ id: Int) -> String { "report-\(id).html" }

  func add(_ article: HTMLArticle) throws {
    if let pending {
      try writePage(pending, next: article.id)
      previousID = pending.id
    }
    pending = article
    try append(indexRow(article))
  }

  /// Writes the last page and the end of the index, and moves the folder into place; gives the
  /// index's path there.
  func finish() throws -> String {
    if let pending {
      try writePage(pending, next: nil)
      self.pending = nil
    }
    try append(
      """
      </tbody></table>
      <p id="none" hidden>No report matches.</p>
      </main>
      <script>
      \(Self.searchScript)</script>
      </body>
      </html>

      """)
    try flush()
    closeIndex()
    try staged.commit()
    return staged.shown(Self.indexName)
  }

  func discard() {
    closeIndex()
    staged.discard()
  }

  private func writePage(_ article: HTMLArticle, next: Int?) throws {
    var links = ["<a href=\"\(Self.indexName)\">index</a>"]
    if let previousID { links.append("<a href=\"\(Self.pageName(previousID))\" rel=\"prev\">← previous</a>") }
    if let next { links.append("<a href=\"\(Self.pageName(next))\" rel=\"next\">next →</a>") }
    let navigation = "<nav class=\"pager\" dir=\"ltr\">" + links.joined(separator: " · ") + "</nav>\n"
    let page =
      HTMLPageFrame.head(context: context, title: article.title, navigation: navigation) + article.markup
      + HTMLPageFrame.tail(authors: article.authors)
    let bytes = Array(page.utf8)
    try staged.write(Self.pageName(article.id), bytes)
    bytesWritten += bytes.count
  }

  private func indexHead() -> String {
    var out = HTMLPageFrame.document(title: HTMLEscaping.escape(context.projectName))
    out += """
      <header>
      <h1>\(HTMLEscaping.escape(context.projectName))</h1>
      <p class="meta">\(HTMLPageFrame.exported(context))</p>
      <p><input type="search" id="filter" dir="auto" placeholder="search titles, ids, uids"
       aria-label="search titles, ids and uids"> <span id="shown"></span></p>
      </header>
      <main>
      <table class="toc">
      <thead><tr><th>title</th><th>report</th>
      """
    for layer in layers { out += "<th>\(HTMLEscaping.escape(layer))</th>" }
    out += "</tr></thead>\n<tbody>\n"
    return out
  }

  private func indexRow(_ article: HTMLArticle) -> String {
    var row = "<tr><td dir=\"auto\"><a href=\"\(Self.pageName(article.id))\">\(HTMLEscaping.escape(article.title))</a>"
    row += "</td><td dir=\"ltr\">#\(article.id) <span class=\"uid\">\(HTMLEscaping.escape(article.uid))</span></td>"
    for layer in layers { row += "<td>\(article.perLayer[layer] ?? 0)</td>" }
    return row + "</tr>\n"
  }

  private func append(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 20 { try flush() }
  }

  private func flush() throws {
    try ExportTemporaries.writeAll(buffer, to: index, shownAs: staged.shown(Self.indexName))
    bytesWritten += buffer.count
    buffer.removeAll(keepingCapacity: true)
  }

  private func closeIndex() {
    guard indexOpen else { return }
    indexOpen = false
    close(index)
  }

  /// Filters the table of contents as one types, ignoring case, tashkeel and tatweel.
  static let searchScript = #"""
    (function () {
      "use strict";
      var box = document.getElementById("filter");
      var rows = Array.prototype.slice.call(document.querySelectorAll("table.toc tbody tr"));
      var shown = document.getElementById("shown");
      function fold(text) {
        return text.normalize("NFKD").replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "").toLowerCase();
      }
      var keys = rows.map(function (row) { return fold(row.textContent); });
      function apply() {
        var words = fold(box.value).split(/\s+/).filter(function (word) { return word.length > 0; });
        var count = 0;
        rows.forEach(function (row, i) {
          var match = words.every(function (word) { return keys[i].indexOf(word) >= 0; });
          row.hidden = !match;
          if (match) { count += 1; }
        });
        shown.textContent = count + " of " + rows.length;
        document.getElementById("none").hidden = count > 0;
      }
      box.addEventListener("input", apply);
      apply();
      document.documentElement.setAttribute("data-ready", "1");
    })();

    """#
}
