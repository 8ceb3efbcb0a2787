import Foundation

/// Single keystrokes from the terminal: canonical mode and echo off while triage waits for a key.
///
/// ISIG stays on, so Ctrl-C is still SIGINT and reaches `SignalHandling` like anywhere else.
/// The terminal's modes are restored by `restore()`, which the owner calls on every way out.
final class TerminalKeys: KeySource {
  private let descriptor: Int32
  private let saved: termios
  private let single: termios
  /// Writes a prompt (for `e`), unbuffered.
  private let write: (String) -> Void

  /// Switches the terminal on `descriptor` to single keys; nil when it is not a terminal.
  init?(descriptor: Int32 = STDIN_FILENO, write: @escaping (String) -> Void) {
    var modes = termios()
    guard isatty(descriptor) == 1, tcgetattr(descriptor, &modes) == 0 else { return nil }
    self.descriptor = descriptor
    self.saved = modes
    self.write = write
    modes.c_lflag &= ~tcflag_t(ICANON | ECHO)
    withUnsafeMutableBytes(of: &modes.c_cc) { controls in
      controls[Int(VMIN)] = 1
      controls[Int(VTIME)] = 0
    }
    self.single = modes
    guard tcsetattr(descriptor, TCSANOW, &modes) == 0 else { return nil }
  }

  /// Gives the terminal back the modes it had before.
  func restore() {
    var modes = saved
    _ = tcsetattr(descriptor, TCSANOW, &modes)
  }

  /// One UTF-8 character, so that an Arabic-Indic digit is one key like an ASCII one. An arrow
  /// or function key (an escape sequence) comes back as one escape, not as three stray keys.
  func nextKey() -> Character? {
    guard let first = readByte() else { return nil }
    if first == 0x1B {
      var pending = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      var byte: UInt8 = 0
      while poll(&pending, 1, 20) > 0, read(descriptor, &byte, 1) == 1 {}
      return "\u{1B}"
    }
    var bytes = [first]
    let length =
      switch first {
      case 0xC0...0xDF: 2
      case 0xE0...0xEF: 3
      case 0xF0...0xF7: 4
      default: 1
      }
    while bytes.count < length, let next = readByte() { bytes.append(next) }
    return String(decoding: bytes, as: UTF8.self).first
  }

  /// A line typed with echo on, the way the terminal edits it; nil on Ctrl-C or end of input.
  func readLine(prompt: String) -> String? {
    var cooked = saved
    cooked.c_lflag |= tcflag_t(ICANON | ECHO)
    _ = tcsetattr(descriptor, TCSANOW, &cooked)
    defer {
      var modes = single
      _ = tcsetattr(descriptor, TCSANOW, &modes)
    }
    write(prompt)
    var bytes: [UInt8] = []
    while let byte = readByte() {
      if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
      bytes.append(byte)
    }
    return nil
  }

  /// The next byte, or nil at end of input or when a signal is pending.
  private func readByte() -> UInt8? {
    while true {
      guard SignalHandling.waitForInput(descriptor) else { return nil }
      var byte: UInt8 = 0
      let count = read(descriptor, &byte, 1)
      if count == 1 { return byte }
      if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
      return nil
    }
  }
}
