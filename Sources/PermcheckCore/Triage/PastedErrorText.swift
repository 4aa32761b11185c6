import Foundation

/// The line-shaped parts of pasted error text: an HTTP status (status line, the Graph SDKs' `Status: 401
/// (Unauthorized)`, Java's `401 : Unauthorized`, Windows PowerShell's `(403) Forbidden`, .NET HttpClient's
/// `403 (Forbidden)`, Python requests' `403 Client Error`), the SDK error fields (`Code:`/`ErrorCode:`/`Error code:`,
/// `Message:`, `request-id`, `client-request-id`, `Date`), and a `WWW-Authenticate` value with its continuation lines
/// joined (raw HTTP obs-fold and the Learn docs' one-parameter-per-line layout). Pure.
struct PastedErrorText {
    /// An HTTP status with where it was read.
    struct Status: Equatable {
        let code: Int
        /// "status line" for a real status line; otherwise what it was read from.
        let basis: String
        let line: Int
    }

    private(set) var status: Status?
    private(set) var code: String?
    private(set) var message: String?
    private(set) var requestID: String?
    private(set) var clientRequestID: String?
    private(set) var date: String?
    /// Line numbers of the SDK fields read (code, message, ids, date).
    private(set) var fieldLines: [Int] = []
    /// The `WWW-Authenticate` value, its first line and how many lines it spans.
    private(set) var challenge: (value: String, line: Int, lineCount: Int)?

    /// Reason phrases as SDKs print them, without spaces and lower-cased.
    static let reasons: [String: Int] = [
        "badrequest": 400, "unauthorized": 401, "paymentrequired": 402, "forbidden": 403, "notfound": 404,
        "toomanyrequests": 429, "internalservererror": 500, "serviceunavailable": 503,
    ]

    init(_ text: String) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            if challenge == nil, let value = Self.challengeStart(line) {
                var joined = value
                var end = index + 1
                while end < lines.count, end - index < 20, Self.continues(lines[end], after: joined) {
                    joined += " " + lines[end].trimmingCharacters(in: .whitespaces)
                    end += 1
                }
                challenge = (joined, number, end - index)
                index = end
                continue
            }
            readField(line, number: number)
            if status == nil, let found = Self.status(line) { status = Status(code: found.code, basis: found.basis, line: number) }
            index += 1
        }
    }

    // MARK: Status

    static func reasonCode(_ text: String) -> Int? {
        reasons[text.lowercased().filter { $0.isLetter }]
    }

    static func leadingStatus(_ text: Substring) -> (Int, Substring)? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 3, let code = Int(digits), (100...599).contains(code) else { return nil }
        let rest = text.dropFirst(3)
        if let next = rest.first, next.isNumber || next.isLetter { return nil }
        return (code, rest)
    }

    /// The status a line states, with the form it was read from.
    static func status(_ raw: String) -> (code: Int, basis: String)? {
        let line = Substring(raw.trimmingCharacters(in: .whitespaces))
        let lower = line.lowercased()
        // `HTTP/1.1 401 Unauthorized`, `HTTP/2 403`, and the Learn docs' `HTTP 401; Unauthorized`.
        if lower.hasPrefix("http/") || lower.hasPrefix("http ") {
            let afterVersion = line.dropFirst(4).drop { !$0.isWhitespace }.drop { $0.isWhitespace }
            if lower.hasPrefix("http "), let status = leadingStatus(line.dropFirst(5)) { return (status.0, "status line") }
            if let status = leadingStatus(afterVersion) { return (status.0, "status line") }
            return nil
        }
        // `403 Forbidden`, `401 Unauthorized`, Java SDK's `401 : ` / `403 : Forbidden`.
        if let (code, rest) = leadingStatus(line) {
            let tail = rest.trimmingCharacters(in: .whitespaces)
            if tail.hasPrefix(":") {
                let reason = tail.dropFirst().trimmingCharacters(in: .whitespaces)
                if reason.isEmpty || reason.hasPrefix("[") || reasonCode(reason) == code { return (code, "'\(code) :' line (Java SDK error text)") }
            } else if reasonCode(tail) == code {
                return (code, "status line")
            }
        }
        // Windows PowerShell: `The remote server returned an error: (403) Forbidden.`
        if let open = line.range(of: "("), let (code, rest) = leadingStatus(line[open.upperBound...]), rest.hasPrefix(")"),
           reasonCode(String(rest.dropFirst().prefix { $0 != "." })) == code {
            return (code, "'(\(code))' in the error text (Windows PowerShell)")
        }
        // .NET HttpClient: `Response status code does not indicate success: 403 (Forbidden).`;
        // Python requests: `403 Client Error: Forbidden for url: …`.
        var rest = line
        while let digit = rest.firstIndex(where: { $0.isNumber }) {
            let candidate = rest[digit...]
            if digit == line.startIndex || !line[line.index(before: digit)].isNumber, let (code, after) = leadingStatus(candidate) {
                if after.hasPrefix(" ("), reasonCode(String(after.dropFirst(2).prefix { $0 != ")" })) == code {
                    return (code, "'\(code) (…)' in the error text (.NET HttpClient)")
                }
                if after.hasPrefix(" Client Error") || after.hasPrefix(" Server Error") {
                    return (code, "'\(code)\(after.prefix(13))' in the error text (Python requests)")
                }
            }
            rest = candidate.drop { $0.isNumber }
        }
        return nil
    }

    // MARK: SDK fields

    /// Reads `Key: value` lines the Graph SDKs print; an exception-name prefix (`…ODataError:`,
    /// `…GraphServiceException:`, a PowerShell cmdlet `Get-MgUser_List:`) is dropped first.
    mutating func readField(_ raw: String, number: Int) {
        var line = Substring(raw.trimmingCharacters(in: .whitespaces))
        var afterException = false
        if let colon = line.range(of: ": "), Self.isExceptionName(line[..<colon.lowerBound]) {
            line = line[colon.upperBound...]
            afterException = true
        }
        if let (rawKey, key, value) = Self.field(line), !value.isEmpty, Self.fieldKeys.contains(key) {
            switch key {
            case "code", "errorcode": if code == nil { code = value; fieldLines.append(number) }
            case "message", "errormessage": if message == nil { message = value; fieldLines.append(number) }
            case "requestid": if requestID == nil { requestID = value; fieldLines.append(number) }
            case "clientrequestid": if clientRequestID == nil { clientRequestID = value; fieldLines.append(number) }
            case "date": if date == nil { date = value; fieldLines.append(number) }
            case "status", "statuscode", "httpstatuscode":
                if status == nil {
                    let parsed = Int(value.prefix { $0.isNumber }) ?? Self.reasonCode(value)
                    if let parsed, (100...599).contains(parsed) {
                        status = Status(code: parsed, basis: "'\(rawKey): \(value)' line (SDK error text)", line: number)
                    }
                }
            default: break
            }
            return
        }
        if afterException, message == nil, !line.hasPrefix("{"), !line.hasPrefix("[") {
            message = line.trimmingCharacters(in: .whitespaces)
            fieldLines.append(number)
        }
    }

    static let fieldKeys: Set<String> = ["code", "errorcode", "message", "errormessage", "requestid", "clientrequestid", "date",
                                         "status", "statuscode", "httpstatuscode"]

    /// `…ServiceException`, `…ODataError`, `GraphError`, a PowerShell cmdlet (`Get-MgUser_List`); the last word
    /// counts (`Unhandled exception. Microsoft.Graph.ServiceException`).
    static func isExceptionName(_ prefix: Substring) -> Bool {
        guard let text = prefix.split(separator: " ").last else { return false }
        return text.hasSuffix("Exception") || text.hasSuffix("ODataError") || text.hasSuffix("GraphError")
            || text.range(of: "-Mg") != nil
    }

    /// `Key: value` (or `key : value`, `key: 'value',` as JS prints it), key normalised: lower-cased, without
    /// spaces, dashes, underscores and quotes.
    static func field(_ line: Substring) -> (raw: String, key: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let rawKey = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !rawKey.isEmpty, rawKey.count <= 24, rawKey.split(separator: " ").count <= 2 else { return nil }
        let key = rawKey.lowercased().filter { $0.isLetter }
        var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if value.hasSuffix(",") { value.removeLast() }
        value = value.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
        return (rawKey, key, value)
    }

    // MARK: WWW-Authenticate

    /// The value on a `WWW-Authenticate: …` / `www-authenticate =Bearer …` line, or a bare `Bearer name=…` line.
    static func challengeStart(_ raw: String) -> String? {
        let line = raw.trimmingCharacters(in: .whitespaces)
        let lower = line.lowercased()
        if lower.hasPrefix("www-authenticate") {
            let rest = line.dropFirst("www-authenticate".count).drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first, first == ":" || first == "=" else { return nil }
            return rest.dropFirst().trimmingCharacters(in: .whitespaces)
        }
        if lower.hasPrefix("bearer "), line.contains("=") { return line }
        if lower == "bearer" { return line }
        // Parameters without the scheme, as copied from a header viewer.
        if lower.hasPrefix("authorization_uri=") || lower.hasPrefix("realm=") || lower.hasPrefix("error=\"") { return line }
        return nil
    }

    /// Whether a line continues a challenge: an obs-fold line (leading whitespace), a `name=value` parameter line,
    /// a line starting with `,`, or any line while a quoted value is still open.
    static func continues(_ line: String, after joined: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return false }
        if AuthChallenge.hasOpenQuote(joined) { return true }
        if let first = line.first, first == " " || first == "\t" { return true }
        if trimmed.hasPrefix(",") { return true }
        let name = trimmed.prefix { $0.isLetter || $0 == "_" }
        return !name.isEmpty && trimmed.dropFirst(name.count).drop { $0 == " " }.first == "="
    }
}
