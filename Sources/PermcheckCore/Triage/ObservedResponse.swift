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
    /// What was recognised in the pasted text, e.g. "a JSON error body on line 1, after 'Invoke-RestMethod:'",
    /// "a WWW-Authenticate value on line 3 (4 lines joined)".
    public var recognisedAs: [String] = []

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

    /// Parses pasted response text. `source` names it in errors. Whole error bodies and raw responses are read as
    /// such; anything else is scanned for the parts a ticket quotes (``scan(_:)``), and only text with none of them
    /// is an error.
    public static func parse(_ text: String, source: String, catalog: ErrorCatalog = .shared) throws(PermcheckError) -> ObservedResponse {
        // A token quoted in the response (even wrapped over lines) is hidden before anything is taken from it.
        var trimmed = TokenScrubber.scrub(text).trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("\u{FEFF}") { trimmed.removeFirst() }
        guard !trimmed.isEmpty else {
            throw .inputInvalid(source: source, detail: "it is empty; expected an error body (JSON), a raw HTTP response or a WWW-Authenticate value")
        }
        var response: ObservedResponse
        do throws(PermcheckError) {
            if trimmed.uppercased().hasPrefix("HTTP/") {
                response = try rawResponse(trimmed, source: source)
                response.recognisedAs = ["a raw HTTP response (status line, headers, body)"]
            } else if trimmed.hasPrefix("{") {
                response = try body(trimmed, source: source)
                response.recognisedAs = ["a JSON error body"]
            } else {
                throw PermcheckError.inputInvalid(source: source, detail: "it has no error body (JSON with 'error'), status line ('HTTP/1.1 401 …', '403 Forbidden'), SDK error text ('Status: 403', 'ErrorCode: …'), WWW-Authenticate value ('Bearer …') or AADSTS code")
            }
        } catch {
            // Not a whole body or response: look for the parts inside the text; keep the first error when none is there.
            guard let scanned = scan(trimmed) else { throw error }
            response = scanned
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

    /// Finds, anywhere in the text, the first JSON object or Python dict repr with an `error` key, an HTTP status,
    /// Graph SDK error fields, a `WWW-Authenticate` value (continuation lines joined) and AADSTS codes, and says
    /// in ``recognisedAs`` what it found. `nil` when it finds none of them.
    static func scan(_ text: String) -> ObservedResponse? {
        let lines = PastedErrorText(text)
        let object = ErrorObjectFinder.find(in: text)
        let codes = aadsts(in: text)
        let challenge = lines.challenge.flatMap { found in AuthChallenge.parse(found.value).map { (found, $0) } }
        var recognised: [String] = []
        var response: ObservedResponse
        if let object, let parsed = try? body(value: object.value, source: "") {
            response = parsed
            var what = (object.repair == .pythonRepr ? "a Python dict repr with an 'error' key" : "a JSON error body") + " on line \(object.line)"
            if !object.prefix.isEmpty { what += ", after " + HTTPMessageText.shown(object.prefix) }
            if let repair = object.repair, repair != .pythonRepr { what += " (\(repair.rawValue))" }
            recognised.append(what)
        } else if lines.code != nil || lines.message != nil {
            response = ObservedResponse(kind: .apiError)
            response.code = lines.code
            response.message = lines.message
            let numbers = lines.fieldLines.map(String.init).joined(separator: ", ")
            recognised.append("SDK or exception error text (code, message, id fields) on line\(lines.fieldLines.count == 1 ? "" : "s") \(numbers)")
        } else if lines.status != nil {
            response = ObservedResponse(kind: .apiError)
        } else if challenge != nil {
            response = ObservedResponse(kind: .challenge)
        } else if !codes.isEmpty {
            response = ObservedResponse(kind: .tokenError)
            // The quoted line from its AADSTS code on (a JSON or exception prefix says nothing).
            response.message = text.split(whereSeparator: \.isNewline).first { $0.contains("AADSTS") }
                .flatMap { line in line.range(of: "AADSTS").map { String(line[$0.lowerBound...]).trimmingCharacters(in: .whitespaces) } }
        } else {
            return nil
        }
        if let status = lines.status {
            response.status = status.code
            response.statusBasis = status.basis
            recognised.append(status.basis == "status line" ? "a status line (HTTP \(status.code)) on line \(status.line)" : "HTTP \(status.code) from \(status.basis) on line \(status.line)")
        }
        response.requestID = response.requestID ?? lines.requestID
        response.clientRequestID = response.clientRequestID ?? lines.clientRequestID
        response.date = response.date ?? lines.date
        if let (found, parsed) = challenge {
            response.challenge = parsed
            recognised.append("a WWW-Authenticate value on line \(found.line)" + (found.lineCount > 1 ? " (\(found.lineCount) lines joined)" : ""))
        }
        if !codes.isEmpty {
            response.aadstsCodes = dedupe(response.aadstsCodes + codes)
            recognised.append("AADSTS" + codes.map(String.init).joined(separator: ", AADSTS") + " in the text")
        }
        response.recognisedAs = recognised
        return response
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
        return try body(value: value, source: source)
    }

    static func body(value: JSONValue, source: String) throws(PermcheckError) -> ObservedResponse {
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
