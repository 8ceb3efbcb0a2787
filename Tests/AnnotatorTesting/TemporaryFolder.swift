import Foundation

/// A fresh folder per test, removed when the test (the suite value holding it) ends.
public final class TemporaryFolder: Sendable {
  public let url: URL

  public init() {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("hashiya-test-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  deinit { try? FileManager.default.removeItem(at: url) }
}

extension TemporaryFolder {
  /// A fresh folder inside one folder per test process, removed when the process exits: for
  /// fixtures that hand out paths rather than a value whose end could remove them.
  public static func scratch() -> String {
    let folder = processFolder.appendingPathComponent(UUID().uuidString)
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.path
  }

  private static let processFolder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hashiya-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: TemporaryFolder.processFolder) }
    return url
  }()
}
