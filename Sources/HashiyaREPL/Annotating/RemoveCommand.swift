import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// `rm #ID…`: delete annotations, leaving tombstones that `history` and `undo` still see.
struct RemoveCommand: Command {
  let name = "rm"
  let aliases = ["delete"]
  let synopsis = "#ID…"
  let summary = "delete annotations (and their links); undo brings them back"

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    var handles: [Int] = []
    while !arguments.isEmpty { handles.append(try arguments.takeHandle()) }
    guard !handles.isEmpty else { throw CommandError.usage(command: name, message: "name the annotations, like #12") }
    try session.store.change(author: session.user) { changes in
      for handle in handles { try changes.delete(handle) }
    }
    let shown = handles.map { "#\($0)" }.joined(separator: ", ")
    return Message("deleted \(shown) (undo restores)", json: .object(["deleted": .array(handles.map(JSONValue.int))]))
  }
}
