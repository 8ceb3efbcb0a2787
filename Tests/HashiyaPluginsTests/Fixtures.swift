import AnnotatorKit
import Foundation

/// Paths of the test fixtures and the shipped example plugins, found from this file's location.
enum Fixtures {
  static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

  static var manifests: String { testsFolder.appendingPathComponent("Fixtures/manifests").path }
  static var examples: String {
    ignoreBrokenPipes
    return repository.appendingPathComponent("plugins/examples").path
  }

  static func process(_ name: String) -> String {
    ignoreBrokenPipes
    return testsFolder.appendingPathComponent("Fixtures/process/\(name)").path
  }

  static func example(_ name: String) -> String {
    (examples as NSString).appendingPathComponent(name)
  }

  /// Hashiya ignores SIGPIPE when it starts, so writing to a plugin that closed its input is an
  /// EPIPE error; the test process stands in for it before any plugin runs.
  private static let ignoreBrokenPipes: Void = {
    _ = signal(SIGPIPE, SIG_IGN)
  }()

  static func report(_ text: String, id: Int = 1) -> ReportInput {
    ReportInput(id: id, uid: "report-\(id)", language: "ar", text: ReportText(text))
  }
}
