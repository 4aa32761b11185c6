/// How every format shows what the service answered: the same lines in text and Markdown, the same data in JSON.
public enum ObservedResponseSummary {
    /// The first line: status, code and message, e.g. `HTTP 401 · InvalidAuthenticationToken: Access token …`.
    public static func headline(_ response: ObservedResponse) -> String {
        var parts: [String] = []
        if let status = response.status {
            parts.append("HTTP \(status)" + (response.statusBasis == "status line" ? "" : response.statusBasis.map { " (\($0))" } ?? ""))
        }
        if response.kind == .tokenError { parts.append("token request failed (the token was never issued)") }
        switch (response.code, response.message) {
        case let (code?, message?): parts.append("\(code): \(message)")
        case let (code?, nil): parts.append(code)
        case let (nil, message?): parts.append(message)
        case (nil, nil): if response.challenge != nil && parts.isEmpty { parts.append("a WWW-Authenticate challenge") }
        }
        return parts.isEmpty ? "(no status, code or message)" : parts.joined(separator: " · ")
    }

    /// The identifiers line: request-id, client-request-id, correlation and trace ids, date.
    public static func identifiers(_ response: ObservedResponse) -> String? {
        let pairs: [(String, String?)] = [("request-id", response.requestID), ("client-request-id", response.clientRequestID),
                                          ("correlation-id", response.correlationID), ("trace-id", response.traceID), ("date", response.date)]
        let shown = pairs.compactMap { name, value in value.map { "\(name) \($0)" } }
        return shown.isEmpty ? nil : shown.joined(separator: " · ")
    }

    /// The challenge line: error, description and the authority's cloud (the `claims` value is shown decoded apart).
    public static func challenge(_ response: ObservedResponse) -> String? {
        guard let challenge = response.challenge else { return nil }
        var parts = [challenge.scheme]
        if let error = challenge.error { parts.append("error=\"\(error)\"") }
        if let description = challenge.errorDescription { parts.append("error_description=\"\(description)\"") }
        if let authority = challenge.authorityCloud {
            let clouds = Cloud.allCases.filter { $0.sharesTokens(with: authority.cloud) }.map(\.displayName)
            parts.append("authority \(authority.host) (token service of \(clouds.joined(separator: " and ")))")
        }
        return parts.joined(separator: " ")
    }

    /// The body lines every format shows under the headline.
    public static func detailLines(_ response: ObservedResponse) -> [String] {
        var lines: [String] = []
        if !response.recognisedAs.isEmpty { lines.append("recognised: " + response.recognisedAs.joined(separator: "; ")) }
        if let ids = identifiers(response) { lines.append(ids) }
        if let challenge = challenge(response) { lines.append("WWW-Authenticate: " + challenge) }
        if let claims = response.challenge?.decodedClaims { lines.append("claims challenge (decoded): " + claims) }
        if let cut = response.challenge?.looksCut {
            lines.append("the challenge looks cut: \(cut); paste the whole WWW-Authenticate header (its 'claims' carry the reason)")
        }
        return lines
    }

    /// One line per meaning: `AADSTS65001: meaning Fix: …`.
    public static func meaningLine(_ meaning: ErrorMeaning) -> String {
        "\(meaning.matched) means: \(meaning.meaning)" + (meaning.fix.map { " Fix: \($0)" } ?? "") + DiagnosisSummary.confidenceTag(meaning.confidence)
    }

    /// The response as JSON data (part of the diagnosis contract under `observedResponse`).
    public static func json(_ response: ObservedResponse) -> JSONValue {
        func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        let challenge: JSONValue = response.challenge.map { challenge in
            .object([
                "scheme": .string(challenge.scheme),
                "parameters": .object(Dictionary(challenge.parameters.map { ($0.name, JSONValue.string($0.value)) }, uniquingKeysWith: { first, _ in first })),
                "decodedClaims": string(challenge.decodedClaims),
                "claimsKeys": .array(challenge.claimsKeys.map(JSONValue.string)),
                "authorityCloud": string(challenge.authorityCloud?.cloud.rawValue),
                "looksCut": string(challenge.looksCut),
            ])
        } ?? .null
        return .object([
            "kind": .string(response.kind.rawValue),
            "recognisedAs": .array(response.recognisedAs.map(JSONValue.string)),
            "status": response.status.map { .number(JSONNumber($0)) } ?? .null,
            "statusBasis": string(response.statusBasis),
            "code": string(response.code),
            "message": string(response.message),
            "requestId": string(response.requestID),
            "clientRequestId": string(response.clientRequestID),
            "correlationId": string(response.correlationID),
            "traceId": string(response.traceID),
            "date": string(response.date),
            "aadsts": .array(response.aadstsCodes.map { .number(JSONNumber($0)) }),
            "challenge": challenge,
            "meanings": .array(response.meanings.map { meaning in
                .object(["id": .string(meaning.id), "matched": .string(meaning.matched), "meaning": .string(meaning.meaning),
                         "fix": string(meaning.fix), "sources": .array(meaning.sources.map(JSONValue.string)),
                         "confidence": .string(meaning.confidence.rawValue)])
            }),
        ])
    }
}
