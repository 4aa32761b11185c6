import Foundation

/// A `WWW-Authenticate` challenge (RFC 6750 / Entra claims challenges), e.g.
/// `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize",
/// error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnsi…"`.
public struct AuthChallenge: Sendable, Equatable {
    /// The scheme, e.g. `Bearer`.
    public let scheme: String
    /// The parameters in header order, names lower-cased, values unquoted.
    public let parameters: [HTTPHeader]
    /// The `claims` parameter decoded from base64 and re-written as compact JSON with sorted keys;
    /// `nil` when absent or not decodable.
    public let decodedClaims: String?
    /// The keys requested under `access_token` in the claims challenge (e.g. `acrs`, `nbf`), sorted.
    public let claimsKeys: [String]
    /// The requested value of each key (`{"nbf":{"essential":true,"value":"1604106651"}}` → `nbf: 1604106651`;
    /// `values` lists are joined with commas).
    public let claimValues: [String: String]
    /// Why the challenge looks cut (an unclosed quote, a `claims` value that does not decode, a trailing `...`);
    /// `nil` when it looks whole.
    public let looksCut: String?

    /// A parameter's value.
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name.lowercased() }?.value
    }

    /// `error`, e.g. `invalid_token` or `insufficient_claims`.
    public var error: String? { parameter("error") }
    /// `error_description`.
    public var errorDescription: String? { parameter("error_description") }

    /// The cloud of the token authority named by `authorization_uri`, with the host it was read from.
    /// `login.microsoftonline.us` serves both GCC High and DoD; it is reported as GCC High (the two share tokens).
    public var authorityCloud: (cloud: Cloud, host: String)? {
        guard let host = HostName.of(parameter("authorization_uri")) else { return nil }
        let cloud: Cloud? = switch host {
        case "login.microsoftonline.com", "login.windows.net", "sts.windows.net": .global
        case "login.microsoftonline.us": .gccHigh
        case "login.chinacloudapi.cn", "login.partner.microsoftonline.cn": .china
        default: nil
        }
        return cloud.map { ($0, host) }
    }

    /// Parses a header value. The first `Bearer` challenge wins when the header lists several.
    /// - Returns: `nil` when the text has no scheme.
    public static func parse(_ headerValue: String) -> AuthChallenge? {
        let challenges = split(headerValue)
        guard let chosen = challenges.first(where: { $0.scheme.caseInsensitiveCompare("Bearer") == .orderedSame }) ?? challenges.first else {
            return nil
        }
        var decoded: String?
        var keys: [String] = []
        var values: [String: String] = [:]
        var cut: String?
        if hasOpenQuote(headerValue) {
            let name = chosen.parameters.last?.name
            cut = "a quoted value\(name.map { " ('\($0)')" } ?? "") is not closed"
        }
        if let claims = chosen.parameters.first(where: { $0.name == "claims" })?.value {
            if let value = decodeClaims(claims) {
                decoded = JSONWriter.write(value)
                let requested = value["access_token"]?.objectValue ?? value.objectValue ?? [:]
                keys = requested.keys.sorted()
                for (key, request) in requested {
                    if let single = request["value"].flatMap(scalarText) {
                        values[key] = single
                    } else if let list = request["values"]?.arrayValue {
                        values[key] = list.compactMap(scalarText).joined(separator: ",")
                    }
                }
            } else {
                cut = cut ?? "its 'claims' value does not decode as base64 JSON (cut short?)"
            }
        }
        if cut == nil, let last = chosen.parameters.last?.value, last.hasSuffix("...") || last.hasSuffix("…") {
            cut = "it ends with '...'"
        }
        return AuthChallenge(scheme: chosen.scheme, parameters: chosen.parameters, decodedClaims: decoded, claimsKeys: keys,
                             claimValues: values, looksCut: cut)
    }

    static func scalarText(_ value: JSONValue) -> String? {
        value.stringValue ?? value.numberValue.map { JSONWriter.write(.number($0)) }
    }

    /// Whether the text ends inside a quoted value (an odd number of unescaped quotes).
    static func hasOpenQuote(_ text: String) -> Bool {
        var open = false
        var escaped = false
        for char in text {
            if escaped { escaped = false } else if char == "\\" { escaped = open } else if char == "\"" { open.toggle() }
        }
        return open
    }

    /// A `claims` value: base64 or base64url (padding optional, line breaks from a wrapped paste ignored), or plain JSON.
    static func decodeClaims(_ text: String) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.hasPrefix("{"), trimmed.contains(where: \.isWhitespace) {
            return decodeClaims(trimmed.filter { !$0.isWhitespace })
        }
        if trimmed.hasPrefix("{") { return try? JSONParser.parse(trimmed) }
        let urlSafe = trimmed.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        guard let bytes = try? Base64URL.decode(urlSafe) else { return nil }
        return try? JSONParser.parse(bytes)
    }

    /// Splits a header value into challenges: a scheme word, then `name=value` or `name="quoted"` parameters.
    static func split(_ text: String) -> [(scheme: String, parameters: [HTTPHeader])] {
        var result: [(scheme: String, parameters: [HTTPHeader])] = []
        let chars = Array(text)
        var index = 0
        func skip(_ set: Set<Character>) { while index < chars.count, set.contains(chars[index]) { index += 1 } }
        while index < chars.count {
            skip([" ", "\t", ","])
            let start = index
            while index < chars.count, !" \t,=".contains(chars[index]) { index += 1 }
            guard index > start else { index += 1; continue }
            let word = String(chars[start..<index])
            skip([" ", "\t"])
            if index < chars.count, chars[index] == "=", !result.isEmpty {
                index += 1
                skip([" ", "\t"])
                var value = ""
                if index < chars.count, chars[index] == "\"" {
                    index += 1
                    while index < chars.count, chars[index] != "\"" {
                        if chars[index] == "\\", index + 1 < chars.count { index += 1 }
                        value.append(chars[index])
                        index += 1
                    }
                    index += 1
                } else {
                    while index < chars.count, chars[index] != "," { value.append(chars[index]); index += 1 }
                    // token68 padding ('abc==') belongs to the value
                    value = value.trimmingCharacters(in: .whitespaces)
                }
                result[result.count - 1].parameters.append(HTTPHeader(name: word.lowercased(), value: value))
            } else {
                result.append((word, []))
            }
        }
        return result
    }
}
