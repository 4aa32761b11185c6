import Foundation

extension AccessToken {
    /// Why this looks like an OpenID Connect ID token rather than an access token, or `nil` when it does not.
    /// An ID token proves a sign-in to the client app: its `aud` is the client's own app id, it carries no
    /// permissions (`scp`/`roles`), and v2 ID tokens echo the sign-in request's `nonce` in the payload (access
    /// tokens for Graph carry `nonce` in the header only). Access tokens name the client in `appid` (v1) or
    /// `azp` (v2), so an `aud` equal to that client, or a GUID `aud` with `ver` and no client claim, is an ID token.
    public var idTokenBasis: String? {
        guard claims.scopes == nil, claims.roles == nil, let audience = claims.audience else { return nil }
        let client = claims.raw["azp"]?.stringValue ?? claims.raw["appid"]?.stringValue
        if claims.raw["nonce"] != nil {
            return "no 'scp' or 'roles', and a 'nonce' claim in the payload (echoed from the sign-in request)"
        }
        if let client, client.caseInsensitiveCompare(audience) == .orderedSame {
            return "no 'scp' or 'roles', and 'aud' is the client app itself ('\(audience)' = \(claims.raw["azp"] != nil ? "azp" : "appid"))"
        }
        if client == nil, claims.version != nil, UUID(uuidString: audience) != nil {
            return "no 'scp' or 'roles', 'aud' is an app id ('\(audience)') and there is no 'appid'/'azp' naming a client, as in ID tokens"
        }
        return nil
    }
}
