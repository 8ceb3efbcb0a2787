/// One NOTIFY delivered to a connection that LISTENs on its channel.
public struct PostgresNotification: Sendable, Equatable {
  /// The channel the notification was sent on.
  public let channel: String
  /// The payload, empty when the sender gave none.
  public let payload: String
  /// The server process id of the sending session.
  public let senderProcessID: Int32

  public init(channel: String, payload: String, senderProcessID: Int32) {
    self.channel = channel
    self.payload = payload
    self.senderProcessID = senderProcessID
  }
}
