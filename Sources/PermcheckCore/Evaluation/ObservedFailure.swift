import Foundation

/// Why a call failed although every modelled requirement is met: the user saw 401/403 (`--status`, `--response`)
/// where the model predicts success. An observed failure is never reported as a plain ALLOWED:
/// - a cause the evidence proves (a CAE revocation after the token was issued, an authentication context the
///   token lacks, a grant change the token predates or the service may not have picked up yet) makes the verdict
///   **denied** (exit 1): the call fails now, and the summary says what to do and when to retry;
/// - otherwise (a cause the rule reports but permcheck cannot check, or nothing known) the verdict is
///   **indeterminate** (exit 3): permcheck cannot say the call is allowed, nor why it is not.
public struct ObservedFailure: Sendable, Equatable {
    /// The most likely explanation, in order of precedence.
    public enum Cause: String, Sendable, Equatable {
        /// The service's claims challenge demands a token issued after a revocation event (`nbf`) the token predates.
        case caeRevocation = "cae-revocation"
        /// The claims challenge demands an authentication context (`acrs`) the token does not carry.
        case authenticationContext = "authentication-context"
        /// A grant change after the token's `iat`, or still inside the rule's propagation window.
        case staleToken = "stale-token"
        /// A cause the rule's notes report for this status; permcheck cannot check it offline.
        case reportedCause = "reported-cause"
        /// Nothing permcheck knows explains it.
        case unexplained
    }

    /// The status the user saw.
    public let status: Int
    public let cause: Cause
    /// One sentence: the explanation and what to do.
    public let summary: String
    /// Ids of the hints or notes the explanation rests on.
    public let basedOn: [String]
    public let sources: [String]
    public let confidence: Confidence

    /// Whether the cause is shown by the evidence, so the verdict is denied (exit 1) rather than indeterminate (exit 3).
    public var explainsFailure: Bool {
        switch cause {
        case .caeRevocation, .authenticationContext, .staleToken: true
        case .reportedCause, .unexplained: false
        }
    }

    static let caeSources = [
        "https://learn.microsoft.com/en-us/entra/identity-platform/app-resilience-continuous-access-evaluation",
        "https://learn.microsoft.com/en-us/entra/identity-platform/claims-challenge",
    ]

    /// The explanation for an observed 401/403 when every modelled requirement is met; `nil` for other statuses.
    static func explain(_ rule: APIRule, _ input: EvaluationInput, hints: [Hint]) -> ObservedFailure? {
        guard let status = input.observedStatus, status == 401 || status == 402 || status == 403 else { return nil }
        let claims = input.token.claims
        let challenge = input.observedResponse?.challenge
        if let text = challenge?.claimValues["nbf"], let seconds = Double(text), let issued = claims.issuedAt {
            let revoked = Date(timeIntervalSince1970: seconds)
            if issued < revoked {
                let code = challenge?.claimValues["xms_caeerror"].map { " (xms_caeerror \($0))" } ?? ""
                return ObservedFailure(
                    status: status, cause: .caeRevocation,
                    summary: "Continuous Access Evaluation revoked this token\(code): the service's claims challenge asks for a token issued after \(ISO8601.format(revoked)), and this one was issued at \(ISO8601.format(issued)), \(Duration.describe(revoked.timeIntervalSince(issued))) earlier (a password change, disabled account, revoked sessions or a location policy). Sign in again, passing the decoded 'claims' to the token request (MSAL: WithClaims), and retry; no grant is missing.",
                    basedOn: ["claims-nbf"], sources: caeSources, confidence: .documented)
            }
        }
        if let wanted = challenge?.claimValues["acrs"] {
            let held = claims.raw["acrs"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let missing = wanted.split(separator: ",").map(String.init).filter { !held.contains($0) }
            if !missing.isEmpty {
                return ObservedFailure(
                    status: status, cause: .authenticationContext,
                    summary: "The service demands Conditional Access authentication context \(missing.map { "'\($0)'" }.joined(separator: ", ")) (claims challenge 'acrs'), which the token does not carry (its 'acrs' claim: \(held.isEmpty ? "none" : held.joined(separator: ", "))). Request a new token with the decoded 'claims' so the user completes the step-up the policy requires (e.g. MFA), and retry.",
                    basedOn: ["claims-acrs"],
                    sources: ["https://learn.microsoft.com/en-us/entra/identity-platform/developer-guide-conditional-access-authentication-context", caeSources[1]],
                    confidence: .documented)
            }
        }
        let staleIDs = ["stale-token", "propagation-window"]
        let stale = hints.filter { staleIDs.contains($0.id) }
        if !stale.isEmpty, let summary = StaleTokenCheck.lead(rule, input) {
            return ObservedFailure(
                status: status, cause: .staleToken, summary: summary, basedOn: stale.map(\.id),
                sources: stale.flatMap(\.sources), confidence: stale.contains { $0.confidence == .documented } ? .documented : stale[0].confidence)
        }
        if let note = rule.notes.first(where: { $0.status == status }) {
            return ObservedFailure(
                status: status, cause: .reportedCause,
                summary: "\(firstSentence(note.text)) (note '\(note.id)'; the verdict stays open: nothing modelled fails, and nothing shows the call is allowed)",
                basedOn: [note.id], sources: note.sources, confidence: note.confidence)
        }
        return ObservedFailure(
            status: status, cause: .unexplained,
            summary: "Every modelled requirement is met, so the \(status) comes from something permcheck does not model or was not given (see the notes); the verdict stays open.",
            basedOn: [], sources: [], confidence: .inferred)
    }

    /// The text up to its first sentence end ("… authorization. Workaround: …" → "… authorization.").
    static func firstSentence(_ text: String) -> String {
        guard let end = text.range(of: ". ") else { return text }
        return String(text[..<end.lowerBound]) + "."
    }
}
