/// Text saved as UTF-16 with a byte order mark — what Windows PowerShell 5.1 writes with `>` and `Out-File` — is
/// common in tickets. Tokens and evidence files accept it by converting to UTF-8 first; everything else is UTF-8.
public enum UTF16Text {
    /// Why UTF-16 input could not be converted.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The byte count after the byte order mark is odd, so the last code unit is cut off.
        case oddLength
        /// A surrogate without its partner at this 0-based code-unit index.
        case unpairedSurrogate(index: Int)

        /// A clause for error messages, e.g. "it is UTF-16 text with an unpaired surrogate at code unit 7".
        public var description: String {
            switch self {
            case .oddLength: "it starts with a UTF-16 byte order mark but has an odd number of bytes (truncated?)"
            case .unpairedSurrogate(let index): "it is UTF-16 text with an unpaired surrogate at code unit \(index)"
            }
        }
    }

    /// `nil` when `bytes` does not start with a UTF-16 byte order mark (`FF FE` little-endian, `FE FF` big-endian);
    /// otherwise the text after the mark, converted to UTF-8.
    public static func utf8(fromMarked bytes: [UInt8]) throws(Problem) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let littleEndian: Bool
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): littleEndian = true
        case (0xFE, 0xFF): littleEndian = false
        default: return nil
        }
        let body = bytes.count - 2
        guard body % 2 == 0 else { throw .oddLength }
        var units: [UInt16] = []
        units.reserveCapacity(body / 2)
        var index = 2
        while index < bytes.count {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        var position = 0
        var failedAt: Int?
        var decoder = UTF16()
        var iterator = units.makeIterator()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                UTF8.encode(scalar) { out.append($0) }
                position += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput:
                break decoding
            case .error:
                failedAt = position
                break decoding
            }
        }
        if let failedAt { throw .unpairedSurrogate(index: failedAt) }
        return out
    }
}
