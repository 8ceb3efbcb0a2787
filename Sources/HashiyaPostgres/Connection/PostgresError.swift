/// Why a PostgreSQL call failed, with the server's SQLSTATE when it sent one.
public enum PostgresError: Error, CustomStringConvertible, Equatable, Sendable {
  /// `PQconnectdb` could not open a session; the text is libpq's own explanation.
  case connectionFailed(String)
  /// The connection was closed by `close()` before this call.
  case connectionClosed
  /// The server rejected a statement.
  case queryFailed(sqlState: String?, message: String, detail: String?, hint: String?)
  /// libpq returned no result at all (out of memory or a lost connection).
  case noResult(String)
  /// The SQL text or connection string cannot be sent, e.g. because it holds a NUL character.
  case invalidStatement(String)
  /// A parameter (numbered from 1) cannot be sent as PostgreSQL text.
  case invalidValue(position: Int, reason: String)
  /// The server answered, but not in the shape the caller asked for.
  case unexpectedResult(String)
  /// COPY data could not be encoded or sent; the server stored none of it.
  case copyFailed(String)
  /// A statement inside `transaction` failed but its error was caught, so nothing was committed.
  case transactionAborted
  /// `transaction` was called while a transaction is already open on the connection.
  case transactionAlreadyOpen

  /// The five-character SQLSTATE code of a server error, e.g. "40001" for a serialization failure.
  public var sqlState: String? {
    if case .queryFailed(let state, _, _, _) = self { return state }
    return nil
  }

  /// Whether running the whole transaction again may succeed: a serialization failure or a deadlock.
  public var isTransient: Bool {
    sqlState == PostgresSQLState.serializationFailure || sqlState == PostgresSQLState.deadlockDetected
  }

  public var description: String {
    switch self {
    case .connectionFailed(let message):
      return "cannot connect to PostgreSQL: \(message)"
    case .connectionClosed:
      return "the PostgreSQL connection is already closed"
    case .queryFailed(let state, let message, let detail, let hint):
      var text = "PostgreSQL error"
      if let state { text += " \(state)" }
      text += ": \(message)"
      if let detail { text += " (detail: \(detail))" }
      if let hint { text += " (hint: \(hint))" }
      return text
    case .noResult(let message):
      return "PostgreSQL sent no result: \(message)"
    case .invalidStatement(let reason):
      return "cannot send to PostgreSQL: \(reason)"
    case .invalidValue(let position, let reason):
      return "value \(position) cannot be sent to PostgreSQL: \(reason)"
    case .unexpectedResult(let message):
      return "unexpected PostgreSQL result: \(message)"
    case .copyFailed(let message):
      return "COPY to PostgreSQL failed: \(message)"
    case .transactionAborted:
      return "a statement in the transaction failed, so PostgreSQL rolled the whole transaction back"
    case .transactionAlreadyOpen:
      return "a transaction is already open on this PostgreSQL connection"
    }
  }
}
