/// How far an import has got, for a progress bar.
public struct ImportProgress: Sendable {
  public var bytesDone: Int
  public var bytesTotal: Int
  public var reportsRead: Int
}
