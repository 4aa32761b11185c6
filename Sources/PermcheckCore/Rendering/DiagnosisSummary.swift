import Foundation

/// Phrases shared by the text and Markdown renderers, so both say the same thing the same way.
enum DiagnosisSummary {
    static func verdictWord(_ verdict: Verdict) -> String {
        switch verdict {
        case .allowed: "ALLOWED"
        case .denied: "DENIED"
        case .indeterminate: "INDETERMINATE"
        }
    }

    static func headline(_ diagnosis: Diagnosis) -> String {
        var parts = [verdictWord(diagnosis.verdict)]
        if let failure = diagnosis.observedFailure {
            parts.append("observed HTTP \(failure.status) although no modelled requirement fails")
            parts.append(diagnosis.apiID)
            return parts.joined(separator: " · ")
        }
        switch diagnosis.verdict {
        case .denied: parts.append("predicted HTTP \(diagnosis.predictedStatus.map(String.init) ?? "?")")
        case .indeterminate: parts.append("evidence missing")
        case .allowed: parts.append("no modelled requirement fails")
        }
        if let observed = diagnosis.observedStatus { parts.append("observed HTTP \(observed)") }
        parts.append(diagnosis.apiID)
        return parts.joined(separator: " · ")
    }

    /// The line under the headline for an observed failure: the most likely explanation first.
    static func lead(_ diagnosis: Diagnosis) -> String? {
        guard let failure = diagnosis.observedFailure else { return nil }
        let label = switch failure.cause {
        case .caeRevocation, .authenticationContext, .staleToken: "Most likely cause"
        case .reportedCause: "Most likely cause (reported, not checkable offline)"
        case .unexplained: "No modelled cause"
        }
        return "\(label): \(failure.summary)\(confidenceTag(failure.confidence))"
    }

    static func caller(_ diagnosis: Diagnosis) -> String {
        var text = principal(diagnosis.token.principal)
        if let caseName = diagnosis.caseName { text += " · case '\(caseName)'" }
        if let collection = diagnosis.collectionName { text += " · collection '\(collection)'" }
        return text
    }

    /// The caller's kind, best identifier and client app.
    static func principal(_ principal: Principal) -> String {
        let kind: String = switch principal.kind {
        case .user: "user"
        case .application: principal.isManagedIdentity ? "managed identity" : "application"
        case .unknown: "unknown caller"
        }
        var text = "\(kind) \(principal.bestIdentifier ?? "(no id)")"
        if principal.kind == .user, let app = principal.appID {
            text += " via app " + (KnownIDs.application(app).map { "\($0.name) (\(app))" } ?? app)
        }
        return text
    }

    static func token(_ diagnosis: Diagnosis) -> String {
        let token = diagnosis.token
        var parts = [token.fingerprint]
        if let audience = token.claims.audience { parts.append("for " + KnownIDs.describeAudience(audience)) }
        parts.append(token.cloud.cloud?.displayName ?? "cloud unknown")
        if let version = token.version { parts.append("v\(version)") }
        if let expiry = token.claims.expiresAt { parts.append("expires \(ISO8601.format(expiry))") }
        parts.append("signature not verified")
        return parts.joined(separator: " · ")
    }

    static func mark(_ outcome: Outcome) -> String {
        switch outcome {
        case .met: "✓"
        case .unmet: "✗"
        case .unknown: "?"
        }
    }

    /// Sources cited by findings that are not met, and by hints, in order of first appearance.
    static func sources(_ diagnosis: Diagnosis) -> [String] {
        var seen: [String] = []
        let cited = (diagnosis.observedFailure?.sources ?? [])
            + diagnosis.findings.filter { $0.outcome != .met }.flatMap(\.sources) + diagnosis.hints.flatMap(\.sources)
            + (diagnosis.observedResponse?.meanings.flatMap(\.sources) ?? [])
        for source in cited where !seen.contains(source) { seen.append(source) }
        return seen
    }

    static func confidenceTag(_ confidence: Confidence) -> String {
        confidence == .documented ? "" : " [\(confidence.label)]"
    }
}
