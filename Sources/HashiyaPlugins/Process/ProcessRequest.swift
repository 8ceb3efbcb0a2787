import AnnotatorKit

/// The messages the host sends to a process plugin, one JSON object per line.
enum ProcessRequest {
  static let protocolVersion = 1

  case describe
  case suggest(request: Int, reports: [ReportInput])
  case shutdown

  var json: JSONValue {
    switch self {
    case .describe:
      return ["type": "describe", "protocol": .int(Self.protocolVersion)]
    case .suggest(let request, let reports):
      let items = reports.map { report -> JSONValue in
        [
          "id": .int(report.id), "uid": .string(report.uid), "language": .string(report.language),
          "text": .string(report.text.string),
        ]
      }
      return ["type": "suggest", "request": .int(request), "reports": .array(items)]
    case .shutdown:
      return ["type": "shutdown"]
    }
  }

  /// The message as one line: the writer escapes control characters, so a report's own line
  /// breaks never split the message.
  var line: [UInt8] {
    Array(JSONWriter.string(json).utf8) + [UInt8(ascii: "\n")]
  }

  /// How errors describe what the host was waiting for.
  var waitingFor: String {
    switch self {
    case .describe: return "describe"
    case .suggest(let request, let reports): return "suggest request \(request) (\(reports.count) reports)"
    case .shutdown: return "shutdown"
    }
  }
}
