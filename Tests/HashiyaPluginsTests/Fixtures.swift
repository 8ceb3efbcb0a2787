import AnnotatorKit
import Foundation

/// Paths of the test fixtures and the shipped example plugins, found from this file's location.
enum Fixtures {
  static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

  static var manifests: String { testsFolder.appendingPathComponent("Fixtures/manifests").path }
  static var examples: String { repository.appendingPathComponent("plugins/examples").path }

  static func process(_ name: String) -> String {
    testsFolder.appendingPathComponent("Fixtures/process/\(name)").path
  }

  static func example(_ name: String) -> String {
    (examples as NSString).appendingPathComponent(name)
  }

  static func report(_ text: String, id: Int = 1) -> ReportInput {
    ReportInput(id: id, uid: "report-\(id)", language: "ar", text: ReportText(text))
  }
}
