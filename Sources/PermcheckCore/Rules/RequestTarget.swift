/// A request line (`GET https://graph.microsoft.com/v1.0/me`, `GET /v1.0/me/messages` or a bare path) split into
/// what rule matching and the Graph catalogue need: method, host, the cloud the host belongs to, the API version,
/// the path segments as given and the canonical Graph path. Query string and fragment are dropped. A line without
/// a host is read as Microsoft Graph. The one request type: hand-written rules, the catalogue and every command use it.
public struct RequestTarget: Sendable, Equatable {
    /// The HTTP method, upper case (`GET` when the line has none).
    public let method: String
    /// The URL as given (query string and fragment included), for display and `EvaluationInput.request.url`.
    public let url: String
    /// The host, lower-cased; `nil` when the line has only a path.
    public let host: String?
    /// The cloud the host belongs to, when it is a known Microsoft Graph host.
    public let cloud: Cloud?
    /// `v1.0` or `beta` when the path starts with one of them.
    public let apiVersion: String?
    /// The path segments, version included, without query string or fragment (not decoded).
    public let segments: [String]
    /// The canonical Graph path without version (see ``GraphPathCanonicalizer``): percent-decoded, lower-cased,
    /// starting with `/`, e.g. `/users/{id}/messages` → `/users/{id}/messages`, `/Users('a')` → `/users/a`.
    public let path: String
    /// The segments of ``path``, as the catalogue matcher sees them.
    public let canonicalSegments: [String]

    /// Microsoft Graph hosts and their clouds. `graph.microsoft.com` also serves GCC (moderate) tenants, which
    /// the host cannot tell apart from commercial ones; permcheck reports it as global.
    public static let graphHosts: [String: Cloud] = [
        "graph.microsoft.com": .global,
        "graph.microsoft.us": .gccHigh,
        "dod-graph.microsoft.us": .dod,
        "microsoftgraph.chinacloudapi.cn": .china,
    ]

    /// HTTP methods accepted at the start of a request line.
    public static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE"]

    /// Whether `host` is a Microsoft Graph host of any cloud.
    public static func isGraphHost(_ host: String) -> Bool { graphHosts[host.lowercased()] != nil }

    /// Whether the request goes to Microsoft Graph: a Graph host, or no host at all.
    public var isGraph: Bool { host.map(Self.isGraphHost) ?? true }

    /// The path without version, starting with `/`, as given (not canonical), e.g. `/users/{id}/messages`.
    public var pathWithoutVersion: String {
        "/" + (apiVersion == nil ? segments : Array(segments.dropFirst())).joined(separator: "/")
    }

    /// Reads `METHOD URL` (or a bare URL or path, method `GET`). Scheme and host are optional; a path may contain
    /// encoded or (in a drive item path) literal spaces.
    public static func parse(_ requestLine: String) throws(PermcheckError) -> RequestTarget {
        let words = requestLine.split(whereSeparator: \.isWhitespace)
        let trimmed = words.joined(separator: " ")
        guard let first = words.first else {
            throw .usage("the request is empty; expected e.g. \"GET https://graph.microsoft.com/v1.0/me\".")
        }
        var method = "GET"
        var rest = Array(words)
        if !first.contains("/") {
            guard methods.contains(first.uppercased()) else {
                throw .usage("'\(first)' in the request \"\(trimmed)\" is not an HTTP method Microsoft APIs use; expected e.g. \"GET https://graph.microsoft.com/v1.0/me\".")
            }
            method = first.uppercased()
            rest.removeFirst()
        }
        let url = rest.joined(separator: " ")
        guard !url.isEmpty else { throw .usage("the request \"\(trimmed)\" has no URL; expected e.g. \"\(method) https://graph.microsoft.com/v1.0/me\".") }
        var remainder = Substring(url)
        if let cut = remainder.firstIndex(where: { $0 == "?" || $0 == "#" }) { remainder = remainder[..<cut] }
        var host: String?
        var hasScheme = false
        if let colon = remainder.firstIndex(of: ":"), remainder[colon...].hasPrefix("://"), !remainder[..<colon].contains("/") {
            remainder = remainder[remainder.index(colon, offsetBy: 3)...]
            hasScheme = true
        }
        let slash = remainder.firstIndex(of: "/") ?? remainder.endIndex
        let authority = remainder[..<slash]
        if !remainder.hasPrefix("/"), hasScheme || authority.contains(".") {
            let withoutUser = authority.split(separator: "@").last ?? authority
            host = withoutUser.split(separator: ":").first.map { $0.lowercased() }
            remainder = remainder[slash...]
        }
        if hasScheme, host?.isEmpty ?? true { throw .usage("the request \"\(trimmed)\" has no host after '://'.") }
        return RequestTarget(method: method, url: url, host: host, segments: remainder.split(separator: "/").map(String.init))
    }

    /// Creates a target from a parsed line: the version is read from the first segment, the cloud from the host.
    init(method: String, url: String, host: String?, segments: [String]) {
        self.method = method
        self.url = url
        self.host = host
        self.cloud = host.flatMap { Self.graphHosts[$0] }
        self.segments = segments
        let version = segments.first.map { $0.lowercased() }.flatMap { $0 == "v1.0" || $0 == "beta" ? $0 : nil }
        self.apiVersion = version
        let raw = "/" + (version == nil ? segments : Array(segments.dropFirst())).joined(separator: "/")
        self.path = GraphPathCanonicalizer.canonicalPath(GraphPathCanonicalizer.percentDecoded(raw))
        self.canonicalSegments = GraphPathSegments.segments(of: path)
    }

    /// Creates a Graph target from parts (a catalogue template, a test): `rawPath` is the path without version.
    public init(method: String, host: String? = nil, apiVersion: String? = nil, rawPath: String) {
        let host = host?.lowercased()
        let segments = (apiVersion.map { [$0] } ?? []) + rawPath.split(separator: "/").map(String.init)
        let url = (host.map { "https://" + $0 } ?? "") + "/" + segments.joined(separator: "/")
        self.init(method: method.uppercased(), url: url, host: host, segments: segments)
    }
}
