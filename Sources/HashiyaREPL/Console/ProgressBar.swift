import Foundation
import HashiyaFormats

/// A progress bar on standard error for imports that take more than a second.
final class ProgressBar: @unchecked Sendable {
  /// When the current import began: its first report restarts the clock, since one bar serves
  /// every import of a session.
  private var started: Date
  private var lastDrawn = Date.distantPast
  private var visible = false
  private let clock: () -> Date
  private let write: (String) -> Void

  /// A bar drawn with `write` (standard error by default), timed by `clock`.
  init(
    clock: @escaping () -> Date = Date.init,
    write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
  ) {
    self.clock = clock
    self.write = write
    started = clock()
  }

  func update(_ progress: ImportProgress) {
    // The last report read: clear the bar so the import's summary starts on a clean line.
    if progress.bytesTotal > 0 && progress.bytesDone >= progress.bytesTotal {
      clear()
      return
    }
    let now = clock()
    if progress.reportsRead <= 1 { started = now }
    guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastDrawn) > 0.1 else { return }
    lastDrawn = now
    visible = true
    let fraction = progress.bytesTotal > 0 ? min(1, Double(progress.bytesDone) / Double(progress.bytesTotal)) : 0
    let width = 30
    let filled = Int(fraction * Double(width))
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let line = "\r\(bar) \(Int(fraction * 100))%  \(progress.reportsRead) reports"
    write(line)
  }

  private func clear() {
    if visible { write("\r\u{1B}[K") }
    visible = false
  }

  deinit {
    clear()
  }
}
