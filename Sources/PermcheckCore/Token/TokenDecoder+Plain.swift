import Foundation

extension TokenDecoder {
    /// Decodes `input` when it is a plain compact JWS — three base64url segments, nothing around them but spaces,
    /// tabs or line ends, header and payload in the subset ``JSONObjectScanner`` vouches for — reading the bytes in
    /// place: no copy of the token, the fingerprint hashed over the bytes in hand, the payload scanned for the
    /// modelled claims only (``ClaimName``), no dictionary of claims. Returns `nil` for anything else, including
    /// every input the full decoder rejects, so ``decode(_:source:)`` reports errors exactly as before.
    static func decodePlain(_ input: UnsafeBufferPointer<UInt8>) -> AccessToken? {
        var start = 0, end = input.count
        while start < end, isLineSpace(input[start]) { start += 1 }
        while end > start, isLineSpace(input[end - 1]) { end -= 1 }
        guard end - start <= InputLimits.tokenBytes, start < end else { return nil }
        let token = UnsafeBufferPointer(rebasing: input[start..<end])
        // One pass: every byte in the base64url alphabet or a '.', exactly two dots.
        var dots = (0, 0), dotCount = 0
        let valid: Bool = plainTable.withUnsafeBufferPointer { table in
            for i in 0..<token.count {
                let v = table[Int(token[i])]
                if v < 64 { continue }
                guard v == dot, dotCount < 2 else { return false }
                if dotCount == 0 { dots.0 = i } else { dots.1 = i }
                dotCount += 1
            }
            return dotCount == 2
        }
        guard valid else { return nil }
        let header = UnsafeBufferPointer(rebasing: token[..<dots.0])
        let payload = UnsafeBufferPointer(rebasing: token[(dots.0 + 1)..<dots.1])
        let signatureLength = token.count - dots.1 - 1
        guard !header.isEmpty, !payload.isEmpty, signatureLength % 4 != 1,
              let headerBytes = decodeBase64URL(header), let payloadBytes = decodeBase64URL(payload) else { return nil }

        let headerValid = headerBytes.withUnsafeBufferPointer { bytes in
            withUnsafeTemporaryAllocation(of: JSONObjectScanner.Slot.self, capacity: 1) { slots in
                JSONObjectScanner.scan(bytes, slots: UnsafeMutableBufferPointer(rebasing: slots[0..<0])) { _ in nil }
            }
        }
        guard headerValid else { return nil }
        let claims: Claims? = payloadBytes.withUnsafeBufferPointer { bytes in
            withUnsafeTemporaryAllocation(of: JSONObjectScanner.Slot.self, capacity: ClaimName.allCases.count) { slots in
                guard JSONObjectScanner.scan(bytes, slots: slots, index: ClaimName.index(of:)) else { return nil }
                // A claim of the wrong type is an error the full decoder words; defer to it.
                return try? Claims(reading: ClaimReader(source: "", lookup: ScanLookup(bytes: bytes, slots: slots)))
            }
        }
        guard var claims else { return nil }
        claims.rawStorage = LazyJSONObject(validated: payloadBytes)
        let fingerprint = SHA256.fingerprint(token)
        return AccessToken(headerStorage: LazyJSONObject(validated: headerBytes), claims: claims,
                           fingerprint: fingerprint, hasSignature: signatureLength > 0)
    }

    @inline(__always)
    private static func isLineSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static let dot: UInt8 = 64

    /// base64url value (0–63) per byte, 64 for '.', 255 for anything else.
    private static let plainTable: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (value, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8.enumerated() { table[Int(byte)] = UInt8(value) }
        table[Int(UInt8(ascii: "."))] = dot
        return table
    }()

    /// Decodes base64url text already checked against the alphabet; `nil` for a length no byte string encodes to.
    /// Leftover bits in the final character are ignored, as ``Base64URL/decode(_:)`` does.
    private static func decodeBase64URL(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let remainder = text.count % 4
        guard remainder != 1 else { return nil }
        let full = text.count / 4
        let size = full * 3 + (remainder == 0 ? 0 : remainder - 1)
        return plainTable.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: size) { out, initialized in
                var o = 0
                for group in 0..<full {
                    let i = group * 4
                    let v = UInt32(table[Int(text[i])]) << 18 | UInt32(table[Int(text[i + 1])]) << 12
                        | UInt32(table[Int(text[i + 2])]) << 6 | UInt32(table[Int(text[i + 3])])
                    out[o] = UInt8(truncatingIfNeeded: v >> 16)
                    out[o + 1] = UInt8(truncatingIfNeeded: v >> 8)
                    out[o + 2] = UInt8(truncatingIfNeeded: v)
                    o += 3
                }
                let i = full * 4
                if remainder >= 2 {
                    var v = UInt32(table[Int(text[i])]) << 18 | UInt32(table[Int(text[i + 1])]) << 12
                    if remainder == 3 { v |= UInt32(table[Int(text[i + 2])]) << 6 }
                    out[o] = UInt8(truncatingIfNeeded: v >> 16)
                    if remainder == 3 { out[o + 1] = UInt8(truncatingIfNeeded: v >> 8) }
                }
                initialized = size
            }
        }
    }
}
