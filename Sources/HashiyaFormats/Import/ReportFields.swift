import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Maps the fields of a JSON report record (a JSONL line or a sidecar) onto a `NewReport`.
///
/// Known fields: `id`, `title`, `text`, `lang`/`language`, `source`, `url`, `published`,
/// `metadata`. Any other field is kept under its own name in the metadata, so nothing is lost.
enum ReportFields {
  static func apply(_ record: JSONObject, to report: inout NewReport, path: String, line: Int) throws(ImportError) {
    var metadata = JSONObject()
    func string(_ field: String, _ value: JSONValue) throws(ImportError) -> String? {
      switch value {
      case .null: return nil
      case .string(let s): return s
      default: throw .wrongType(path: path, line: line, field: field, expected: "a string")
      }
    }
    for (key, value) in record.pairs {
      switch key {
      case "id":
        switch value {
        case .string(let s) where !s.isEmpty: report.uid = s
        case .int(let n): report.uid = String(n)
        case .null: break
        default: throw .wrongType(path: path, line: line, field: key, expected: "a non-empty string or an integer")
        }
      case "title": if let s = try string(key, value) { report.title = s }
      case "text": if let s = try string(key, value) { report.text = s }
      case "lang", "language": if let s = try string(key, value) { report.language = s }
      case "source": report.source = try string(key, value)
      case "url": report.url = try string(key, value)
      case "published": report.published = try string(key, value)
      case "metadata":
        switch value {
        case .object(let object): for (k, v) in object.pairs { metadata[k] = v }
        case .null: break
        default: throw .wrongType(path: path, line: line, field: key, expected: "an object")
        }
      default:
        metadata[key] = value
      }
    }
    if !metadata.isEmpty {
      report.metadataJSON = JSONWriter.string(.object(metadata))
    }
  }
}
