import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

/// Renders an HTML export in Debian's headless Chromium and checks what a reader would see.
///
/// Console errors are caught by a script injected at the top of `<head>` that records uncaught
/// errors and `console.error` calls and, on `load`, writes them to `data-errors` on the root
/// element, where `--dump-dom` shows them. Chromium's `--enable-logging=stderr` logs every console
/// message at INFO level, so its "Uncaught" lines are only a second check. The page's script sets
/// `data-ready` when it has run to the end, which proves it did not stop half way.
@Suite("HTML export in a real browser", .serialized)
struct HTMLBrowserTests {
  static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

  static let errorTrap = """
    <script>
    window.__errors = [];
    window.addEventListener("error", function (e) { window.__errors.push("error: " + e.message); });
    (function () {
      var original = console.error;
      console.error = function () {
        window.__errors.push("console.error: " + Array.prototype.join.call(arguments, " "));
        original.apply(console, arguments);
      };
    })();
    window.addEventListener("load", function () {
      var compare = document.getElementById("compare");
      compare.checked = true;
      compare.dispatchEvent(new Event("change"));
      document.documentElement.setAttribute("data-errors", JSON.stringify(window.__errors));
    });
    </script>

    """

  private func run(_ chromium: String, _ arguments: [String]) throws -> (Int32, String, String) {
    let process = Process()
    // timeout(1) keeps a hung browser from hanging the suite.
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments =
      ["120", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,900"] + arguments
    let folder = ExchangeFixtures.temporaryFolder()
    let out = folder + "/out.txt"
    let err = folder + "/err.txt"
    FileManager.default.createFile(atPath: out, contents: nil)
    FileManager.default.createFile(atPath: err, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
    process.environment = ProcessInfo.processInfo.environment.merging(["HOME": folder]) { _, new in new }
    try process.run()
    process.waitUntilExit()
    return (
      process.terminationStatus, try String(contentsOfFile: out, encoding: .utf8),
      try String(contentsOfFile: err, encoding: .utf8)
    )
  }

  @Test func seedReportRendersWithoutErrors() throws {
    guard let chromium = Self.candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      Issue.record("Chromium is not installed: run `apt-get install chromium` (Debian) to run the browser test")
      return
    }
    let (path, html) = try HTMLExportTests.page([ExchangeFixtures.seedBundle()])
    let folder = (path as NSString).deletingLastPathComponent
    let screenshot = folder + "/page.png"
    let (status, _, shotLog) = try run(chromium, ["--screenshot=\(screenshot)", "file://\(path)"])
    #expect(status == 0, "chromium --screenshot failed: \(shotLog)")
    let size = (try? FileManager.default.attributesOfItem(atPath: screenshot)[.size] as? Int) ?? 0
    #expect(size > 20_000, "screenshot missing or blank (\(size) bytes)")
    let png = FileManager.default.contents(atPath: screenshot) ?? Data()
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))

    let trapped = folder + "/trapped.html"
    try html.replacingOccurrences(of: "<head>\n", with: "<head>\n" + Self.errorTrap)
      .write(toFile: trapped, atomically: true, encoding: .utf8)
    let (dumpStatus, dom, log) = try run(
      chromium, ["--enable-logging=stderr", "--v=0", "--dump-dom", "file://\(trapped)"])
    #expect(dumpStatus == 0)
    #expect(dom.contains("data-ready=\"1\""), "the page script did not run to the end")
    #expect(dom.contains("data-errors=\"[]\""), "console errors: \(dom.prefix(400))")
    for handle in 1...6 { #expect(dom.contains("data-handle=\"\(handle)\""), "span #\(handle) missing") }
    // The side-by-side view, switched on by the trap, shows each annotator's column.
    #expect(dom.contains("<section><h3>amira</h3>") && dom.contains("<section><h3>omar</h3>"))
    #expect(dom.contains("author-off"))
    let consoleErrors = log.split(separator: "\n").filter {
      $0.contains("CONSOLE") && $0.contains("Uncaught")
    }
    #expect(consoleErrors.isEmpty, "\(consoleErrors)")
    // The test's files go when the run ends; HASHIYA_KEEP_SCREENSHOT=FILE keeps the picture to look at.
    if let keep = ProcessInfo.processInfo.environment["HASHIYA_KEEP_SCREENSHOT"] {
      try? FileManager.default.removeItem(atPath: keep)
      try FileManager.default.copyItem(atPath: screenshot, toPath: keep)
      print("HTML export screenshot: \(keep)")
    }
  }

  @Test func theIndexSearchFiltersTheContentsIgnoringTashkeel() throws {
    guard let chromium = Self.candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      Issue.record("Chromium is not installed: run `apt-get install chromium` (Debian) to run the browser test")
      return
    }
    var second = ExchangeFixtures.bundle(id: 2, uid: "second", text: "تقريرٌ عن دُبيّ 🌍", spans: [])
    second.report.title = "تقريرٌ عن دُبيّ 🌍"
    let folder = ExchangeFixtures.temporaryFolder() + "/site"
    var exporter = try HTMLExporter(path: folder, context: ExchangeFixtures.context)
    _ = try ExchangeFixtures.export([ExchangeFixtures.seedBundle(), second], with: &exporter)
    // Typing the word bare (no shadda, no damma) once the page has loaded.
    let typing = """
      <script>
      window.addEventListener("load", function () {
        var box = document.getElementById("filter");
        box.value = "دبي";
        box.dispatchEvent(new Event("input"));
      });
      </script>
      </body>
      """
    let index = try String(contentsOfFile: folder + "/index.html", encoding: .utf8)
    let typed = folder + "/typed.html"
    try index.replacingOccurrences(of: "</body>", with: typing).write(toFile: typed, atomically: true, encoding: .utf8)
    let (status, dom, log) = try run(chromium, ["--dump-dom", "file://\(typed)"])
    #expect(status == 0, "\(log)")
    #expect(dom.contains("data-ready=\"1\""), "the index script did not run to the end")
    #expect(dom.contains("<span id=\"shown\">1 of 2</span>"), "\(dom)")
    let rows = dom.split(separator: "\n").filter { $0.hasPrefix("<tr") && $0.contains("report-") }
    #expect(rows.count == 2)
    #expect(rows.first { $0.contains("report-1.html") }?.contains("hidden") == true)
    #expect(rows.first { $0.contains("report-2.html") }?.contains("hidden") == false)
  }
}
