import Foundation

/// Documented input limits that keep time and memory bounded.
public enum InputLimits {
    /// Largest token input accepted (the text, including a JSON token response around it): 64 KiB.
    /// Real Entra tokens are 1–10 KiB; group-heavy tokens stay well under this.
    public static let tokenBytes = 64 * 1024
    /// Deepest JSON nesting accepted in a token header or payload.
    public static let tokenJSONDepth = 16
    /// Largest evidence, rule, request or response file: 16 MiB.
    public static let fileBytes = 16 * 1024 * 1024
    /// Deepest JSON nesting accepted in evidence and rule files.
    public static let fileJSONDepth = 64
    /// Most members, role groups or policy entries read from one evidence file.
    public static let evidenceEntries = 100_000
}

/// Decodes the token forms users paste: a compact JWS (optionally `Bearer `-prefixed, surrounded by whitespace,
/// wrapped over lines), or a JSON token response with `accessToken` (Azure CLI) or `access_token` (OAuth/MSAL).
///
/// Decoding never verifies the signature: permcheck is offline, and Microsoft Graph tokens are not meant
/// to be validated by third parties.
public enum TokenDecoder {
    /// Decodes a token from raw input bytes.
    /// - Parameters:
    ///   - input: the bytes read from a file, stdin or an environment variable.
    ///   - source: names the input in errors, e.g. "token file 'a.jwt'".
    /// - Throws: `PermcheckError` naming the problem and the segment or claim.
    public static func decode(_ input: [UInt8], source: String) throws(PermcheckError) -> AccessToken {
        if let token = input.withUnsafeBufferPointer(decodePlain) { return token }
        return try decodeInFull(input, source: source)
    }

    /// ``decode(_:source:)`` for bytes in hand (a batch line's token): copied only when they are not a plain JWS;
    /// `source` is built only for an error.
    public static func decode(_ input: ArraySlice<UInt8>, source: () -> String) throws(PermcheckError) -> AccessToken {
        if let token = input.withUnsafeBufferPointer(decodePlain) { return token }
        return try decodeInFull(Array(input), source: source())
    }

    /// The decoder for every form (token responses, Bearer prefixes, wrapped lines, UTF-16) and every error.
    static func decodeInFull(_ input: [UInt8], source: String) throws(PermcheckError) -> AccessToken {
        guard input.count <= InputLimits.tokenBytes else {
            throw .inputTooLarge(source: source, limit: "\(InputLimits.tokenBytes / 1024) KiB for a token")
        }
        var bytes = ArraySlice(try utf8(input, source: source))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        bytes = trimmed(bytes)
        guard !bytes.isEmpty else {
            throw .tokenMalformed(source: source, part: "token", detail: "the input is empty")
        }
        if bytes.first == UInt8(ascii: "{") {
            bytes = try tokenFromResponse(bytes, source: source)
        }
        bytes = stripBearer(bytes)
        return try decodeCompact(bytes, source: source)
    }

    /// The input as UTF-8: UTF-16 with a byte order mark (Windows PowerShell 5.1's `>`) is converted.
    private static func utf8(_ input: [UInt8], source: String) throws(PermcheckError) -> [UInt8] {
        do {
            return try UTF16Text.utf8(fromMarked: input) ?? input
        } catch {
            throw .tokenMalformed(source: source, part: "token", detail: error.description)
        }
    }

    /// Decodes a compact JWS already isolated from its surroundings.
    static func decodeCompact(_ input: ArraySlice<UInt8>, source: String) throws(PermcheckError) -> AccessToken {
        // Tokens pasted from e-mail or tickets are often wrapped: drop line breaks, reject other whitespace.
        var token = [UInt8]()
        token.reserveCapacity(input.count)
        for (offset, byte) in input.enumerated() {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
            case 0:
                throw .tokenMalformed(source: source, part: "token", detail: "it contains a NUL byte at offset \(offset)")
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                throw .tokenMalformed(source: source, part: "token", detail: "it contains whitespace at offset \(offset); paste only the token")
            default:
                token.append(byte)
            }
        }
        // Documentation and tickets shorten tokens ("eyJ0eXAi...", "eyJ0eXAi…"); say so instead of counting segments.
        let dots = Array("...".utf8), ellipsis = Array("…".utf8)  // "…" is 3 bytes in UTF-8
        if token.count >= 3, (0...(token.count - 3)).contains(where: { token[$0..<($0 + 3)].elementsEqual(dots) || token[$0..<($0 + 3)].elementsEqual(ellipsis) }) {
            throw .tokenMalformed(source: source, part: "token", detail: "this token was shortened (contains '...'), as documentation and tickets do; paste the whole token (permcheck never prints it)")
        }
        let segments = token.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        switch segments.count {
        case 3:
            break
        case 5:
            throw .tokenMalformed(source: source, part: "token", detail: "it has 5 segments, so it is an encrypted token (JWE), which cannot be read without the recipient's key; pass the access token sent to the API instead")
        default:
            throw .tokenMalformed(source: source, part: "token", detail: "it has \(segments.count) segment\(segments.count == 1 ? "" : "s") separated by '.', expected 3 (header.payload.signature)")
        }
        let header = try decodeSegment(segments[0], name: "header", source: source)
        let payload = try decodeSegment(segments[1], name: "payload", source: source)
        let signature = segments[2]
        if !signature.isEmpty {
            do { _ = try Base64URL.decode(signature) } catch {
                throw .tokenMalformed(source: source, part: "signature", detail: describe(error))
            }
        }
        let claims = try Claims(payload: payload, source: source)
        let fingerprint = token.withUnsafeBufferPointer(SHA256.fingerprint)
        return AccessToken(header: header, claims: claims, fingerprint: fingerprint, hasSignature: !signature.isEmpty)
    }

    private static func decodeSegment(_ segment: ArraySlice<UInt8>, name: String, source: String) throws(PermcheckError) -> [String: JSONValue] {
        guard !segment.isEmpty else {
            throw .tokenMalformed(source: source, part: name, detail: "the \(name) segment is empty")
        }
        let decoded: [UInt8]
        do { decoded = try Base64URL.decode(segment) } catch {
            throw .tokenMalformed(source: source, part: name, detail: describe(error))
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(decoded, limits: JSONLimits(maxDepth: InputLimits.tokenJSONDepth, maxBytes: InputLimits.tokenBytes))
        } catch {
            let looksBinary = decoded.first.map { $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: "[") } ?? true
            let detail = looksBinary ? "the decoded \(name) is not JSON" : "the decoded \(name) is not valid JSON (\(error.description))"
            throw .tokenMalformed(source: source, part: name, detail: detail)
        }
        guard case .object(let object) = value else {
            throw .tokenMalformed(source: source, part: name, detail: "the decoded \(name) is a JSON \(value.typeName), expected an object")
        }
        return object
    }

    private static func describe(_ error: Base64URLError) -> String {
        switch error {
        case .invalidCharacter(let character, let offset):
            return "invalid base64url character '\(character)' at offset \(offset)"
        case .standardBase64Alphabet(let offset):
            return "standard base64 character at offset \(offset) ('+' or '/'); JWTs use base64url ('-' and '_')"
        case .invalidLength(let length):
            return "base64url text of length \(length) cannot be decoded (truncated?)"
        }
    }

    /// Extracts the token from `{"accessToken": …}` or `{"access_token": …}`.
    private static func tokenFromResponse(_ bytes: ArraySlice<UInt8>, source: String) throws(PermcheckError) -> ArraySlice<UInt8> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(Array(bytes), limits: JSONLimits(maxDepth: InputLimits.tokenJSONDepth, maxBytes: InputLimits.tokenBytes))
        } catch {
            throw .tokenMalformed(source: source, part: "token response", detail: "the input starts with '{' but is not valid JSON (\(error.description))")
        }
        // Written without a loop over the keys: `swift build -c release` (Swift 6.3.1) crashed in CopyPropagation
        // on the loop form.
        let key = value["accessToken"] != nil ? "accessToken" : "access_token"
        switch value[key] {
        case .string(let text)?:
            return trimmed(ArraySlice(Array(text.utf8)))
        case let field?:
            throw .tokenMalformed(source: source, part: "token response", detail: "'\(key)' is a \(field.typeName), expected the token as a string")
        case nil:
            break
        }
        throw .tokenMalformed(source: source, part: "token response", detail: "a JSON input needs an 'accessToken' (az account get-access-token) or 'access_token' (OAuth token response) field")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return slice
    }

    /// Removes a case-insensitive `Bearer` prefix followed by spaces or tabs.
    static func stripBearer(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let prefix = Array("bearer".utf8)
        guard bytes.count > prefix.count else { return bytes }
        for (index, expected) in prefix.enumerated() where bytes[bytes.startIndex + index] | 0x20 != expected {
            return bytes
        }
        let rest = bytes.dropFirst(prefix.count)
        guard let first = rest.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") else { return bytes }
        return trimmed(rest)
    }
}
