import Foundation

/// A raw HTTP request as copied from a browser's developer tools or Fiddler ("copy as raw"):
/// a request line (`GET https://host/path HTTP/1.1` or `GET /path HTTP/1.1` with a `Host:` header), headers
/// (HTTP/2 pseudo-headers `:method`, `:authority`, `:path`, `:scheme` too), a blank line, an optional body.
/// CRLF and LF line ends are both accepted.
///
/// The bearer token is kept apart from the headers (``bearerToken``) and never included in ``contextHeaders``,
/// so nothing that renders a request can echo it.
public struct RawHTTPRequest: Sendable, Equatable {
    /// The method, upper case.
    public let method: String
    /// The absolute URL when the host is known (`https://host/path?query`), else the path as given.
    public let url: String
    /// Every header except `Authorization` and `Cookie`, in file order, names as written.
    public let contextHeaders: [HTTPHeader]
    /// The text after `Bearer ` in the `Authorization` header (`""` when the header is `Bearer` with no token);
    /// `nil` when there is no bearer `Authorization` header. Secret: pass it to the token decoder, never print it.
    public let bearerToken: String?
    /// Whether the request has a body (ignored by the checks, reported so the user knows it was read).
    public let hasBody: Bool

    /// The line the request resolver reads: `METHOD URL`.
    public var requestLine: String { "\(method) \(url)" }

    /// Headers that are never copied into ``contextHeaders``: they carry credentials.
    public static let credentialHeaders: Set<String> = ["authorization", "cookie", "proxy-authorization"]

    /// Creates a request from parts.
    public init(method: String, url: String, contextHeaders: [HTTPHeader], bearerToken: String?, hasBody: Bool) {
        self.method = method
        self.url = url
        self.contextHeaders = contextHeaders
        self.bearerToken = bearerToken
        self.hasBody = hasBody
    }

    /// Parses the text of a raw request. `source` names it in errors, e.g. "request file 'ticket.http'".
    public static func parse(_ text: String, source: String) throws(PermcheckError) -> RawHTTPRequest {
        let message = HTTPMessageText(text)
        guard let first = message.startLine else {
            throw .inputInvalid(source: source, detail: "it is empty; expected a raw HTTP request such as 'GET https://graph.microsoft.com/v1.0/me HTTP/1.1' followed by headers")
        }
        var headers = try message.headers(source: source)
        var method: String?
        var target: String?
        if first.hasPrefix(":") {
            // HTTP/2 view (browser developer tools): the first line is already a pseudo-header.
            headers.insert(try HTTPMessageText.header(first, lineNumber: message.startLineNumber, source: source), at: 0)
        } else {
            let words = first.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard words.count >= 2, words.count <= 3, words[0].allSatisfy({ $0.isLetter }) else {
                throw .inputInvalid(source: source, detail: "line \(message.startLineNumber) \(HTTPMessageText.shown(first)) is not a request line; expected 'METHOD URL HTTP/1.1', e.g. 'GET https://graph.microsoft.com/v1.0/me HTTP/1.1'")
            }
            if words.count == 3, !words[2].uppercased().hasPrefix("HTTP/") {
                throw .inputInvalid(source: source, detail: "line \(message.startLineNumber) ends with '\(words[2])', expected the protocol version such as 'HTTP/1.1'")
            }
            method = words[0].uppercased()
            target = words[1]
        }
        func pseudo(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name }?.value
        }
        method = method ?? pseudo(":method")?.uppercased()
        target = target ?? pseudo(":path")
        guard let method, let target, !target.isEmpty else {
            throw .inputInvalid(source: source, detail: "it has no request line and no ':method'/':path' pseudo-headers; expected 'METHOD URL HTTP/1.1' first")
        }
        var url = target
        if target.hasPrefix("/"), let host = pseudo(":authority") ?? headers.first(where: { $0.name.lowercased() == "host" })?.value {
            url = "\(pseudo(":scheme") ?? "https")://\(host)\(target)"
        }
        var bearer: String?
        if let authorization = headers.first(where: { $0.name.lowercased() == "authorization" })?.value {
            let trimmed = authorization.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased() == "bearer" {
                bearer = ""
            } else if trimmed.lowercased().hasPrefix("bearer ") {
                bearer = String(trimmed.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            }
        }
        let context = headers.filter { !$0.name.hasPrefix(":") && !credentialHeaders.contains($0.name.lowercased()) }
        return RawHTTPRequest(method: method, url: url, contextHeaders: context, bearerToken: bearer,
                              hasBody: !message.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }
}

/// One header line, name and value trimmed.
public struct HTTPHeader: Sendable, Equatable {
    /// The name as written.
    public let name: String
    /// The value, surrounding whitespace removed.
    public let value: String

    /// Creates a header.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
