import Foundation
import Testing

/// `export --format html` of several reports writes a folder: an index with a table of contents
/// and a search box, and a page per report linked to its neighbours; one report stays one page.
@Suite struct HTMLSiteTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("p.hashiya") }

  /// The seed report, a short one whose title (its first line) holds markup, and a third one,
  /// with a claim on the second report.
  func imported() throws {
    let second = hashiya.write("second.txt", "تقريرٌ <i>عن</i> دُبيّ 🌍\r\nسطرٌ ثانٍ 👩🏽‍💻")
    let third = hashiya.write("third.txt", "نصٌ ثالث قصير.")
    let run = try hashiya.run([
      project, "--user", "amal", "-c",
      "import \(HashiyaBinary.seed) \(second) \(third); show 2; tag claim-labeling claim \"دبي\"",
    ])
    #expect(run.status == 0, "\(run.stderr)")
  }

  func contents(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  /// The targets of every `href` in `html`.
  func links(_ html: String) -> [String] {
    html.matches(of: /href="([^"]*)"/).map { String($0.1) }
  }

  @Test func severalReportsMakeAFolderWhoseLinksResolve() throws {
    try imported()
    let run = try hashiya.run([project, "--user", "amal", "-c", "export out.html"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("exported 3 reports, 1 annotations"), "\(run.stdout)")
    #expect(run.stdout.contains("out.html/index.html"), "\(run.stdout)")
    let folder = hashiya.path("out.html")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(names == ["index.html", "report-1.html", "report-2.html", "report-3.html"])
    let index = try contents(folder + "/index.html")
    #expect(links(index) == ["report-1.html", "report-2.html", "report-3.html"])
    #expect(index.contains("<input type=\"search\" id=\"filter\""))
    #expect(index.contains("<th>claim-labeling</th>"))
    // The second report's row: its claim counted under claim-labeling, its title escaped.
    let row = try #require(index.split(separator: "\n").first { $0.contains("report-2.html") })
    #expect(row.contains("&lt;i&gt;عن&lt;/i&gt;") && !row.contains("<i>"), "\(row)")
    #expect(row.contains("#2 ") && row.contains("<td>1</td>"), "\(row)")
    for name in names {
      let page = try contents(folder + "/" + name)
      #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"), "\(name)")
      for external in ["http://", "https://", "<link", " src=", "@import", "url("] {
        #expect(!page.contains(external), "\(name): \(external)")
      }
      for target in links(page) {
        #expect(!target.contains("/") && !target.hasPrefix("."), "\(name): \(target)")
        #expect(FileManager.default.fileExists(atPath: folder + "/" + target), "\(name): \(target)")
      }
    }
    let middle = try contents(folder + "/report-2.html")
    #expect(links(middle) == ["index.html", "report-1.html", "report-3.html"])
    #expect(middle.contains("تقريرٌ &lt;i&gt;عن&lt;/i&gt; <mark") && middle.contains("دُبيّ</mark> 🌍"), "\(middle)")
    #expect(middle.contains("👩🏽‍💻"))
    #expect(links(try contents(folder + "/report-1.html")) == ["index.html", "report-2.html"])
    #expect(links(try contents(folder + "/report-3.html")) == ["index.html", "report-2.html"])
  }

  @Test func oneReportStaysOnePageAndStandardOutputOnePage() throws {
    try imported()
    let one = hashiya.path("one.html")
    let run = try hashiya.run([project, "--user", "amal", "-c", "export --reports 2 \(one)"])
    #expect(run.status == 0, "\(run.stderr)")
    let page = try contents(one)
    #expect(page.contains("دُبيّ") && page.contains("<article") && !page.contains("report-2.html"))
    let standard = try hashiya.run([project, "--user", "amal", "-c", "export --format html -"])
    #expect(standard.status == 0, "\(standard.stderr)")
    #expect(standard.stdout.components(separatedBy: "<article ").count - 1 == 3)
    #expect(!standard.stdout.contains("<nav class=\"pager\""))
  }

  @Test func aFolderNamedAsTheTargetIsAlwaysAFolder() throws {
    try imported()
    let run = try hashiya.run([project, "--user", "amal", "-c", "export --reports 3 --format html site/"])
    #expect(run.status == 0, "\(run.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: hashiya.path("site")).sorted()
    #expect(names == ["index.html", "report-3.html"])
  }

  @Test func aRefusedExportLeavesNothingBehind() throws {
    try imported()
    let taken = hashiya.write("taken.html", "<p>محفوظ 🔒</p>\n")
    hashiya.write("full/keep.txt", "محفوظٌ 🔒\n")
    let before = try FileManager.default.contentsOfDirectory(atPath: hashiya.folder.path).sorted()
    for target in [taken, hashiya.path("full"), hashiya.path("full/")] {
      let run = try hashiya.run([project, "--user", "amal", "-c", "export --format html \(target)"])
      #expect(run.status == 1, "\(target): \(run.stderr)")
      #expect(run.stderr.contains("new or empty"), "\(target): \(run.stderr)")
    }
    #expect(try contents(taken) == "<p>محفوظ 🔒</p>\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: hashiya.path("full")) == ["keep.txt"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: hashiya.folder.path).sorted() == before)
  }
}
