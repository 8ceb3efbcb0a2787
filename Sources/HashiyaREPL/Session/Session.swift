import AnnotatorKit
import HashiyaAnnotating
import HashiyaFormats
import HashiyaModel
import HashiyaPlugins
import HashiyaReview
import HashiyaStore

/// The state one run of Hashiya carries from command to command: the workspace every front end
/// shares, plus what belongs to the prompt (the current report, `@`, pending suggestions, the
/// review under way).
public final class Session {
  /// The project, its layers and the user: where annotations are written and reviews settled.
  public private(set) var workspace: Workspace
  public var store: any ProjectStoring { workspace.store }
  public var catalog: LayerCatalog { workspace.catalog }
  public var user: String { workspace.user }
  /// The commands this session understands: the built-in ones and its plugins'.
  public private(set) var registry: CommandRegistry
  /// The report `show`, `find`, `next` and `prev` work on.
  public var currentReportID: Int?
  /// Whether `next` or `prev` has stepped through my assignments yet: the first step starts at
  /// my first open one, not from the report a session opens on.
  public var steppingAssignments = false
  /// The last `find` result, addressed as `@`.
  public var lastFind: (reportID: Int, ranges: [TextRange])?
  /// The annotation this session made last and its span, for `+1`, `-1` and `resize`.
  public var lastAnnotation: Int?
  public var lastSpan: (reportID: Int, range: TextRange)?
  /// Whether standard input carries the commands (so `import -` cannot read data from it).
  public let commandsFromStandardInput: Bool
  /// Called while a long import runs, to draw progress.
  public var importProgress: ((ImportProgress) -> Void)?
  /// Plugin folders named on the command line, searched again for each project opened.
  public var extraPluginFolders: [String] = []
  /// The numbered candidates of the user's last `suggest`, for `accept` and `reject`; the
  /// project keeps them, so they outlive the session.
  public var pendingSuggestions: PendingSuggestions { PendingSuggestions(store: store, author: user) }
  /// The review in progress; while it is, `accept`, `reject` and `edit NAME` decide its units.
  public var reviewQueue: ReviewQueue?
  /// Set by `quit`.
  public var wantsToQuit = false
  /// How output is styled on this run's standard output (colour, `--bidi`), for commands that
  /// draw on the terminal themselves, as `triage` does.
  public var style = TextStyle(colour: false, isolates: false)

  private var cachedText: (id: Int, text: ReportText)?
  /// Whether the registry was given rather than built from the catalog (tests).
  private let registryIsFixed: Bool

  public init(
    store: any ProjectStoring, user: String, commandsFromStandardInput: Bool,
    catalog: LayerCatalog = LayerCatalog(plugins: [], failures: []), registry: CommandRegistry? = nil
  ) {
    self.workspace = Workspace(store: store, catalog: catalog, user: user)
    self.registry = registry ?? CommandRegistry.standard(with: catalog)
    self.registryIsFixed = registry != nil
    self.commandsFromStandardInput = commandsFromStandardInput
  }

  /// A report's analysed text, reusing the current report's.
  public func text(ofReport id: Int) throws -> ReportText {
    if let cachedText, cachedText.id == id { return cachedText.text }
    return ReportText(try store.report(id: id).text)
  }

  /// Switches to another project file with everything that belongs to a project made anew:
  /// its plugins and their commands, the current report, `@`, the review
  /// queue. Nothing of the old project's can then be applied to the new one.
  /// `user` is the name the new project's team knows this user by.
  public func open(_ store: any ProjectStoring, catalog: LayerCatalog, user: String? = nil) {
    workspace.shutdown()
    workspace = Workspace(store: store, catalog: catalog, user: user ?? self.user)
    // Ctrl-C must stop a statement on the project now open, not on the one before.
    SignalHandling.setInterrupter { store.interrupt() }
    if !registryIsFixed { registry = CommandRegistry.standard(with: catalog) }
    currentReportID = try? store.firstReportID()
    lastFind = nil
    lastAnnotation = nil
    lastSpan = nil
    cachedText = nil
    reviewQueue = nil
  }

  /// Remembers the annotation just made, which `+1` and `-1` then resize.
  func noteAnnotated(_ annotation: Annotation) {
    lastAnnotation = annotation.id
    lastSpan = (annotation.reportID, annotation.fragments.last?.range ?? annotation.range)
  }

  /// Runs one command's changes as one transaction (see `Workspace.change`).
  @discardableResult
  public func change<T>(
    writingTo layers: [String], expecting rows: Int = 0, _ body: (any AnnotationChanging) throws -> T
  ) throws -> T {
    try workspace.change(writingTo: layers, expecting: rows, body)
  }

  /// A writer for `layer` in this session's workspace.
  func writer(_ layer: String) throws -> AnnotationWriter {
    try AnnotationWriter(workspace: workspace, layer: layer)
  }

  /// Stops the plugin processes the session started; called when it ends.
  public func shutdown() {
    workspace.shutdown()
  }

  /// What the user may see and change in the open project.
  public func access() throws -> TeamAccess {
    try workspace.access()
  }

  /// The report to work on: the one named, else the current one.
  public func report(_ id: Int?) throws -> Report {
    guard let id = id ?? currentReportID else { throw CommandError.noCurrentReport }
    return try store.report(id: id)
  }

  /// The analysed text of a report, kept for the current report so repeated commands are cheap.
  public func text(of report: Report) -> ReportText {
    if let cachedText, cachedText.id == report.id { return cachedText.text }
    let text = ReportText(report.text)
    cachedText = (report.id, text)
    return text
  }
}
