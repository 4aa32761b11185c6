import Foundation

/// What the service answered, as pasted into a ticket (`--response FILE`): a Graph/Purview error body, a token
/// endpoint (AADSTS) error, a raw HTTP response with headers, a bare `WWW-Authenticate` value, or error text
/// quoting AADSTS codes. Parsed by ``parse(_:source:)``; meanings come from ``ErrorCatalog``.
public struct ObservedResponse: Sendable, Equatable {
    /// What kind of text was given.
    public enum Kind: String, Sendable, Equatable {
        /// An API's error body or raw response (Graph, Purview, the eDiscovery download proxy).
        case apiError = "api-error"
        /// A token endpoint error (`{"error":"invalid_grant","error_description":"AADSTS65001: …"}`) or AADSTS text:
        /// the token was never issued, so it says nothing about the API call.
        case tokenError = "token-error"
        /// Only a `WWW-Authenticate` value.
        case challenge
    }

    /// What kind of text was given.
    public var kind: Kind
    /// The HTTP status from a status line, or implied by a known error code (see ``statusBasis``).
    public var status: Int?
    /// Where ``status`` comes from, e.g. "status line" or "error code InvalidAuthenticationToken".
    public var statusBasis: String?
    /// `error.code` of an API error body, or the OAuth `error` of a token endpoint error.
    public var code: String?
    /// `error.message`, or the first line of `error_description`.
    public var message: String?
    /// `innerError.request-id` or the `request-id` header. Not personal data: kept by `--redact`.
    public var requestID: String?
    /// `innerError.client-request-id` or the `client-request-id` header.
    public var clientRequestID: String?
    /// The token endpoint's `correlation_id`.
    public var correlationID: String?
    /// The token endpoint's `trace_id`.
    public var traceID: String?
    /// `innerError.date`, the token endpoint's `timestamp`, or the `Date` header, as given.
    public var date: String?
    /// The `WWW-Authenticate` challenge.
    public var challenge: AuthChallenge?
    /// AADSTS numbers quoted anywhere, in order of appearance, without duplicates.
    public var aadstsCodes: [Int]
    /// Meanings of the codes, messages and challenge from the error table.
    public var meanings: [ErrorMeaning]

    /// An empty response of a kind.
    public init(kind: Kind) {
        self.kind = kind
        aadstsCodes = []
        meanings = []
    }

    /// The status the evaluation should rank findings by: only for API errors (a token endpoint's 400 is not
    /// the API's answer).
    public var evaluationStatus: Int? { kind == .tokenError ? nil : status }

    /// Identifiers a support engineer quotes to Microsoft: they are not personal data.
    public var supportIdentifiers: [String] {
        [requestID, clientRequestID, correlationID, traceID].compactMap { $0 }
    }

    /// Parses pasted response text. `source` names it in errors.
    public static func parse(_ text: String, source: String, catalog: ErrorCatalog = .shared) throws(PermcheckError) -> ObservedResponse {
        // A token quoted in the response (even wrapped over lines) is hidden before anything is taken from it.
        var trimmed = TokenScrubber.scrub(text).trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("\u{FEFF}") { trimmed.removeFirst() }
        var response: ObservedResponse
        if trimmed.isEmpty {
            throw .inputInvalid(source: source, detail: "it is empty; expected an error body (JSON), a raw HTTP response or a WWW-Authenticate value")
        } else if trimmed.uppercased().hasPrefix("HTTP/") {
            response = try rawResponse(trimmed, source: source)
        } else if trimmed.hasPrefix("{") {
            response = try body(trimmed, source: source)
        } else if let value = challengeValue(trimmed) {
            response = ObservedResponse(kind: .challenge)
            response.challenge = AuthChallenge.parse(value)
        } else if !aadsts(in: trimmed).isEmpty {
            response = ObservedResponse(kind: .tokenError)
            response.message = trimmed.split(whereSeparator: \.isNewline).first { $0.contains("AADSTS") }.map { $0.trimmingCharacters(in: .whitespaces) }
        } else {
            throw .inputInvalid(source: source, detail: "it is not an error body (JSON with 'error'), a raw HTTP response ('HTTP/1.1 401 …'), a WWW-Authenticate value ('Bearer …') or text with an AADSTS code")
        }
        response.aadstsCodes = dedupe(response.aadstsCodes + aadsts(in: [response.message, response.challenge?.errorDescription].compactMap { $0 }.joined(separator: "\n")))
        response.meanings = catalog.meanings(for: response)
        if response.status == nil, response.kind == .apiError,
           let entry = catalog.entry(code: response.code, message: response.message), let status = entry.status {
            response.status = status
            response.statusBasis = "implied by \(response.code.map { "error code " + $0 } ?? "the message"); no status line given"
        }
        if response.status == nil, response.kind == .challenge, let error = response.challenge?.error,
           let status = catalog.entry(challengeError: error)?.status {
            response.status = status
            response.statusBasis = "implied by WWW-Authenticate error=\"\(error)\"; no status line given"
        }
        return response
    }

    /// The value of a `WWW-Authenticate: …` line or a bare challenge (`Bearer …`, or parameters such as `authorization_uri=`).
    static func challengeValue(_ text: String) -> String? {
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        if firstLine.lowercased().hasPrefix("www-authenticate:") {
            return String(firstLine.dropFirst("www-authenticate:".count)).trimmingCharacters(in: .whitespaces)
        }
        if firstLine.lowercased().hasPrefix("bearer") || firstLine.contains("authorization_uri=") || firstLine.contains("error=\"") {
            return firstLine.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return nil
    }

    static func rawResponse(_ text: String, source: String) throws(PermcheckError) -> ObservedResponse {
        let message = HTTPMessageText(text)
        let words = (message.startLine ?? "").split(separator: " ")
        guard words.count >= 2, let status = Int(words[1]), (100...599).contains(status) else {
            throw .inputInvalid(source: source, detail: "line \(message.startLineNumber) is not a status line such as 'HTTP/1.1 401 Unauthorized'")
        }
        let headers = try message.headers(source: source)
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value }
        let bodyText = message.body.trimmingCharacters(in: .whitespacesAndNewlines)
        var response = bodyText.hasPrefix("{") ? try body(bodyText, source: source) : ObservedResponse(kind: .apiError)
        response.status = status
        response.statusBasis = "status line"
        response.requestID = response.requestID ?? header("request-id") ?? header("x-ms-request-id")
        response.clientRequestID = response.clientRequestID ?? header("client-request-id")
        response.date = response.date ?? header("date")
        let challenges = headers.filter { $0.name.lowercased() == "www-authenticate" }.map(\.value)
        response.challenge = challenges.lazy.compactMap(AuthChallenge.parse).first { $0.scheme.lowercased() == "bearer" }
            ?? challenges.lazy.compactMap(AuthChallenge.parse).first
        return response
    }

    static func body(_ text: String, source: String) throws(PermcheckError) -> ObservedResponse {
        let value: JSONValue
        do { value = try JSONParser.parse(text) } catch {
            throw .inputInvalid(source: source, detail: "its JSON is invalid at \(error.description)")
        }
        if let error = value["error"]?.objectValue ?? value["odata.error"]?.objectValue {
            var response = ObservedResponse(kind: .apiError)
            response.code = error["code"]?.stringValue
            response.message = error["message"]?.stringValue ?? error["message"]?["value"]?.stringValue
            let inner = error["innerError"] ?? error["innererror"]
            response.requestID = inner?["request-id"]?.stringValue ?? inner?["requestId"]?.stringValue
            response.clientRequestID = inner?["client-request-id"]?.stringValue
            response.date = inner?["date"]?.stringValue
            return response
        }
        if let oauthError = value["error"]?.stringValue {
            var response = ObservedResponse(kind: .tokenError)
            response.code = oauthError
            response.message = value["error_description"]?.stringValue?
                .split(whereSeparator: \.isNewline).first.map(String.init)
            response.aadstsCodes = (value["error_codes"]?.arrayValue ?? []).compactMap { $0.numberValue?.int64.map { Int($0) } }
            response.correlationID = value["correlation_id"]?.stringValue
            response.traceID = value["trace_id"]?.stringValue
            response.date = value["timestamp"]?.stringValue
            return response
        }
        if let code = value["code"]?.stringValue {
            var response = ObservedResponse(kind: .apiError)
            response.code = code
            response.message = value["message"]?.stringValue
            return response
        }
        throw .inputInvalid(source: source, detail: "it is JSON but not an error body: expected {\"error\": {\"code\": …, \"message\": …}} or a token endpoint error {\"error\": \"…\", \"error_description\": \"AADSTS…\"}")
    }

    /// AADSTS numbers in text (`AADSTS65001`).
    static func aadsts(in text: String) -> [Int] {
        var codes: [Int] = []
        var rest = Substring(text)
        while let range = rest.range(of: "AADSTS") {
            let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if let code = Int(digits), !digits.isEmpty { codes.append(code) }
            rest = rest[range.upperBound...]
        }
        return codes
    }

    static func dedupe(_ codes: [Int]) -> [Int] {
        var seen = Set<Int>()
        return codes.filter { seen.insert($0).inserted }
    }
}
