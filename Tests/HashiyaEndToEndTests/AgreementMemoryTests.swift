import AnnotatorTesting
import Foundation
import GRDB
import Testing

/// `agreement` reads a project a chunk of reports at a time: on a project twice the size, its
/// peak memory above what opening the project costs does not double.
@Suite struct AgreementMemoryTests {
  let hashiya = HashiyaBinary()

  /// Reports imported as text; the rest are copies of them made in SQL, as importing thousands
  /// of reports through a debug build would take minutes.
  static let imported = 250

  /// A project of `count` reports (a multiple of `imported`) cut from the seed report, each with
  /// 4 spans by each of 3 annotators in each of 3 layers.
  func project(_ name: String, reports count: Int) throws -> String {
    let lines = try String(contentsOfFile: HashiyaBinary.seed, encoding: .utf8)
      .split(whereSeparator: \.isNewline).map(String.init).filter { $0.unicodeScalars.count > 40 }
    var jsonl = ""
    for n in 0..<Self.imported {
      let text = (0..<4).map { lines[(n + $0 * 7) % lines.count] }.joined(separator: "\n") + "\nرقم \(n) 📊"
      let record: [String: Any] = ["id": "m-\(n)", "title": "تقرير \(n)", "text": text, "lang": "ar"]
      jsonl += String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self) + "\n"
    }
    let source = hashiya.write("\(name).jsonl", jsonl)
    let path = hashiya.path("\(name).hashiya")
    let run = try hashiya.run([path, "-c", "import \(source)"])
    #expect(run.status == 0, "\(run.stderr)")
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      let copies = StatementArguments([count / Self.imported, Self.imported])
      try db.execute(
        sql: """
          WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ?1 - 1)
          INSERT INTO reports (id, uid, title, titleFolded, language, text, sha256, length, importedAt, importedBy)
          SELECT r.id + k.n * ?2, r.uid || '-' || k.n, r.title, r.titleFolded, r.language, r.text,
            r.sha256 || '-' || k.n, r.length, r.importedAt, r.importedBy
          FROM reports r, k WHERE r.id <= ?2
          """, arguments: copies)
      try db.execute(
        sql: """
          WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ?1 - 1)
          INSERT INTO reportTokens (reportId, boundaries)
          SELECT t.reportId + k.n * ?2, t.boundaries FROM reportTokens t, k WHERE t.reportId <= ?2
          """, arguments: copies)
      try db.execute(
        sql: """
          WITH a(i, name) AS (VALUES (0, 'amal'), (1, 'karim'), (2, 'لينا')),
            l(i, layer, label) AS (
              VALUES (0, 'speaker-tagging', 'speaker'), (1, 'claim-labeling', 'claim'),
                (2, 'translation-notes', 'note')),
            j(i) AS (VALUES (0), (1), (2), (3)),
            s AS (
              SELECT r.id AS report, r.text AS text, a.name AS author, l.layer AS layer, l.label AS label,
                (j.i * 37 + a.i * 5 + l.i * 13) % (r.length - 12) AS start, 6 + (a.i + j.i) % 5 AS size,
                a.i || '-' || l.i || '-' || j.i AS suffix
              FROM reports r, a, l, j)
          INSERT INTO annotations (uuid, reportId, layer, label, start, "end", quote, author, createdAt, updatedAt)
          SELECT 'm-' || report || '-' || suffix, report, layer, label, start, start + size,
            substr(text, start + 1, size), author, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
          FROM s
          """)
    }
    try queue.close()
    return path
  }

  /// Runs the rest of its arguments and prints their peak resident memory in kilobytes: the
  /// largest of its children's, and it has only that one. A child of the test process itself
  /// would count the test process's memory too, which it shares until it starts the binary.
  static let peakScript = """
    import resource, subprocess, sys
    code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    sys.exit(code)
    """

  /// The peak resident memory, in kilobytes, of `hashiya ARGS`.
  func peakKilobytes(_ arguments: [String]) throws -> Int {
    let python = try #require(ProdigyTaskCheck.python)
    let run = try hashiya.run(arguments, launcher: [python, "-c", Self.peakScript])
    #expect(run.status == 0, "\(arguments): \(run.stderr)")
    return try #require(Int(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(run.stdout)")
  }

  @Test(.enabled(if: ProdigyTaskCheck.python != nil, "python3 measures the peak"))
  func peakMemoryDoesNotDoubleWithTheProject() throws {
    let small = try project("small", reports: 1_000)
    let large = try project("large", reports: 2_000)
    let opened = try peakKilobytes([large, "-c", "whoami"])
    let smallPeak = try peakKilobytes([small, "-c", "agreement"])
    let largePeak = try peakKilobytes([large, "-c", "agreement"])
    // What holding the reports costs beyond opening the project: a chunk's worth, whatever the size.
    let smallExtra = max(smallPeak - opened, 1)
    let largeExtra = largePeak - opened
    #expect(
      Double(largeExtra) < 1.5 * Double(smallExtra),
      "agreement peaks: \(smallPeak) KB on 1,000 reports, \(largePeak) KB on 2,000; opening \(opened) KB")
  }
}
