import Foundation

/// Runs a Python script given as text, for checks done by other tools' code (a JSON-LD
/// processor, spaCy's token rules): the script goes in on standard input, its output comes back.
public enum PythonScript {
  /// What a run printed and how it ended.
  public struct Run {
    public var status: Int32
    public var output: [UInt8]
    public var errors: String
    public var text: String { String(decoding: output, as: UTF8.self) }
  }

  /// Runs `script` under `python` with `arguments` (`sys.argv[1:]`).
  public static func run(_ script: String, python: String, arguments: [String]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-"] + arguments
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    input.fileHandleForWriting.write(Data(script.utf8))
    try input.fileHandleForWriting.close()
    // Errors are read on another thread: a script that writes much to both would otherwise
    // block on a full pipe while its output is read.
    nonisolated(unsafe) var message = Data()
    let reading = DispatchGroup()
    DispatchQueue.global().async(group: reading) { message = errors.fileHandleForReading.readDataToEndOfFile() }
    let bytes = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
    reading.wait()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, output: bytes, errors: String(decoding: message, as: UTF8.self))
  }
}
