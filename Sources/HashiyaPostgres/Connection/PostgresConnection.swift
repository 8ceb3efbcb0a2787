import CLibPQ
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One session with a PostgreSQL server over libpq, speaking text parameters and text results only.
///
/// Calls from several threads are serialized by a recursive lock, held for a whole `transaction`
/// or `withAdvisoryLock` body, so another thread never slips a statement into them.
///
///     let connection = try PostgresConnection("postgresql://annotator@db.example/hashiya")
///     try connection.transaction(isolation: .serializable) {
///       try connection.execute("UPDATE spans SET label = $1 WHERE id = $2", [.text(label), .int(id)])
///     }
///     let rows = try connection.execute("SELECT id, label FROM spans WHERE label IS NOT NULL")
///     let first = try rows.int(0, 0)
public final class PostgresConnection: @unchecked Sendable {
  /// How strictly a transaction is isolated from concurrent ones.
  public enum Isolation: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
  }

  private let lock = NSRecursiveLock()
  private var handle: OpaquePointer?
  /// What `cancel()` uses: made once, and safe to use from any thread while a query runs.
  private let cancelHandle: OpaquePointer?
  /// Set by `cancel()`, so statements between the running one and the caller's next
  /// `clearCancellation()` fail too: a cancelled command stops, not just its current statement.
  private let cancellation = CancellationFlag()

  /// Opens a session. `conninfo` is anything `PQconnectdb` accepts: a `postgresql://` URL or
  /// `key=value` pairs; libpq's environment (PGHOST, PGUSER, PGPASSWORD, ~/.pgpass, PGSSLMODE)
  /// fills in what it leaves out. It blocks until the server answers; `connect_timeout=SECONDS`
  /// in `conninfo` bounds the wait for an unreachable host.
  public init(_ conninfo: String) throws(PostgresError) {
    guard !conninfo.utf8.contains(0) else {
      throw .invalidStatement("the connection string contains a NUL character")
    }
    guard let connection = PQconnectdb(conninfo) else { throw .connectionFailed("out of memory") }
    guard PQstatus(connection) == CONNECTION_OK else {
      let message = Self.trimmedMessage(PQerrorMessage(connection))
      PQfinish(connection)
      throw .connectionFailed(message.isEmpty ? "unknown reason" : message)
    }
    // Every string the driver exchanges is Swift's UTF-8; a server default such as LATIN1 would garble them.
    if Self.string(PQparameterStatus(connection, "client_encoding")) != "UTF8",
      PQsetClientEncoding(connection, "UTF8") != 0
    {
      let message = Self.trimmedMessage(PQerrorMessage(connection))
      PQfinish(connection)
      throw .connectionFailed("cannot use UTF8 as the client encoding: \(message)")
    }
    // libpq prints server notices (RAISE NOTICE, "no transaction in progress") to stderr by default,
    // which would put server text on the user's terminal unescaped; the driver has no use for them.
    PQsetNoticeProcessor(connection, { _, _ in }, nil)
    handle = connection
    cancelHandle = PQgetCancel(connection)
  }

  deinit {
    if let cancelHandle { PQfreeCancel(cancelHandle) }
    if let handle { PQfinish(handle) }
  }

  /// Forgets an earlier `cancel()`: the caller starts a new piece of work.
  public func clearCancellation() { cancellation.set(false) }

  /// Asks the server to stop the statement running on this connection, from any thread (a
  /// Ctrl-C handler's); the statement then fails with SQLSTATE 57014 and its transaction rolls back.
  public func cancel() {
    cancellation.set(true)
    guard let cancelHandle else { return }
    var message = [CChar](repeating: 0, count: 256)
    _ = PQcancel(cancelHandle, &message, Int32(message.count))
  }

  /// Ends the session; later calls throw `connectionClosed`. Closing twice is harmless.
  public func close() {
    lock.withLock {
      if let handle { PQfinish(handle) }
      handle = nil
    }
  }

  /// The server's version number, e.g. 150010 for 15.10; 0 once closed.
  public var serverVersion: Int {
    lock.withLock { handle.map { Int(PQserverVersion($0)) } ?? 0 }
  }

  /// The socket of the session, for a caller that waits for notifications in its own `poll`; -1 once closed.
  public var socketDescriptor: Int32 {
    lock.withLock { handle.map { PQsocket($0) } ?? -1 }
  }

  /// Runs one statement with `$1`, `$2`… bound to `parameters` (`nil` is SQL NULL); values are never
  /// spliced into the SQL text.
  @discardableResult
  public func execute(_ sql: String, _ parameters: [PostgresValue?] = []) throws(PostgresError) -> PostgresResult {
    // ROLLBACK must still run after a cancel, to end the cancelled transaction.
    if cancellation.isSet, sql != "ROLLBACK" {
      throw .queryFailed(sqlState: "57014", message: "canceling statement due to user request", detail: nil, hint: nil)
    }
    guard !sql.utf8.contains(0) else {
      throw .invalidStatement("the SQL text contains a NUL character")
    }
    let texts = parameters.map { $0?.postgresText }
    for (index, text) in texts.enumerated() where text?.utf8.contains(0) == true {
      throw .invalidValue(
        position: index + 1, reason: "it contains a NUL character, which PostgreSQL text cannot hold")
    }
    return try withHandle { connection throws(PostgresError) in
      let result = Self.withCStrings(texts) { pointers in
        PQexecParams(connection, sql, Int32(pointers.count), nil, pointers.baseAddress, nil, nil, 0)
      }
      return try Self.consume(result, connection: connection, expecting: [PGRES_COMMAND_OK, PGRES_TUPLES_OK])
    }
  }

  /// Runs `body` inside BEGIN … COMMIT and rolls back when anything in it throws.
  ///
  /// Under `.repeatableRead` and `.serializable` a serialization failure (40001) or a deadlock (40P01)
  /// rolls back and runs `body` again, up to `attempts` times in all, so `body` must be safe to repeat.
  public func transaction<T>(
    isolation: Isolation = .readCommitted, attempts: Int = 5, _ body: () throws -> T
  ) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    guard try transactionStatus() == PQTRANS_IDLE else { throw PostgresError.transactionAlreadyOpen }
    var attempt = 1
    while true {
      do {
        try execute("BEGIN ISOLATION LEVEL \(isolation.rawValue)")
        let value = try body()
        // A body that caught a failed statement's error leaves the transaction aborted, and COMMIT
        // would then roll back without an error; say so instead of reporting success.
        guard try transactionStatus() != PQTRANS_INERROR else { throw PostgresError.transactionAborted }
        try execute("COMMIT")
        return value
      } catch {
        // After a failed COMMIT the server has already ended the transaction; ROLLBACK then only warns.
        _ = try? execute("ROLLBACK")
        let retryable = isolation != .readCommitted && (error as? PostgresError)?.isTransient == true
        guard retryable, attempt < attempts else { throw error }
        attempt += 1
      }
    }
  }

  /// Holds the session-level advisory lock `key` while `body` runs, waiting for it if another session has it.
  public func withAdvisoryLock<T>(key: Int64, _ body: () throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    try execute("SELECT pg_advisory_lock($1::bigint)", [.integer(key)])
    let value: T
    do {
      value = try body()
    } catch {
      _ = try? execute("SELECT pg_advisory_unlock($1::bigint)", [.integer(key)])
      throw error
    }
    try execute("SELECT pg_advisory_unlock($1::bigint)", [.integer(key)])
    return value
  }

  /// Starts receiving the notifications sent on `channel`.
  public func listen(_ channel: String) throws(PostgresError) {
    try execute("LISTEN \(quoteIdentifier(channel))")
  }

  /// Stops receiving the notifications sent on `channel`.
  public func unlisten(_ channel: String) throws(PostgresError) {
    try execute("UNLISTEN \(quoteIdentifier(channel))")
  }

  /// Sends `payload` to every session listening on `channel`, at the commit of the current transaction.
  public func notify(channel: String, payload: String = "") throws(PostgresError) {
    try execute("SELECT pg_notify($1, $2)", [.text(channel), .text(payload)])
  }

  /// Sends `payload` on `channel` at once, in a transaction of its own whose commit does not wait
  /// for the disk; refused inside a transaction, whose own commit it would stop waiting too.
  ///
  /// A notification needs a commit record, and a commit that waits for the disk first waits for
  /// every byte of write-ahead log written before it: behind a bulk import, that is the import's
  /// backlog. A notification is gone after a crash anyway, so waiting keeps nothing safer.
  public func notifyWithoutFlush(channel: String, payload: String = "") throws(PostgresError) {
    lock.lock()
    defer { lock.unlock() }
    guard try transactionStatus() == PQTRANS_IDLE else { throw .transactionAlreadyOpen }
    // One statement is one implicit transaction, so the setting ends with it.
    try execute(
      "SELECT pg_catalog.set_config('synchronous_commit', 'off', true), pg_catalog.pg_notify($1, $2)",
      [.text(channel), .text(payload)])
  }

  /// Where the session stands: idle, inside a transaction, or inside one that failed.
  private func transactionStatus() throws(PostgresError) -> PGTransactionStatusType {
    try withHandle { connection throws(PostgresError) in PQtransactionStatus(connection) }
  }

  /// The notifications received so far, waiting up to `seconds` for the first one when none has arrived.
  /// Other threads' statements on this connection wait meanwhile; a caller that must not block polls
  /// `socketDescriptor` itself and calls this with no wait when it becomes readable.
  public func notifications(waitingUpTo seconds: Double = 0) throws(PostgresError) -> [PostgresNotification] {
    try withHandle { connection throws(PostgresError) in
      var received = try Self.drainNotifications(connection)
      let deadline = Date().addingTimeInterval(seconds)
      while received.isEmpty {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { break }
        var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(min(remaining * 1000, Double(Int32.max)).rounded(.up)))
        if ready < 0 && errno != EINTR {
          throw .noResult("waiting for notifications failed: \(String(cString: strerror(errno)))")
        }
        received = try Self.drainNotifications(connection)
      }
      return received
    }
  }

  /// Runs `sql`, a `COPY … FROM STDIN` in text format, sending `rows` in chunks of about 64 KiB;
  /// returns the number of rows the server stored. A NUL in a field aborts the whole COPY.
  @discardableResult
  public func copyIn(_ sql: String, rows: some Sequence<[String?]>) throws(PostgresError) -> Int {
    try withHandle { connection throws(PostgresError) in
      guard !sql.utf8.contains(0) else { throw .invalidStatement("the SQL text contains a NUL character") }
      let started = PQexec(connection, sql)
      _ = try Self.consume(started, connection: connection, expecting: [PGRES_COPY_IN])
      var encoder = PostgresCopyEncoder(capacity: Self.copyChunkSize + 4096)
      do throws(PostgresError) {
        for (index, row) in rows.enumerated() {
          try encoder.append(row, rowNumber: index + 1)
          if encoder.buffer.count >= Self.copyChunkSize {
            try Self.sendCopyData(encoder.buffer, connection: connection)
            encoder.removeAll()
          }
        }
        try Self.sendCopyData(encoder.buffer, connection: connection)
      } catch {
        // Ending with an error message makes the server discard everything sent so far.
        _ = PQputCopyEnd(connection, error.description)
        Self.drainResults(connection)
        throw error
      }
      guard PQputCopyEnd(connection, nil) == 1 else {
        throw .copyFailed(Self.trimmedMessage(PQerrorMessage(connection)))
      }
      let finished = try Self.consume(PQgetResult(connection), connection: connection, expecting: [PGRES_COMMAND_OK])
      Self.drainResults(connection)
      return finished.rowsAffected ?? 0
    }
  }

  /// `identifier` quoted for splicing into SQL where a parameter cannot stand, such as a role in GRANT.
  public func quoteIdentifier(_ identifier: String) throws(PostgresError) -> String {
    guard !identifier.utf8.contains(0) else {
      throw .invalidStatement("an identifier cannot contain a NUL character")
    }
    return try withHandle { connection throws(PostgresError) in
      guard let quoted = PQescapeIdentifier(connection, identifier, identifier.utf8.count) else {
        throw .invalidStatement(Self.trimmedMessage(PQerrorMessage(connection)))
      }
      defer { PQfreemem(quoted) }
      return String(cString: quoted)
    }
  }

  // MARK: - libpq plumbing

  /// Bytes gathered before each `PQputCopyData`, so a large COPY makes few calls.
  private static let copyChunkSize = 64 * 1024

  private func withHandle<T>(_ body: (OpaquePointer) throws(PostgresError) -> T) throws(PostgresError) -> T {
    lock.lock()
    defer { lock.unlock() }
    guard let handle else { throw .connectionClosed }
    return try body(handle)
  }

  /// Checks `result`'s status, copies it out and frees it.
  private static func consume(
    _ result: OpaquePointer?, connection: OpaquePointer, expecting accepted: [ExecStatusType]
  ) throws(PostgresError) -> PostgresResult {
    guard let result else { throw .noResult(trimmedMessage(PQerrorMessage(connection))) }
    defer { PQclear(result) }
    let status = PQresultStatus(result)
    if accepted.contains(status) || status == PGRES_EMPTY_QUERY {
      return PostgresResult(copying: result)
    }
    if status == PGRES_FATAL_ERROR || status == PGRES_NONFATAL_ERROR {
      throw serverError(result)
    }
    let name = string(PQresStatus(status)) ?? "status \(status.rawValue)"
    abandonCopy(connection, status: status)
    drainResults(connection)
    throw .unexpectedResult("the statement returned \(name)")
  }

  private static func serverError(_ result: OpaquePointer) -> PostgresError {
    func field(_ code: Character) -> String? {
      guard let ascii = code.asciiValue else { return nil }
      return string(PQresultErrorField(result, Int32(ascii))).map { trimmedMessage($0) }
    }
    // Field codes are libpq's PG_DIAG_SQLSTATE, PG_DIAG_MESSAGE_PRIMARY, _DETAIL and _HINT.
    let message = field("M") ?? trimmedMessage(string(PQresultErrorMessage(result)) ?? "unknown error")
    return .queryFailed(sqlState: field("C"), message: message, detail: field("D"), hint: field("H"))
  }

  private static func sendCopyData(_ bytes: [UInt8], connection: OpaquePointer) throws(PostgresError) {
    guard !bytes.isEmpty else { return }
    let sent = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32($0.count)) }
    }
    guard sent == 1 else { throw .copyFailed(trimmedMessage(PQerrorMessage(connection))) }
  }

  /// Ends a COPY that a statement started unasked, so the connection does not stay in the COPY state.
  private static func abandonCopy(_ connection: OpaquePointer, status: ExecStatusType) {
    if status == PGRES_COPY_IN || status == PGRES_COPY_BOTH {
      _ = PQputCopyEnd(connection, "COPY FROM STDIN is only accepted through copyIn")
    }
    if status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH {
      var row: UnsafeMutablePointer<CChar>?
      while PQgetCopyData(connection, &row, 0) >= 0 {
        if let row { PQfreemem(row) }
        row = nil
      }
    }
  }

  /// Reads and frees results until libpq has none left, so the connection is ready for the next statement.
  private static func drainResults(_ connection: OpaquePointer) {
    while let result = PQgetResult(connection) { PQclear(result) }
  }

  private static func drainNotifications(_ connection: OpaquePointer) throws(PostgresError) -> [PostgresNotification] {
    guard PQconsumeInput(connection) == 1 else { throw .noResult(trimmedMessage(PQerrorMessage(connection))) }
    var received: [PostgresNotification] = []
    while let notice = PQnotifies(connection) {
      received.append(
        PostgresNotification(
          channel: string(notice.pointee.relname) ?? "", payload: string(notice.pointee.extra) ?? "",
          senderProcessID: notice.pointee.be_pid))
      PQfreemem(notice)
    }
    return received
  }

  /// Lays `texts` out as NUL-terminated C strings in one buffer and hands `body` a pointer to each.
  private static func withCStrings<R>(
    _ texts: [String?], _ body: (UnsafeBufferPointer<UnsafePointer<CChar>?>) -> R
  ) -> R {
    var storage: [CChar] = []
    var offsets: [Int?] = []
    for text in texts {
      guard let text else {
        offsets.append(nil)
        continue
      }
      offsets.append(storage.count)
      storage.append(contentsOf: text.utf8.map { CChar(bitPattern: $0) })
      storage.append(0)
    }
    return storage.withUnsafeBufferPointer { buffer in
      let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
        guard let offset, let base = buffer.baseAddress else { return nil }
        return base + offset
      }
      return pointers.withUnsafeBufferPointer(body)
    }
  }

  private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
    pointer.map { String(cString: $0) }
  }

  private static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
    pointer.map { String(cString: $0) }
  }

  private static func trimmedMessage(_ pointer: UnsafePointer<CChar>?) -> String {
    trimmedMessage(string(pointer) ?? "")
  }

  private static func trimmedMessage(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// A flag one thread sets and another reads.
private final class CancellationFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  var isSet: Bool { lock.withLock { value } }

  func set(_ on: Bool) { lock.withLock { value = on } }
}
