import AnnotatorKit
import Foundation

/// An annotator backed by an external program speaking JSON lines (see docs/plugin-protocol.md).
///
/// The program starts on the first request and is kept for later batches. A crash, a hang past
/// the timeout or unreadable output ends that process and throws a `PluginError`; the next
/// request starts a fresh one. Calls are serialised by a lock, which is what makes the class
/// safe to share although the process handle inside is not `Sendable`.
public final class ProcessPlugin: Annotator, @unchecked Sendable {
  public let manifest: PluginManifest
  /// The program and its arguments, run from the plugin folder.
  public let argv: [String]
  /// How long one request (or the describe handshake) may take.
  public let timeout: Duration
  /// How many reports go into one `suggest` request.
  public let batchSize: Int

  private let lock = NSLock()
  private var running: PluginProcess?
  private var unit: OffsetUnit = .codepoint
  private var nextRequest = 1

  /// Reads `command`, `timeout` and `batchSize`; nothing is started until the first request.
  public init(manifest: PluginManifest) throws(PluginError) {
    let reader = ManifestReader(path: manifest.path)
    guard manifest.kind == .process else {
      throw reader.error("\"kind\" is \"\(manifest.kind.rawValue)\", not \"process\"")
    }
    let command = try reader.optionalArray(manifest.document, "command") ?? []
    let argv = command.compactMap(\.stringValue)
    guard !argv.isEmpty, argv.count == command.count, !argv[0].isEmpty else {
      throw reader.error("\"command\" must be a non-empty array of strings (program and arguments)")
    }
    let seconds = try reader.optionalNumber(manifest.document, "timeout") ?? 10
    guard seconds > 0 && seconds <= 3600 else {
      throw reader.error("\"timeout\" must be a number of seconds in (0, 3600]")
    }
    let batchSize = try reader.optionalNumber(manifest.document, "batchSize") ?? 50
    guard batchSize >= 1 && batchSize <= 10_000 && batchSize == batchSize.rounded() else {
      throw reader.error("\"batchSize\" must be a whole number from 1 to 10000")
    }
    self.manifest = manifest
    self.argv = argv
    self.timeout = .milliseconds(Int64(seconds * 1000))
    self.batchSize = Int(batchSize)
  }

  deinit {
    running?.shutdown(goodbye: ProcessRequest.shutdown.line)
  }

  public var id: String { manifest.id }
  public var version: String { manifest.version }
  public var schema: LayerSchema { manifest.schema }
  public var commands: [AnnotatorCommand] { manifest.commands }

  /// Whether the program is currently running (it starts on the first request).
  public var isRunning: Bool { lock.withLock { running != nil } }

  /// The process id of the running program, if any; for diagnostics and tests.
  public var processIdentifier: Int32? { lock.withLock { running?.processIdentifier } }

  /// The offset unit the running program declared in its describe answer.
  public var offsetUnit: OffsetUnit { lock.withLock { unit } }

  public func suggest(_ report: ReportInput) throws -> [Suggestion] {
    try suggest(batch: [report])[0]
  }

  public func suggest(batch reports: [ReportInput]) throws -> [[Suggestion]] {
    try suggestEach(reports).map { try $0.get() }
  }

  /// One request per `batchSize` reports; a suggestion that does not fit its report or the schema
  /// fails that report alone, while a crash, a timeout or garbage fails the whole call.
  public func suggestEach(_ reports: [ReportInput]) throws -> [Result<[Suggestion], any Error>] {
    try lock.withLock { () throws(PluginError) -> [Result<[Suggestion], any Error>] in
      var results: [Result<[Suggestion], any Error>] = []
      results.reserveCapacity(reports.count)
      var start = 0
      while start < reports.count {
        let end = min(start + batchSize, reports.count)
        results += try request(Array(reports[start..<end]))
        start = end
      }
      return results
    }
  }

  /// Sends `shutdown`, closes the program's stdin and kills it if it has not exited within a
  /// second. The REPL calls this on quit; a later request would start the program again.
  public func shutdown() {
    lock.withLock {
      running?.shutdown(goodbye: ProcessRequest.shutdown.line)
      running = nil
    }
  }

  // MARK: - Requests (lock held)

  private func request(_ reports: [ReportInput]) throws(PluginError) -> [Result<[Suggestion], any Error>] {
    let process = try started()
    let number = nextRequest
    nextRequest += 1
    let message = ProcessRequest.suggest(request: number, reports: reports)
    let answer = try exchange(message, with: process)
    switch answer["type"]?.stringValue {
    case "suggestions":
      try expectRequest(number, in: answer)
      return try decodeResults(answer, for: reports)
    case "error":
      try expectRequest(number, in: answer)
      // The program is healthy and in step; it only could not handle this batch.
      throw .reported(plugin: id, message: answer["message"]?.stringValue ?? "(no message)")
    default:
      throw discard(
        .protocolViolation(
          plugin: id, problem: "expected a \"suggestions\" answer to request \(number), got \(Self.excerpt(answer))"))
    }
  }

  /// The running process, starting it and checking its describe answer if there is none.
  private func started() throws(PluginError) -> PluginProcess {
    if let running { return running }
    let process = try PluginProcess(plugin: id, argv: argv, folder: manifest.folder)
    running = process
    let answer = try exchange(.describe, with: process)
    func violation(_ problem: String) -> PluginError {
      discard(.protocolViolation(plugin: id, problem: problem))
    }
    guard answer["type"]?.stringValue == "describe" else {
      throw violation("expected a \"describe\" answer, got \(Self.excerpt(answer))")
    }
    guard answer["protocol"]?.intValue == ProcessRequest.protocolVersion else {
      throw violation(
        "speaks protocol \(answer["protocol"].map(\.description) ?? "(none)"), "
          + "the host speaks \(ProcessRequest.protocolVersion)"
      )
    }
    guard answer["id"]?.stringValue == id else {
      throw violation("describe says id \(answer["id"].map(\.description) ?? "(none)"), plugin.json says \"\(id)\"")
    }
    guard answer["version"]?.stringValue == version else {
      throw violation(
        "describe says version \(answer["version"].map(\.description) ?? "(none)"), plugin.json says \"\(version)\"")
    }
    if let raw = answer["offsetUnit"], !raw.isNull {
      guard let name = raw.stringValue, let declared = OffsetUnit(rawValue: name) else {
        throw violation("unknown offsetUnit \(raw) (codepoint, utf16, utf8)")
      }
      unit = declared
    } else {
      unit = .codepoint
    }
    return process
  }

  /// One round trip; any failure to get a JSON object back ends the process.
  private func exchange(_ message: ProcessRequest, with process: PluginProcess) throws(PluginError) -> JSONValue {
    let line: [UInt8]
    do {
      line = try process.exchange(message.line, timeout: timeout, waitingFor: message.waitingFor)
    } catch {
      throw discard(error)
    }
    let value: JSONValue
    do {
      value = try JSONParser.parse(line)
    } catch {
      throw discard(
        .protocolViolation(plugin: id, problem: "output is not JSON (\(error.description)): \(Self.excerpt(line))"))
    }
    guard value.objectValue != nil else {
      throw discard(.protocolViolation(plugin: id, problem: "output must be a JSON object, got \(Self.excerpt(value))"))
    }
    return value
  }

  private func expectRequest(_ number: Int, in answer: JSONValue) throws(PluginError) {
    guard answer["request"]?.intValue == number else {
      throw discard(
        .protocolViolation(
          plugin: id,
          problem: "answer is for request \(answer["request"].map(\.description) ?? "(none)"), expected \(number)"))
    }
  }

  private func decodeResults(
    _ answer: JSONValue, for reports: [ReportInput]
  ) throws(PluginError) -> [Result<[Suggestion], any Error>] {
    guard let results = answer["results"]?.arrayValue else {
      throw discard(.protocolViolation(plugin: id, problem: "\"results\" must be an array"))
    }
    let decoder = SuggestionDecoder(plugin: id, schema: schema, unit: unit)
    // Reports the plugin leaves out simply have no suggestions.
    var suggestions = [Result<[Suggestion], any Error>?](repeating: nil, count: reports.count)
    for result in results {
      guard let reportID = result["report"]?.intValue, let items = result["suggestions"]?.arrayValue else {
        throw discard(
          .protocolViolation(
            plugin: id, problem: "each result needs a whole-number \"report\" and a \"suggestions\" array"))
      }
      guard let slot = reports.indices.first(where: { reports[$0].id == reportID && suggestions[$0] == nil }) else {
        throw discard(
          .protocolViolation(
            plugin: id, problem: "result for report \(reportID), which was not asked for (or answered twice)"))
      }
      suggestions[slot] = Result { () throws(PluginError) in try decoder.decode(items, report: reports[slot]) }
        .mapError { $0 as any Error }
    }
    return suggestions.map { $0 ?? .success([]) }
  }

  /// Ends the current process so the next request starts clean, and passes the error on.
  private func discard(_ error: PluginError) -> PluginError {
    running?.stop()
    running = nil
    return error
  }

  private static func excerpt(_ line: [UInt8]) -> String {
    excerpt(String(decoding: line, as: UTF8.self))
  }

  private static func excerpt(_ value: JSONValue) -> String {
    excerpt(value.description)
  }

  private static func excerpt(_ text: String) -> String {
    text.count > 120 ? "\"\(text.prefix(120))…\"" : "\"\(text)\""
  }
}
