import Foundation

/// `permcheck decode`: every claim with a one-line meaning, plus derived facts (kind, cloud, version, lifetime).
public enum DecodeReport {
    /// The decoded token as JSON data.
    public static func json(_ token: AccessToken, at: Date) -> JSONValue {
        let claims = token.claims
        var described: [String: JSONValue] = [:]
        for (name, value) in claims.raw {
            described[name] = .object([
                "value": name == "nonce" ? .string("(present; not shown)") : value,
                "meaning": KnownIDs.shared.claimMeanings[name].map(JSONValue.string) ?? .null,
                "name": knownName(name, value).map(JSONValue.string) ?? .null,
            ])
        }
        var header = token.header
        header["nonce"] = header["nonce"].map { _ in .string("(present; not shown)") }
        return .object([
            "fingerprint": .string(token.fingerprint),
            "signatureVerified": .bool(false),
            "hasSignature": .bool(token.hasSignature),
            "header": .object(header),
            "kind": .string(token.principal.isManagedIdentity ? "managedIdentity" : token.principal.kind.rawValue),
            "tokenType": .string(token.idTokenBasis == nil ? "access" : "id"),
            "tokenTypeBasis": token.idTokenBasis.map { .string($0 + ". " + idTokenAdvice) } ?? .null,
            "kindBasis": .string(token.principal.kindBasis),
            "cloud": token.cloud.cloud.map { .string($0.rawValue) } ?? .null,
            "cloudBasis": .string(token.cloud.basis),
            "version": token.version.map(JSONValue.string) ?? .null,
            "lifetime": .string(lifetime(token, at: at)),
            "claims": .object(described),
        ])
    }

    /// The decoded token as text.
    public static func text(_ token: AccessToken, at: Date, style: ConsoleStyle = .plain) -> String {
        let principal = token.principal
        let kindName: String = switch principal.kind {
        case .user: "delegated (user)"
        case .application: "application (app-only)"
        case .unknown: "unknown"
        }
        let kind = principal.isManagedIdentity ? "managed identity (app-only)" : kindName
        var lines = [
            style.heading("token \(token.fingerprint)") + " · signature not verified (permcheck is offline; Microsoft Graph tokens cannot be validated by third parties)",
        ]
        if let basis = token.idTokenBasis {
            lines.append("type:     ID token, not an access token — \(basis). \(idTokenAdvice)")
        }
        lines += [
            "kind:     \(kind) — \(principal.kindBasis)",
            "cloud:    \(token.cloud.cloud?.displayName ?? "unknown") — \(token.cloud.basis)",
            "version:  \(token.version ?? "unknown")",
            "lifetime: \(lifetime(token, at: at))",
            "header:   " + token.header.keys.sorted().map { key in key == "nonce" ? "nonce=(present)" : "\(key)=\(JSONWriter.write(token.header[key]!))" }.joined(separator: " "),
            "",
            style.heading("claims:"),
        ]
        let width = token.claims.raw.keys.map(\.count).max() ?? 0
        for name in token.claims.raw.keys.sorted() {
            let value = token.claims.raw[name]!
            var valueText = name == "nonce" ? "(present; not shown)" : value.stringValue ?? JSONWriter.write(value)
            if let known = knownName(name, value) { valueText += " (\(known))" }
            lines.append("  \(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(valueText)")
            if let meaning = KnownIDs.shared.claimMeanings[name] {
                lines.append("  \(String(repeating: " ", count: width))    ↳ \(meaning)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What to do with an ID token.
    static let idTokenAdvice = "ID tokens cannot call APIs: request an access token for the API (scope '<resource>/.default' or its permissions; MSAL: acquireToken…, result.accessToken, not idToken)"

    /// Names for well-known ids in a claim: apps in aud/appid/azp, roles in wids, dates in iat/nbf/exp.
    static func knownName(_ claim: String, _ value: JSONValue) -> String? {
        switch claim {
        case "aud", "appid", "azp":
            return value.stringValue.flatMap { KnownIDs.application($0)?.name }
        case "wids":
            let names = (value.arrayValue ?? []).compactMap { $0.stringValue.flatMap(KnownIDs.directoryRoleName) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        case "iat", "nbf", "exp":
            return value.numberValue?.double.map { ISO8601.format(Date(timeIntervalSince1970: $0)) }
        case "tid":
            return value.stringValue?.lowercased() == Claims.personalAccountTenantID ? "personal Microsoft accounts" : nil
        default:
            return nil
        }
    }

    static func lifetime(_ token: AccessToken, at: Date) -> String {
        guard let expiry = token.claims.expiresAt else { return "no expiry claim" }
        if let notBefore = token.claims.notBefore, at < notBefore {
            return "not valid until \(ISO8601.format(notBefore)) (in \(Duration.describe(notBefore.timeIntervalSince(at))))"
        }
        if at >= expiry { return "expired at \(ISO8601.format(expiry)), \(Duration.describe(at.timeIntervalSince(expiry))) ago" }
        return "valid until \(ISO8601.format(expiry)), \(Duration.describe(expiry.timeIntervalSince(at))) left"
    }
}
