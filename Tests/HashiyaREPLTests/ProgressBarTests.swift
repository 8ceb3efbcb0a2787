import Foundation
import HashiyaFormats
import Testing

@testable import HashiyaREPL

@Suite struct ProgressBarTests {
  /// A clock the test moves by hand, and what the bar wrote.
  final class Recorder: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_000)
    var written: [String] = []
  }

  func progress(_ reports: Int, _ done: Int, of total: Int = 1_000) -> ImportProgress {
    ImportProgress(bytesDone: done, bytesTotal: total, reportsRead: reports)
  }

  @Test func drawsOnlyAfterASecondOfEachImportAndClearsAtTheEnd() {
    let recorder = Recorder()
    let bar = ProgressBar(clock: { recorder.now }, write: { recorder.written.append($0) })
    // A session that sat idle for a minute before its import must not draw at once.
    recorder.now += 60
    bar.update(progress(1, 10))
    recorder.now += 0.5
    bar.update(progress(2, 20))
    #expect(recorder.written.isEmpty)
    recorder.now += 1
    bar.update(progress(3, 500))
    #expect(recorder.written.count == 1)
    #expect(recorder.written[0].contains("50%"))
    #expect(recorder.written[0].contains("3 reports"))
    bar.update(progress(4, 1_000))
    #expect(recorder.written.last == "\r\u{1B}[K")
    // A quick second import draws nothing: its clock starts again at its first report.
    let drawn = recorder.written.count
    recorder.now += 0.2
    bar.update(progress(1, 100))
    bar.update(progress(2, 1_000))
    #expect(recorder.written.count == drawn)
  }
}
