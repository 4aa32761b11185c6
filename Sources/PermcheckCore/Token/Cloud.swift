/// The Microsoft cloud a token or an endpoint belongs to. Tokens are not interchangeable between clouds.
public enum Cloud: String, Sendable, Equatable, CaseIterable, Codable {
    /// Worldwide (commercial) Microsoft 365 / Azure.
    case global
    /// Microsoft 365 GCC (moderate): global endpoints, US government community tenant.
    case gcc
    /// Microsoft 365 GCC High (US Government L4): `login.microsoftonline.us`, `graph.microsoft.us`.
    case gccHigh = "gcc-high"
    /// Microsoft 365 DoD (US Government L5): `login.microsoftonline.us`, `dod-graph.microsoft.us`.
    case dod
    /// Microsoft 365 operated by 21Vianet (China).
    case china

    /// The name shown to users.
    public var displayName: String {
        switch self {
        case .global: "Global"
        case .gcc: "GCC"
        case .gccHigh: "GCC High (US Gov L4)"
        case .dod: "DoD (US Gov L5)"
        case .china: "China (21Vianet)"
        }
    }

    /// Clouds that share one token service: a global token works in GCC and vice versa.
    public var tokenAuthority: String {
        switch self {
        case .global, .gcc: "login.microsoftonline.com"
        case .gccHigh, .dod: "login.microsoftonline.us"
        case .china: "login.chinacloudapi.cn"
        }
    }

    /// Whether a token issued in `self` is accepted by endpoints of `other` (same token authority).
    public func sharesTokens(with other: Cloud) -> Bool {
        tokenAuthority == other.tokenAuthority
    }

    /// Parses a user-given cloud name (`--cloud`), accepting common spellings.
    public init?(userInput: String) {
        switch userInput.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "global", "public", "commercial", "worldwide": self = .global
        case "gcc", "gcc-moderate": self = .gcc
        case "gcc-high", "gcchigh", "usgov", "usgov-l4", "l4": self = .gccHigh
        case "dod", "usgov-l5", "l5": self = .dod
        case "china", "21vianet", "mooncake": self = .china
        default: return nil
        }
    }
}

/// Where a cloud was read from, so output can say how sure it is.
public struct CloudDetection: Sendable, Equatable {
    /// The detected cloud, or `nil` when nothing in the token tells.
    public let cloud: Cloud?
    /// One sentence naming the signal, e.g. "issuer host login.microsoftonline.us".
    public let basis: String

    /// Detects the cloud of a token from its issuer, region claims and audience host.
    ///
    /// Global issuers cannot tell GCC from commercial; only `tenant_region_sub_scope` = `GCC` does.
    /// v1 US Government tokens reportedly use `sts.windows.net`, so a `.us` audience host decides then.
    public static func detect(_ claims: Claims) -> CloudDetection {
        let issuerHost = HostName.of(claims.issuer)
        let audienceHost = HostName.of(claims.audience)
        let subScope = claims.tenantRegionSubScope?.uppercased()
        func us(_ basis: String) -> CloudDetection {
            if audienceHost == "dod-graph.microsoft.us" || subScope == "DOD" {
                return CloudDetection(cloud: .dod, basis: basis + (subScope == "DOD" ? ", tenant_region_sub_scope DOD" : ", audience dod-graph.microsoft.us"))
            }
            return CloudDetection(cloud: .gccHigh, basis: basis)
        }
        switch issuerHost {
        case "login.microsoftonline.us", "sts.microsoftonline.us":
            return us("issuer host \(issuerHost ?? "")")
        case "sts.chinacloudapi.cn", "login.chinacloudapi.cn", "login.partner.microsoftonline.cn":
            return CloudDetection(cloud: .china, basis: "issuer host \(issuerHost ?? "")")
        case "sts.windows.net", "login.microsoftonline.com", "login.windows.net":
            if let host = audienceHost, host.hasSuffix(".microsoft.us") || host.hasSuffix(".usgovcloudapi.net") {
                return us("audience host \(host) (v1 US Government tokens use sts.windows.net)")
            }
            if subScope == "GCC" {
                return CloudDetection(cloud: .gcc, basis: "issuer host \(issuerHost ?? ""), tenant_region_sub_scope GCC")
            }
            if subScope == "DODCON" { return us("tenant_region_sub_scope DODCON") }
            return CloudDetection(cloud: .global, basis: "issuer host \(issuerHost ?? "") (GCC tenants use the same issuer)")
        default:
            return CloudDetection(cloud: nil, basis: claims.issuer == nil ? "no issuer claim" : "unrecognised issuer host '\(issuerHost ?? "")'")
        }
    }
}

/// Extracts the lower-cased host of a URL-like string without Foundation's URL parser (cheap and total).
enum HostName {
    static func of(_ text: String?) -> String? {
        guard let text else { return nil }
        // A byte search for "://" (Foundation's `range(of:)` bridges to NSString on Linux: slow on the batch path).
        let bytes = text.utf8
        guard let schemeEnd = bytes.indices.first(where: { i in
            bytes[i] == UInt8(ascii: ":") && bytes[i...].starts(with: "://".utf8)
        }) else { return nil }
        let rest = text[bytes.index(schemeEnd, offsetBy: 3)...]
        let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == ":" }) ?? rest.endIndex
        let host = rest[..<end].lowercased()
        return host.isEmpty ? nil : host
    }
}
