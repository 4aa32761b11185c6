import Foundation

/// The request as far as permcheck knows it: headers given with `--header`/`--request-file`, and the target URL.
public struct RequestContext: Sendable, Equatable {
    /// Method, when known.
    public var method: String?
    /// Target URL, when known.
    public var url: String?
    /// Headers; `nil` when the user gave none (header requirements are then unknown).
    public var headers: [(name: String, value: String)]?

    /// No request details.
    public init(method: String? = nil, url: String? = nil, headers: [(name: String, value: String)]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
    }

    /// The value of a header (case-insensitive name).
    public func header(_ name: String) -> String? {
        headers?.first { $0.name.equalsIgnoringCase(name) }?.value
    }

    public static func == (lhs: RequestContext, rhs: RequestContext) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url
            && lhs.headers?.map { "\($0.name): \($0.value)" } == rhs.headers?.map { "\($0.name): \($0.value)" }
    }
}

/// How much of a diagnosis's text an evaluation builds.
public enum EvaluationDetail: Sendable, Equatable {
    /// Every finding's message, hint and evidence instruction (the contract; text, JSON, SARIF).
    case full
    /// Outcomes, ids, statuses and fixes only: finding messages, hints and `collect` are left empty. For records
    /// that write none of them (the brief batch record); verdicts, statuses and fixes are the same as with `full`.
    case brief
}

/// Everything an evaluation reads. The caller supplies the time: evaluation never reads the clock.
public struct EvaluationInput: Sendable, Equatable {
    /// The decoded token.
    public var token: AccessToken
    /// Evidence from exports.
    public var evidence: Evidence
    /// The request.
    public var request: RequestContext
    /// The time to evaluate lifetime and propagation at (`--at`, default now).
    public var at: Date
    /// The status the user saw (`--status`, `--response`), if any.
    public var observedStatus: Int?
    /// The cloud of the target endpoint, from the request host or `--cloud`.
    public var targetCloud: Cloud?
    /// What the service answered (`--response`): its claims challenge can prove a CAE revocation or a missing
    /// authentication context (see ``ObservedFailure``); `nil` when not given.
    public var observedResponse: ObservedResponse? = nil
    /// Which texts to build (default: all).
    public var detail: EvaluationDetail = .full

    /// Creates an input.
    public init(token: AccessToken, evidence: Evidence = Evidence(), request: RequestContext = RequestContext(),
                at: Date, observedStatus: Int? = nil, targetCloud: Cloud? = nil) {
        self.token = token
        self.evidence = evidence
        self.request = request
        self.at = at
        self.observedStatus = observedStatus
        self.targetCloud = targetCloud
    }
}

/// A hint that does not come from a failed requirement: a reported cause for an observed status, a stale token, a note.
public struct Hint: Sendable, Equatable {
    /// Stable id, e.g. a note id or `stale-token`.
    public let id: String
    /// The text.
    public let text: String
    /// URLs.
    public let sources: [String]
    /// How sure.
    public let confidence: Confidence
}

/// The result of checking one token against one API rule. Pure data; renderers turn it into text, JSON or Markdown.
public struct Diagnosis: Sendable, Equatable {
    /// The API's id and title.
    public let apiID: String
    public let apiTitle: String
    /// Allowed, denied or indeterminate.
    public let verdict: Verdict
    /// The status the call is predicted to get: that of the first unmet requirement in check order; `nil` if none.
    public let predictedStatus: Int?
    /// The status the user saw, if given.
    public let observedStatus: Int?
    /// The token (never its text).
    public let token: AccessToken
    /// One finding per applicable requirement, in check order (findings explaining the observed status first).
    public let findings: [Finding]
    /// Fixes for unmet requirements, least-privileged first, without duplicates.
    public let fixes: [String]
    /// Hints: reported causes, stale-token warnings, notes.
    public let hints: [Hint]
    /// The evaluation time.
    public let evaluatedAt: Date
    /// The target case and collection, if any.
    public let caseName: String?
    public let collectionName: String?
    /// What each evidence file contributed (by kind key); empty when no evidence was given.
    public var evidenceRead: [String: EvidenceRead] = [:]
    /// What the service answered (`--response`), with the meanings of its codes; `nil` when not given.
    public var observedResponse: ObservedResponse? = nil
    /// Set when the user saw 401/403 although every modelled requirement is met: the most likely explanation,
    /// which also decided the verdict (denied when the evidence shows the cause, else indeterminate).
    public var observedFailure: ObservedFailure? = nil

    /// Creates a diagnosis (the evaluator is the usual source).
    public init(apiID: String, apiTitle: String, verdict: Verdict, predictedStatus: Int?, observedStatus: Int?,
                token: AccessToken, findings: [Finding], fixes: [String], hints: [Hint], evaluatedAt: Date,
                caseName: String?, collectionName: String?) {
        self.apiID = apiID
        self.apiTitle = apiTitle
        self.verdict = verdict
        self.predictedStatus = predictedStatus
        self.observedStatus = observedStatus
        self.token = token
        self.findings = findings
        self.fixes = fixes
        self.hints = hints
        self.evaluatedAt = evaluatedAt
        self.caseName = caseName
        self.collectionName = collectionName
    }

    /// The requirement ids that decided the verdict: unmet ones when denied, unknown ones when indeterminate,
    /// all met ones when allowed; for an observed failure, the hints or notes its explanation rests on.
    public var reasons: [String] {
        if let failure = observedFailure { return failure.basedOn.isEmpty ? ["observed-\(failure.status)"] : failure.basedOn }
        let outcome: Outcome = switch verdict {
        case .denied: .unmet
        case .indeterminate: .unknown
        case .allowed: .met
        }
        return findings.filter { $0.outcome == outcome }.map(\.requirementID)
    }
}
