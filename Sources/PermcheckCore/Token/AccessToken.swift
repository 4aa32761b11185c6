import Foundation

/// A decoded (not verified) access token: header, claims and derived facts.
///
/// Holds no copy of the token text or signature, so nothing downstream can print them by accident;
/// `fingerprint` identifies the token instead.
public struct AccessToken: Sendable, Equatable {
    /// The parts, behind one reference: a token is copied into every input, diagnosis and record, and a copy of
    /// the claims' two dozen strings would be two dozen reference counts each time.
    private final class Parts: Sendable {
        let headerStorage: LazyJSONObject
        let claims: Claims
        let fingerprint: String
        let hasSignature: Bool
        let principal: Principal
        let cloud: CloudDetection

        init(headerStorage: LazyJSONObject, claims: Claims, fingerprint: String, hasSignature: Bool) {
            self.headerStorage = headerStorage
            self.claims = claims
            self.fingerprint = fingerprint
            self.hasSignature = hasSignature
            principal = Principal(claims: claims)
            cloud = CloudDetection.detect(claims)
        }
    }
    private let parts: Parts

    /// The JOSE header (`alg`, `kid`, `typ`, possibly `nonce` on Graph tokens); parsed from the decoded bytes when
    /// first read (no check reads it).
    public var header: [String: JSONValue] { parts.headerStorage.object }
    /// The payload's claims.
    public var claims: Claims { parts.claims }
    /// `sha256:` plus the first 12 hex digits of SHA-256 over the token text.
    public var fingerprint: String { parts.fingerprint }
    /// Whether the token had a non-empty signature segment (never verified).
    public var hasSignature: Bool { parts.hasSignature }
    /// The caller.
    public var principal: Principal { parts.principal }
    /// The cloud, from issuer, region claims and audience.
    public var cloud: CloudDetection { parts.cloud }

    /// Builds a token from already-decoded parts (used by the decoder and by rule examples).
    public init(header: [String: JSONValue], claims: Claims, fingerprint: String, hasSignature: Bool) {
        self.init(headerStorage: LazyJSONObject(header), claims: claims, fingerprint: fingerprint, hasSignature: hasSignature)
    }

    init(headerStorage: LazyJSONObject, claims: Claims, fingerprint: String, hasSignature: Bool) {
        parts = Parts(headerStorage: headerStorage, claims: claims, fingerprint: fingerprint, hasSignature: hasSignature)
    }

    public static func == (lhs: AccessToken, rhs: AccessToken) -> Bool {
        lhs.parts === rhs.parts || (lhs.parts.headerStorage == rhs.parts.headerStorage && lhs.claims == rhs.claims
            && lhs.fingerprint == rhs.fingerprint && lhs.hasSignature == rhs.hasSignature
            && lhs.principal == rhs.principal && lhs.cloud == rhs.cloud)
    }

    /// The token version: `ver`, or inferred from the issuer (`/v2.0` suffix).
    public var version: String? {
        if let version = claims.version { return version }
        guard let issuer = claims.issuer else { return nil }
        return issuer.hasSuffix("/v2.0") ? "2.0" : "1.0"
    }

    /// Whether the JOSE header carries a `nonce` (Microsoft Graph tokens do; their signature cannot be checked by third parties).
    public var hasGraphNonce: Bool { header["nonce"] != nil }
}
