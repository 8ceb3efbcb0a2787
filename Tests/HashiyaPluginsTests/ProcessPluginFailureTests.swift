import AnnotatorKit
import Foundation
import Testing

@testable import HashiyaPlugins

/// Each misbehaving fixture must give a `PluginError` naming the plugin, and the host must carry on:
/// a good plugin answers right after, and the same plugin answers again with a fresh process.
@Suite struct ProcessPluginFailureTests {
  private let trigger = Fixtures.report("نص !misbehave", id: 9)
  private let normal = Fixtures.report("نص عادي", id: 10)

  /// Runs the failing call, checks the error, then checks that work goes on.
  private func expectFailure(
    _ mode: String, restarts: Bool = true, sourceLocation: SourceLocation = #_sourceLocation,
    _ check: (PluginError) -> Bool
  ) throws {
    let plugin = try ProcessPluginTests.plugin(Fixtures.process(mode))
    let good = try ProcessPluginTests.plugin(Fixtures.process("good"))
    defer {
      plugin.shutdown()
      good.shutdown()
    }
    _ = try? plugin.suggest(normal)
    let pidBefore = plugin.processIdentifier
    let thrown = #expect(throws: PluginError.self, sourceLocation: sourceLocation) { try plugin.suggest(trigger) }
    guard let error = thrown else { return }
    #expect(error.subject == "fixture-\(mode)", sourceLocation: sourceLocation)
    #expect(error.description.hasPrefix("plugin fixture-\(mode)"), sourceLocation: sourceLocation)
    #expect(check(error), "unexpected: \(error)", sourceLocation: sourceLocation)
    if restarts, let pidBefore {
      #expect(!plugin.isRunning, sourceLocation: sourceLocation)
      #expect(ProcessPluginTests.isGone(pidBefore), "old process still there", sourceLocation: sourceLocation)
    }
    #expect(try good.suggest(normal).count == 1, sourceLocation: sourceLocation)
    if pidBefore != nil {
      let again = try plugin.suggest(normal)
      #expect(again.count == 1, sourceLocation: sourceLocation)
      if restarts { #expect(plugin.processIdentifier != pidBefore, sourceLocation: sourceLocation) }
    }
  }

  @Test func crashIncludesExitStatusAndStderr() throws {
    try expectFailure("crash") { error in
      guard case .crashed(_, let status, let stderr) = error else { return false }
      return status == "exited with status 3"
        && stderr == ["fixture: simulated failure while reading the report"]
        && error.description.contains("fixture: simulated failure while reading the report")
    }
  }

  @Test func hangIsKilledAfterTheTimeout() throws {
    let start = ContinuousClock.now
    try expectFailure("hang") { error in
      guard case .timedOut(_, let seconds, _) = error else { return false }
      return seconds == 1
    }
    #expect(ContinuousClock.now - start < .seconds(5))
  }

  @Test func garbageOutputIsAProtocolError() throws {
    try expectFailure("garbage") { error in
      guard case .protocolViolation(_, let problem) = error else { return false }
      return problem.contains("not JSON") && problem.contains("this is not JSON")
    }
  }

  @Test func wrongRequestNumberIsAProtocolError() throws {
    try expectFailure("wrong-request") { error in
      error.description.contains("answer is for request 3, expected 2")
    }
  }

  @Test func outOfRangeOffsetNamesTheSuggestion() throws {
    try expectFailure("out-of-range", restarts: false) { error in
      error
        == .badSuggestion(
          plugin: "fixture-out-of-range", report: 9, index: 0,
          problem: "mark 0..18 (codepoint): end 18 is outside the text (0..13 in codepoint units)")
    }
  }

  /// A faulty suggestion costs its own report, not the others of the batch.
  @Test func aFaultySuggestionFailsOnlyItsReport() throws {
    let plugin = try ProcessPluginTests.plugin(Fixtures.process("out-of-range"))
    defer { plugin.shutdown() }
    let results = try plugin.suggestEach([trigger, normal])
    #expect(results.count == 2)
    #expect(throws: PluginError.self) { try results[0].get() }
    #expect(try results[1].get().count == 1)
  }

  @Test func pluginErrorMessagesArePassedOn() throws {
    try expectFailure("error", restarts: false) { error in
      error == .reported(plugin: "fixture-error", message: "cannot handle this report")
    }
  }

  @Test func wrongIdInDescribeIsRefused() throws {
    try expectFailure("wrong-id") { error in
      error.description.contains(#"describe says id "someone-else", plugin.json says "fixture-wrong-id""#)
    }
  }

  @Test func wrongProtocolInDescribeIsRefused() throws {
    try expectFailure("wrong-protocol") { error in
      error.description.contains("speaks protocol 2, the host speaks 1")
    }
  }

  @Test func missingProgramIsALaunchError() throws {
    try expectFailure("missing-program") { error in
      error
        == .launchFailed(
          plugin: "fixture-missing-program", reason: #"program "hashiya-no-such-program" not found on PATH"#)
    }
  }
}
