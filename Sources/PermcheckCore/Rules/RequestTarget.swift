/// A request line (`GET https://graph.microsoft.com/v1.0/me`) split into what rule matching needs:
/// method, host, the cloud the host belongs to, the API version and the path segments.
/// Query string and fragment are dropped. A line without a host (`GET /v1.0/me`) is read as Microsoft Graph.
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

    /// Microsoft Graph hosts and their clouds. `graph.microsoft.com` also serves GCC (moderate) tenants, which
    /// the host cannot tell apart from commercial ones; permcheck reports it as global.
    public static let graphHosts: [String: Cloud] = [
        "graph.microsoft.com": .global,
        "graph.microsoft.us": .gccHigh,
        "dod-graph.microsoft.us": .dod,
        "microsoftgraph.chinacloudapi.cn": .china,
    ]

    /// Whether `host` is a Microsoft Graph host of any cloud.
    public static func isGraphHost(_ host: String) -> Bool { graphHosts[host.lowercased()] != nil }

    /// Whether the request goes to Microsoft Graph: a Graph host, or no host at all.
    public var isGraph: Bool { host.map(Self.isGraphHost) ?? true }

    /// Reads `METHOD URL` (or a bare URL or path, method `GET`).
    public static func parse(_ requestLine: String) throws(PermcheckError) -> RequestTarget {
        let words = requestLine.split(whereSeparator: \.isWhitespace)
        let trimmed = words.joined(separator: " ")
        guard let first = words.first else {
            throw .usage("the request is empty; expected e.g. \"GET https://graph.microsoft.com/v1.0/me\".")
        }
        var method = "GET"
        var rest = Array(words)
        if !first.contains("/") {
            guard GraphRequestTarget.methods.contains(first.uppercased()) else {
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
        if host?.isEmpty ?? false { throw .usage("the request \"\(trimmed)\" has no host after '://'.") }
        let segments = remainder.split(separator: "/").map(String.init)
        let version = segments.first.map { $0.lowercased() }.flatMap { $0 == "v1.0" || $0 == "beta" ? $0 : nil }
        return RequestTarget(method: method, url: url, host: host, cloud: host.flatMap { graphHosts[$0] },
                             apiVersion: version, segments: segments)
    }

    /// Creates a target from parts.
    public init(method: String, url: String, host: String?, cloud: Cloud?, apiVersion: String?, segments: [String]) {
        self.method = method
        self.url = url
        self.host = host
        self.cloud = cloud
        self.apiVersion = apiVersion
        self.segments = segments
    }

    /// The path without version, starting with `/`, e.g. `/users/{id}/messages`.
    public var pathWithoutVersion: String {
        "/" + (apiVersion == nil ? segments : Array(segments.dropFirst())).joined(separator: "/")
    }
}
