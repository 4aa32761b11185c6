/// The answer to "will this call be authorized?". Never allowed by default.
public enum Verdict: String, Sendable, Equatable, CaseIterable {
    /// Every applicable requirement is met.
    case allowed
    /// At least one applicable requirement is unmet.
    case denied
    /// Nothing is unmet, but at least one requirement lacks the evidence to decide.
    case indeterminate

    /// The process exit code for this verdict: 0, 1 or 3.
    public var exitCode: Int32 {
        switch self {
        case .allowed: 0
        case .denied: 1
        case .indeterminate: 3
        }
    }
}

/// The outcome of one requirement.
public enum Outcome: String, Sendable, Equatable {
    /// The token or evidence shows the requirement holds.
    case met
    /// The token or evidence shows it does not.
    case unmet
    /// The evidence needed to decide was not given.
    case unknown
}
