/// Why base64url input was rejected. Offsets are 0-based byte offsets into the input given to `decode`.
public enum Base64URLError: Error, Sendable, Equatable {
    /// A byte outside the base64url alphabet. `character` is printable text: the character itself for visible
    /// ASCII (`"*"`), `"U+XXXX"` for whitespace, controls and non-ASCII (`"U+0000"`, `"U+2026"`), `"0xXX"` for
    /// a byte that is not valid UTF-8.
    case invalidCharacter(character: String, offset: Int)
    /// `+` or `/` seen: the input is standard base64, not base64url.
    case standardBase64Alphabet(offset: Int)
    /// The length (after removing padding) is 1 more than a multiple of 4, which no byte string encodes to.
    case invalidLength(Int)
}

/// Base64url (RFC 4648 §5), the encoding of JWT segments.
public enum Base64URL {
    /// Decodes base64url (RFC 4648 §5). Lenient: accepts missing or present '=' padding. Strict: rejects '+', '/', whitespace, and anything else outside the alphabet.
    ///
    /// Up to two trailing `=` are ignored whatever the length; an `=` anywhere else is an invalid character.
    /// Non-zero bits left over in the final character are ignored.
    public static func decode(_ bytes: ArraySlice<UInt8>) throws(Base64URLError) -> [UInt8] {
        let result = bytes.withUnsafeBufferPointer { decode(buffer: $0) }
        return try result.get()
    }

    /// Decodes the UTF-8 bytes of `text`; see `decode(_:)` for bytes. Offsets are UTF-8 byte offsets into `text`.
    public static func decode(_ text: Substring) throws(Base64URLError) -> [UInt8] {
        let result = text.utf8.withContiguousStorageIfAvailable { decode(buffer: $0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { decode(buffer: $0) }
        return try result.get()
    }

    /// Decodes the UTF-8 bytes of `text`; see `decode(_:)` for bytes.
    public static func decode(_ text: String) throws(Base64URLError) -> [UInt8] {
        try decode(text[...])
    }

    /// Encodes bytes as base64url without padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = encodeAlphabet
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let encodeAlphabet: [UInt8] =
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static let invalid: UInt8 = 0xFF
    private static let standardOnly: UInt8 = 0xFE

    /// A base64url character's 6-bit value; `nil` for any other byte (`+` and `/` included).
    static func sextet(_ byte: UInt8) -> UInt8? {
        let value = decodeTable[Int(byte)]
        return value < 64 ? value : nil
    }

    /// Maps each byte to its 6-bit value, `standardOnly` for `+` and `/`, or `invalid`.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, byte) in encodeAlphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        table[Int(UInt8(ascii: "+"))] = standardOnly
        table[Int(UInt8(ascii: "/"))] = standardOnly
        return table
    }()

    private static func decode(buffer: UnsafeBufferPointer<UInt8>) -> Result<[UInt8], Base64URLError> {
        var count = buffer.count
        var padding = 0
        while count > 0 && padding < 2 && buffer[count - 1] == UInt8(ascii: "=") {
            count -= 1
            padding += 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(count / 4 * 3 + 2)
        return decodeTable.withUnsafeBufferPointer { table -> Result<[UInt8], Base64URLError> in
            var accumulator: UInt32 = 0
            var pending = 0
            for i in 0..<count {
                let v = table[Int(buffer[i])]
                if v >= standardOnly {
                    return .failure(v == standardOnly
                        ? .standardBase64Alphabet(offset: i)
                        : .invalidCharacter(character: describe(buffer, at: i), offset: i))
                }
                accumulator = accumulator << 6 | UInt32(v)
                pending += 1
                if pending == 4 {
                    out.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                    out.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                    out.append(UInt8(truncatingIfNeeded: accumulator))
                    accumulator = 0
                    pending = 0
                }
            }
            switch pending {
            case 1:
                return .failure(.invalidLength(count))
            case 2:
                out.append(UInt8(truncatingIfNeeded: accumulator >> 4))
            case 3:
                out.append(UInt8(truncatingIfNeeded: accumulator >> 10))
                out.append(UInt8(truncatingIfNeeded: accumulator >> 2))
            default:
                break
            }
            return .success(out)
        }
    }

    /// Printable text for the (invalid) character starting at byte `i`.
    private static func describe(_ buffer: UnsafeBufferPointer<UInt8>, at i: Int) -> String {
        let b = buffer[i]
        if b > 0x20 && b < 0x7F { return String(Character(Unicode.Scalar(b))) }
        if b < 0x80 { return scalarName(UInt32(b)) }
        // Decode one scalar from at most 4 bytes; anything ill-formed is shown as the raw byte.
        let end = min(buffer.count, i + 4)
        var iterator = UnsafeBufferPointer(rebasing: buffer[i..<end]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return scalarName(scalar.value)
        }
        let hex = String(b, radix: 16, uppercase: true)
        return "0x" + (hex.count < 2 ? "0" : "") + hex
    }

    private static func scalarName(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
