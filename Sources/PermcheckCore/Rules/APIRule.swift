import Foundation

/// The request an API rule describes: method and URL templates (`{name}` matches one segment, `{name*}` the rest).
public struct RequestPattern: Sendable, Equatable {
    /// HTTP method, upper case.
    public let method: String
    /// URL templates, e.g. `https://graph.microsoft.com/{version}/security/cases/ediscoveryCases/{caseId}`.
    public let urlTemplates: [String]
}

/// A documented or reported note about an API, shown by `explain` and as hints.
public struct RuleNote: Sendable, Equatable {
    /// Stable id.
    public let id: String
    /// One or two sentences.
    public let text: String
    /// When set, the note explains an observed status that no unmet requirement explains.
    public let status: Int?
    /// URLs.
    public let sources: [String]
    /// How sure.
    public let confidence: Confidence
}

/// How long a grant change takes to reach this API, per evidence kind (used for stale-token findings).
public struct PropagationWindow: Sendable, Equatable {
    /// Which evidence changes this covers: `roleGroups`, `caseMembership`, `caseAdmins`, `collectionRoles`.
    public let evidence: String
    /// The window in hours.
    public let hours: Double
    /// Clouds this window applies to (empty: all).
    public let clouds: [Cloud]
    /// URLs.
    public let sources: [String]
    /// How sure.
    public let confidence: Confidence
}

/// A rule example: token claims and evidence, and the verdict they must produce. The test suite runs every one.
public struct RuleExample: Sendable, Equatable {
    /// What the example shows.
    public let name: String
    /// The token's claims.
    public let claims: [String: JSONValue]
    /// Evidence in the same shapes as the evidence files, keyed by ``EvidenceKind/key``.
    public let evidence: [String: JSONValue]
    /// The case and collection the call targets.
    public let caseName: String?
    public let collectionName: String?
    /// Request headers.
    public let headers: [String: String]
    /// The evaluation time; defaults to five minutes after `iat`.
    public let at: Date?
    /// The status the user saw, if any.
    public let observedStatus: Int?
    /// The expected verdict.
    public let expectedVerdict: Verdict
    /// The expected predicted status (`nil`: not checked).
    public let expectedStatus: Int?
    /// Requirement ids that must be unmet.
    public let expectedUnmet: [String]
    /// Requirement ids that must be unknown.
    public let expectedUnknown: [String]
    /// The request line the call makes (`GET https://…`), when a check reads the URL (e.g. the governance domain).
    public var request: String? = nil
}

/// One API's permission rule: what the call needs, why, and examples that prove it.
public struct APIRule: Sendable, Equatable {
    /// Stable id, e.g. `ediscovery.export-download`.
    public let id: String
    /// Other names, e.g. `export-download`.
    public let aliases: [String]
    /// The family, e.g. `ediscovery`, `graph`, `purview`.
    public let family: String
    /// Title.
    public let title: String
    /// One sentence.
    public let summary: String
    /// The request(s) this rule covers.
    public let requests: [RequestPattern]
    /// What success looks like, e.g. "202 Accepted with Location and Retry-After".
    public let success: String?
    /// Requirements in the order the service checks them (authentication before authorization).
    public let requirements: [Requirement]
    /// Notes and reported causes.
    public let notes: [RuleNote]
    /// Propagation windows for grant changes.
    public let propagation: [PropagationWindow]
    /// Examples run as tests.
    public let examples: [RuleExample]
    /// The file the rule came from (for messages).
    public let file: String
    /// Line numbers by JSON Pointer (`/requirements/2`, `/examples/0/expect`), so lint can say `file:line`.
    public var lines: [String: Int] = [:]

    /// The line of a JSON Pointer in the rule file, falling back to its parents; 0 when unknown.
    public func line(_ pointer: String) -> Int {
        var current = pointer
        while true {
            if let line = lines[current] { return line }
            guard let slash = current.lastIndex(of: "/") else { return 0 }
            current = String(current[..<slash])
        }
    }

    /// Whether `name` is this rule's id or one of its aliases (case-insensitive).
    public func isNamed(_ name: String) -> Bool {
        id.equalsIgnoringCase(name) || aliases.contains { $0.equalsIgnoringCase(name) }
    }
}
