import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// Imports report files, directories and standard input into a project, all or nothing.
public enum ReportImport {
  /// Expands the user's paths into the files to read: directories recursively (hidden entries
  /// skipped, sidecars read with their text file), `-` for standard input.
  public static func plan(paths: [String]) throws(ImportError) -> [ImportFile] {
    var files: [ImportFile] = []
    let fm = FileManager.default
    for path in paths {
      if path == "-" {
        files.append(ImportFile(path: "-", kind: .text, byteSize: 0))
        continue
      }
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path: path) }
      if !isDirectory.boolValue {
        guard let kind = kind(of: path) else { throw .unsupportedType(path: path) }
        files.append(ImportFile(path: path, kind: kind, byteSize: ImportFile.size(of: path)))
        continue
      }
      let found = reportFiles(in: path)
      guard !found.isEmpty else { throw .noReports(path: path) }
      files += found
    }
    return files
  }

  /// Reads every planned file into the project in one transaction and returns what changed.
  ///
  /// `standardInput` supplies the bytes of `-`; `progress` is called after each report. With
  /// `skipping` (`--skip-bad`), a bad report (an empty or unreadable file, a bad line, a uid that
  /// names another text) is listed there and left out instead of failing the import.
  public static func run(
    _ files: [ImportFile], into store: any ProjectStoring, author: String,
    standardInput: @escaping () throws -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) },
    progress: ((ImportProgress) -> Void)? = nil, skipping: SkippedReports? = nil
  ) throws -> ImportOutcome {
    let total = files.reduce(0) { $0 + $1.byteSize }
    var count = 0
    let source = files.map(\.path).joined(separator: " ")
    return try store.importReports(author: author, source: source, expecting: ImportFile.expectedRows(bytes: total)) {
      inserter in
      // Reading, hashing and folding run on a second thread; this one only writes.
      try Pipeline.run(
        capacity: 32,
        produce: { queue in
          try read(files, standardInput: standardInput, skipping: skipping) { report, bytes in
            try queue.put((PreparedReport(report), bytes))
          }
        },
        consume: { (prepared: PreparedReport, bytes: Int) in
          do {
            try inserter.insert(prepared)
          } catch let error as StoreError {
            // The insert that found the clash changed nothing, so the import can go on.
            guard let skipping, case .uidConflict = error else { throw error }
            skipping.add(error)
          }
          count += 1
          progress?(ImportProgress(bytesDone: bytes, bytesTotal: total, reportsRead: count))
        })
    }
  }

  /// Reads every report of `files` in order, with the bytes read so far; a bad report goes to
  /// `skipping` when it is given.
  private static func read(
    _ files: [ImportFile], standardInput: () throws -> [UInt8], skipping: SkippedReports?,
    _ add: (NewReport, Int) throws -> Void
  ) throws {
    /// The report `make` reads, or nil when it is bad and skipped.
    func record(_ make: () throws -> NewReport?) throws -> NewReport? {
      do {
        return try make()
      } catch let error as ImportError {
        guard let skipping else { throw error }
        skipping.add(error)
        return nil
      }
    }
    var done = 0
    for file in files {
      switch file.kind {
      case .text where file.path == "-":
        try readStandardInput(try standardInput(), add: { try add($0, done) })
      case .text:
        let report = try record {
          try TextReportReader.report(
            from: try contents(of: file.path), path: file.path, sidecar: try sidecar(for: file.path))
        }
        if let report { try add(report, done + file.byteSize) }
      case .jsonl:
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
          throw ImportError.unreadable(path: file.path, reason: "permission denied")
        }
        defer { try? handle.close() }
        var sawReport = false
        var sawBadLine = false
        try LineReader(handle: handle).forEachLine { line, number, bytesRead in
          let report = try record {
            do {
              return try JSONLReportReader.report(line: line, number: number, path: file.path)
            } catch {
              sawBadLine = true
              throw error
            }
          }
          if let report {
            sawReport = true
            try add(report, done + bytesRead)
          }
        }
        if !sawReport && !sawBadLine { throw ImportError.emptyFile(path: file.path) }
      }
      done += file.byteSize
    }
  }

  /// Standard input holds either JSON Lines (it starts with `{`) or one plain-text report.
  private static func readStandardInput(_ bytes: [UInt8], add: (NewReport) throws -> Void) throws {
    let firstVisible = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
    guard firstVisible == UInt8(ascii: "{") else {
      try add(try TextReportReader.report(from: bytes, path: "-", sidecar: nil))
      return
    }
    var number = 0
    var sawReport = false
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      number += 1
      try line.withUnsafeBytes { raw in
        var raw = raw
        if raw.last == 0x0D { raw = UnsafeRawBufferPointer(rebasing: raw.dropLast()) }
        if let report = try JSONLReportReader.report(line: raw, number: number, path: "-") {
          sawReport = true
          try add(report)
        }
      }
    }
    if !sawReport { throw ImportError.emptyFile(path: "-") }
  }

  private static func kind(of path: String) -> ImportFile.Kind? {
    let ext = (path as NSString).pathExtension.lowercased()
    if TextReportReader.extensions.contains(ext) { return .text }
    if JSONLReportReader.extensions.contains(ext) { return .jsonl }
    return nil
  }

  private static func reportFiles(in directory: String) -> [ImportFile] {
    guard
      let enumerator = FileManager.default.enumerator(
        at: URL(fileURLWithPath: directory), includingPropertiesForKeys: [.isRegularFileKey],
        options: [.skipsHiddenFiles])
    else { return [] }
    var files: [ImportFile] = []
    for case let url as URL in enumerator {
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
        let kind = kind(of: url.path)
      else { continue }
      files.append(ImportFile(path: url.path, kind: kind, byteSize: ImportFile.size(of: url.path)))
    }
    return files.sorted { $0.path < $1.path }
  }

  private static func contents(of path: String) throws(ImportError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "permission denied or not a regular file")
    }
    return Array(data)
  }

  private static func sidecar(for path: String) throws(ImportError) -> JSONObject? {
    let sidecarPath = TextReportReader.sidecarPath(for: path)
    guard let data = FileManager.default.contents(atPath: sidecarPath) else { return nil }
    let value: JSONValue
    do {
      value = try JSONParser.parse(Array(data))
    } catch {
      throw .notJSON(path: sidecarPath, line: 1, detail: error.description)
    }
    guard case .object(let object) = value else {
      throw .notJSON(path: sidecarPath, line: 1, detail: "a sidecar must be a JSON object")
    }
    return object
  }
}
