import Foundation
import HashiyaFormats

/// A progress bar on standard error for imports that take more than a second.
final class ProgressBar: @unchecked Sendable {
  private let started = Date()
  private var lastDrawn = Date.distantPast
  private var visible = false

  func update(_ progress: ImportProgress) {
    // The last report read: clear the bar so the import's summary starts on a clean line.
    if progress.bytesTotal > 0 && progress.bytesDone >= progress.bytesTotal {
      clear()
      return
    }
    let now = Date()
    guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastDrawn) > 0.1 else { return }
    lastDrawn = now
    visible = true
    let fraction = progress.bytesTotal > 0 ? min(1, Double(progress.bytesDone) / Double(progress.bytesTotal)) : 0
    let width = 30
    let filled = Int(fraction * Double(width))
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let line = "\r\(bar) \(Int(fraction * 100))%  \(progress.reportsRead) reports"
    FileHandle.standardError.write(Data(line.utf8))
  }

  private func clear() {
    if visible { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    visible = false
  }

  deinit {
    clear()
  }
}
