import AnnotatorKit
import Foundation
import HashiyaModel

extension Launcher {
  /// `hashiya init LOCATION`: creates an empty project and says who leads it.
  ///
  /// On a server this makes the schema, the team's group roles and their grants in an empty
  /// database; the role that ran it leads the team. Returns the process exit code.
  public static func initialize(_ location: String?, json: Bool) -> Int32 {
    let write = { (line: String) in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    do {
      guard let location, !location.isEmpty else { throw LaunchError.initWithoutTarget }
      let store = try ProjectOpener.create(location)
      let lead = store.authenticatedUser
      if json {
        var object: JSONObject = ["created": .string(store.path)]
        if let lead { object["lead"] = .string(lead) }
        write(JSONWriter.string(.object(object)))
      } else if let lead {
        write(
          "created a Hashiya project in \(store.path.visiblyEscaped); \(lead.visiblyEscaped) leads it. "
            + "Add annotators with: hashiya \(store.path.visiblyEscaped) team add NAME annotator")
      } else {
        write("created the project file \(store.path.visiblyEscaped)")
      }
      return 0
    } catch {
      let line = json ? JSONWriterLine.error(error) : "error: " + ErrorReport.terminalMessage(error)
      FileHandle.standardError.write(Data((line + "\n").utf8))
      return error is LaunchError ? ErrorReport.usage : ErrorReport.exitCode(error)
    }
  }
}

extension Launcher {
  /// `hashiya clone SOURCE DESTINATION`: a whole copy of a project, for offline work or to
  /// move a file's project onto a server.
  ///
  /// The copy keeps every row with its ids, UUIDs and times, and the project's identity, so the
  /// two merge later as copies of one project. The destination is made new (a file that does
  /// not exist yet, or an empty server database) and is left as it was if the copy fails.
  public static func clone(_ source: String?, to destination: String?, json: Bool) -> Int32 {
    do {
      guard let source, let destination, !source.isEmpty, !destination.isEmpty else {
        throw LaunchError.cloneWithoutProjects
      }
      let from = try ProjectOpener.openForReading(source)
      let to = try ProjectOpener.copy(from, to: destination)
      let reports = try to.reportCount()
      let line =
        json
        ? JSONWriter.string(
          .object(["cloned": .string(from.path), "into": .string(to.path), "reports": .int(reports)]))
        : "cloned \(from.path.visiblyEscaped) into \(to.path.visiblyEscaped) (\(reports) report\(reports == 1 ? "" : "s"))"
      FileHandle.standardOutput.write(Data((line + "\n").utf8))
      return 0
    } catch {
      let line = json ? JSONWriterLine.error(error) : "error: " + ErrorReport.terminalMessage(error)
      FileHandle.standardError.write(Data((line + "\n").utf8))
      return error is LaunchError ? ErrorReport.usage : ErrorReport.exitCode(error)
    }
  }
}
