/// What one requirement's evaluation found, ready to render.
public struct Finding: Sendable, Equatable {
    /// The requirement id.
    public let requirementID: String
    /// The requirement kind, e.g. `audience`.
    public let kind: RequirementKind
    /// Met, unmet or unknown.
    public let outcome: Outcome
    /// The status the call gets if this requirement fails (401 or 403).
    public let status: Int
    /// What was checked and what was found, in one or two sentences.
    public let message: String
    /// The least-privileged fix (for unmet findings; also shown for unknown ones).
    public let fix: String?
    /// How to collect missing evidence (unknown findings).
    public let collect: String?
    /// Extra context, e.g. a caveat on how the principal was matched.
    public let hint: String?
    /// URLs.
    public let sources: [String]
    /// How sure the sources are.
    public let confidence: Confidence

    /// Creates a finding.
    public init(requirementID: String, kind: RequirementKind, outcome: Outcome, status: Int, message: String, fix: String?,
                collect: String?, hint: String?, sources: [String], confidence: Confidence) {
        self.requirementID = requirementID
        self.kind = kind
        self.outcome = outcome
        self.status = status
        self.message = message
        self.fix = fix
        self.collect = collect
        self.hint = hint
        self.sources = sources
        self.confidence = confidence
    }
}
