/// The formats a diagnosis can be rendered in.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Human-readable text for a terminal.
    case text
    /// One JSON object: the stable contract for other tools.
    case json
    /// A report to paste into a ticket.
    case markdown

    /// Parses `--format`.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "text": self = .text
        case "json": self = .json
        case "markdown", "md": self = .markdown
        default: return nil
        }
    }
}

/// Renders a diagnosis in one format. Pure: the same diagnosis always gives the same string.
public protocol DiagnosisRenderer {
    /// The format this renderer produces.
    var format: OutputFormat { get }
    /// The rendered diagnosis, ending with a newline.
    func render(_ diagnosis: Diagnosis) -> String
}

extension OutputFormat {
    /// The renderer for this format.
    public func renderer(color: Bool = false) -> any DiagnosisRenderer {
        switch self {
        case .text: TextRenderer(color: color)
        case .json: JSONRenderer()
        case .markdown: MarkdownRenderer()
        }
    }
}
