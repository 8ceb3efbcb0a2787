/// Letter, digit and case tests with fast paths for ASCII and Arabic: `Unicode.Scalar.Properties`
/// is a table search per call, too slow to run on every token of every report.
public enum ScalarClass {
  public static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 { return (v | 0x20) &- 0x61 < 26 || v &- 0x30 < 10 }
    if (0x0621...0x064A).contains(v) || (0x0660...0x0669).contains(v) || (0x0671...0x06D3).contains(v)
      || (0x06F0...0x06F9).contains(v)
    {
      return true
    }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  public static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 { return v &- 0x41 < 26 }
    if (0x0600...0x06FF).contains(v) { return false }
    return scalar.properties.isUppercase
  }
}
