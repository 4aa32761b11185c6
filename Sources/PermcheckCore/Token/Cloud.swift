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
    /// One sentence naming the signal, e.g. "issuer host login.microsoftonline.us"; built when read (a brief
    /// batch never reads it).
    public var basis: String { signals.map { Self.detect(issuer: $0.issuer, audience: $0.audience, subScope: $0.subScope, basis: true).basis } ?? fixedBasis }
    private let fixedBasis: String
    private let signals: Signals?
    private struct Signals: Sendable, Equatable {
        let issuer: String?, audience: String?, subScope: String?
    }

    /// A detection with its basis spelled out.
    public init(cloud: Cloud?, basis: String) {
        self.cloud = cloud
        fixedBasis = basis
        signals = nil
    }

    /// Detects the cloud of a token from its issuer, region claims and audience host; the basis is spelled out
    /// only when read.
    public static func detect(_ claims: Claims) -> CloudDetection {
        let cloud = detect(issuer: claims.issuer, audience: claims.audience, subScope: claims.tenantRegionSubScope, basis: false).cloud
        return CloudDetection(cloud: cloud, signals: Signals(issuer: claims.issuer, audience: claims.audience, subScope: claims.tenantRegionSubScope))
    }

    public static func == (lhs: CloudDetection, rhs: CloudDetection) -> Bool { lhs.cloud == rhs.cloud && lhs.basis == rhs.basis }

    private init(cloud: Cloud?, signals: Signals) {
        self.cloud = cloud
        fixedBasis = ""
        self.signals = signals
    }

    /// Detects the cloud of a token from its issuer, region claims and audience host.
    ///
    /// Global issuers cannot tell GCC from commercial; only `tenant_region_sub_scope` = `GCC` does.
    /// v1 US Government tokens reportedly use `sts.windows.net`, so a `.us` audience host decides then.
    private static func detect(issuer: String?, audience: String?, subScope: String?, basis spelled: Bool) -> (cloud: Cloud?, basis: String) {
        let issuerHost = HostName.of(issuer)
        let audienceHost = HostName.of(audience)
        let subScope = subScope?.uppercased()
        func found(_ cloud: Cloud?, _ basis: @autoclosure () -> String) -> (cloud: Cloud?, basis: String) {
            (cloud, spelled ? basis() : "")
        }
        func us(_ basis: @autoclosure () -> String) -> (cloud: Cloud?, basis: String) {
            if audienceHost == "dod-graph.microsoft.us" || subScope == "DOD" {
                return found(.dod, basis() + (subScope == "DOD" ? ", tenant_region_sub_scope DOD" : ", audience dod-graph.microsoft.us"))
            }
            return found(.gccHigh, basis())
        }
        switch issuerHost {
        case "login.microsoftonline.us", "sts.microsoftonline.us":
            return us("issuer host \(issuerHost ?? "")")
        case "sts.chinacloudapi.cn", "login.chinacloudapi.cn", "login.partner.microsoftonline.cn":
            return found(.china, "issuer host \(issuerHost ?? "")")
        case "sts.windows.net", "login.microsoftonline.com", "login.windows.net":
            if let host = audienceHost, host.hasSuffix(".microsoft.us") || host.hasSuffix(".usgovcloudapi.net") {
                return us("audience host \(host) (v1 US Government tokens use sts.windows.net)")
            }
            if subScope == "GCC" {
                return found(.gcc, "issuer host \(issuerHost ?? ""), tenant_region_sub_scope GCC")
            }
            if subScope == "DODCON" { return us("tenant_region_sub_scope DODCON") }
            return found(.global, "issuer host \(issuerHost ?? "") (GCC tenants use the same issuer)")
        default:
            return found(nil, issuer == nil ? "no issuer claim" : "unrecognised issuer host '\(issuerHost ?? "")'")
        }
    }
}

/// Extracts the lower-cased host of a URL-like string without Foundation's URL parser (cheap and total).
enum HostName {
    static func of(_ text: String?) -> String? {
        guard var text else { return nil }
        // ASCII URLs (all real issuers and audiences) byte by byte; anything else below.
        let ascii: String?? = text.withUTF8 { bytes -> String?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var i = 0
            while i + 2 < bytes.count, !(bytes[i] == UInt8(ascii: ":") && bytes[i + 1] == UInt8(ascii: "/") && bytes[i + 2] == UInt8(ascii: "/")) { i += 1 }
            guard i + 2 < bytes.count else { return .some(nil) }
            let start = i + 3
            var end = start
            while end < bytes.count {
                let b = bytes[end]
                if b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") || b == UInt8(ascii: ":") { break }
                end += 1
            }
            guard end > start else { return .some(nil) }
            return .some(String(unsafeUninitializedCapacity: end - start) { out in
                for j in start..<end { let b = bytes[j]; out[j - start] = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b }
                return end - start
            })
        }
        if let ascii { return ascii }
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
