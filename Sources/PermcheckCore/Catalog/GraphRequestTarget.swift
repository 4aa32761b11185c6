/// A Microsoft Graph request as the user typed it — `GET https://graph.microsoft.com/v1.0/users/…`,
/// `GET /v1.0/me/messages` or a bare path — reduced to what the catalogue matcher needs.
public struct GraphRequestTarget: Sendable, Equatable {
    /// The HTTP method in upper case; `GET` when the request line has none.
    public let method: String
    /// The host, lowercased, when the request line has one.
    public let host: String?
    /// The national cloud the host belongs to: `global`, `usgov-l4`, `usgov-l5-dod` or `china`;
    /// `nil` when there is no host or it is not a known Graph host.
    public let cloud: String?
    /// `v1.0` or `beta` when the path starts with one of them; otherwise `nil`.
    public let apiVersion: String?
    /// The path as given, without host, version, query string or fragment (not decoded).
    public let rawPath: String
    /// The canonical path (see ``GraphPathCanonicalizer``): percent-decoded, lowercased, starting with `/`.
    public let path: String
    /// The segments of `path`, as the matcher sees them.
    public let segments: [String]

    /// Why a request line could not be read.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        /// The request line is empty.
        case empty
        /// The first word is not an HTTP method Graph uses.
        case unsupportedMethod(String)
        /// There is no path after the method and host.
        case missingPath
        /// A one-line explanation.
        public var description: String {
            switch self {
            case .empty: "the request is empty; expected e.g. GET https://graph.microsoft.com/v1.0/me"
            case .unsupportedMethod(let m): "'\(m)' is not an HTTP method Microsoft Graph uses"
            case .missingPath: "the request has no path; expected e.g. GET /v1.0/me"
            }
        }
    }

    /// Graph hosts and the cloud each one belongs to.
    public static let cloudsByHost: [String: String] = [
        "graph.microsoft.com": "global",
        "graph.microsoft.us": "usgov-l4",
        "dod-graph.microsoft.us": "usgov-l5-dod",
        "microsoftgraph.chinacloudapi.cn": "china",
    ]

    /// HTTP methods accepted at the start of a request line.
    public static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE"]

    /// Creates a target from parts; `path` is canonicalised here.
    public init(method: String, host: String? = nil, apiVersion: String? = nil, rawPath: String) {
        self.method = method.uppercased()
        self.host = host?.lowercased()
        self.cloud = self.host.flatMap { Self.cloudsByHost[$0] }
        self.apiVersion = apiVersion
        self.rawPath = rawPath
        self.path = GraphPathCanonicalizer.canonicalPath(Self.percentDecoded(rawPath))
        var segments: [String] = []
        let bytes = Array(path.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            GraphPathSegments.forEachSegment(in: buffer, from: 0, to: buffer.count) {
                segments.append(String(decoding: buffer[$0], as: UTF8.self))
            }
        }
        self.segments = segments
    }

    /// Reads `METHOD URL`, `METHOD /path` or a bare URL or path (method `GET`).
    /// Scheme and host are optional; `/v1.0` or `/beta` is stripped into ``apiVersion``;
    /// query string and fragment are dropped.
    public static func parse(_ requestLine: String) throws -> GraphRequestTarget {
        let words = requestLine.split(whereSeparator: \.isWhitespace)
        guard let first = words.first else { throw ParseError.empty }
        var method = "GET"
        var rest = words.dropFirst(0)
        if !first.contains("/") {
            guard methods.contains(first.uppercased()) else { throw ParseError.unsupportedMethod(String(first)) }
            method = first.uppercased()
            rest = words.dropFirst()
        }
        // A path may contain encoded or (in a drive item path) literal spaces; rejoin the rest.
        var url = Substring(rest.joined(separator: " "))
        guard !url.isEmpty else { throw ParseError.missingPath }
        if let cut = url.firstIndex(where: { $0 == "?" || $0 == "#" }) { url = url[..<cut] }
        var host: String?
        var hasScheme = false
        if let scheme = url.range(of: "://") { url = url[scheme.upperBound...]; hasScheme = true }
        let slash = url.firstIndex(of: "/") ?? url.endIndex
        let authority = url[..<slash]
        if !url.hasPrefix("/"), hasScheme || authority.contains(".") {
            host = String(authority.split(separator: "@").last ?? authority)
                .split(separator: ":").first.map(String.init)
            url = url[slash...]
        }
        var apiVersion: String?
        let pieces = url.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true)
        if let version = pieces.first?.lowercased(), version == "v1.0" || version == "beta" {
            apiVersion = version
            url = pieces.count > 1 ? "/" + pieces[1] : "/"
        }
        if url.isEmpty { url = "/" }
        return GraphRequestTarget(method: method, host: host, apiVersion: apiVersion, rawPath: String(url))
    }

    /// `text` with `%XX` escapes decoded; invalid escapes and invalid UTF-8 are left as they are.
    public static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(validating: out, as: UTF8.self) ?? text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
