import AnnotatorTesting
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `suggest --all-reports` keeps its candidates in the project as it goes, so its memory does not
/// grow with the number of reports: twice the reports must not take twice the peak memory.
@Suite struct SuggestMemoryTests {
  let hashiya = HashiyaBinary()

  /// Reports in the smaller project: several batches of `suggest`, so both runs are past the first.
  static let reports = 100

  /// A project of `count` copies of the Arabic seed report, each with a line of its own.
  func project(_ count: Int) throws -> String {
    let folder = "reports-\(count)"
    for index in 1...count {
      _ = hashiya.write("\(folder)/r\(index).txt", "تقرير رقم \(index) 🌍\n" + SeedReport.text)
    }
    let project = hashiya.path("p\(count).hashiya")
    let run = try hashiya.run([project, "-c", "import \(hashiya.path(folder))"])
    try #require(run.status == 0, "\(run.stderr)")
    return project
  }

  /// Runs `hashiya ARGS` and returns its exit status and peak resident set in KiB.
  ///
  /// The peak is the child's own `VmHWM`, read from /proc while it runs: its `ru_maxrss` would
  /// not do, as a child spawned from this test process starts from this process's high-water
  /// mark, which grows with every test running beside it.
  func peakMemory(_ arguments: [String]) throws -> (status: Int32, kibibytes: Int) {
    let program = HashiyaBinary.executable.path
    var environment = ProcessInfo.processInfo.environment
    environment["HASHIYA_USER"] = "tester"
    environment["HOME"] = hashiya.folder.path
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
    try #require(spawned == 0, "posix_spawn failed: \(spawned)")
    var status: Int32 = 0
    var peak = 0
    // The high-water mark only grows: the last reading before the exit is the peak, give or
    // take what the final few milliseconds add.
    while waitpid(pid, &status, WNOHANG) == 0 {
      peak = max(peak, Self.highWaterMark(of: pid) ?? 0)
      usleep(5_000)
    }
    return ((status >> 8) & 0xff, peak)
  }

  /// `VmHWM` of a running process, in KiB.
  static func highWaterMark(of pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
    return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
  }

  @Test(.timeLimit(.minutes(1))) func twiceTheReportsDoNotTakeTwiceTheMemory() throws {
    let small = try project(Self.reports)
    let large = try project(2 * Self.reports)
    let first = try peakMemory([small, "-c", "suggest --all-reports"])
    let second = try peakMemory([large, "-c", "suggest --all-reports"])
    #expect(first.status == 0 && second.status == 0)
    try #require(first.kibibytes > 0)
    #expect(
      second.kibibytes < 2 * first.kibibytes,
      "peak RSS \(first.kibibytes) KiB for \(Self.reports) reports, \(second.kibibytes) KiB for twice as many")
    // Bounded, not merely sublinear: doubling the reports adds only what fills SQLite's page
    // cache as the file grows (about 3 MB here, some 6 %).
    #expect(
      second.kibibytes - first.kibibytes < first.kibibytes / 8,
      "peak RSS \(first.kibibytes) KiB for \(Self.reports) reports, \(second.kibibytes) KiB for twice as many")
    // What the larger run kept really is twice as much: the list is in the file, not in memory.
    let totals = try [small, large].map { project in
      let run = try hashiya.run([project, "--json", "-c", "suggest --list"])
      let object = try JSONSerialization.jsonObject(with: Data(run.stdoutLines.last?.utf8 ?? "".utf8))
      return try #require((object as? [String: Any])?["total"] as? Int)
    }
    #expect(totals[1] == 2 * totals[0])
  }
}
