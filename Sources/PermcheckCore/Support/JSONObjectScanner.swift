import Foundation

/// A single pass over one JSON object (a token's header or payload, a batch line) that validates it and finds the
/// values of the top-level keys asked for, without building a `JSONValue` for anything else: the batch hot path.
///
/// It vouches only for inputs in a plain subset it checks completely — ASCII keys without escapes, strings without
/// escapes (UTF-8 validated), no objects below the top level, arrays nested at most 8 deep — and answers `false`
/// for anything else, valid or not: the caller then uses ``JSONParser``, so every error is reported as the strict
/// parser reports it and every accepted input is one the strict parser accepts with the same values. Duplicate
/// keys (any key, asked for or not) also answer `false`. The `ClaimScannerFuzz` harness holds it to that.
enum JSONObjectScanner {
    /// A found value: its bytes are `buffer[start..<end]`; `start < 0` when the key is absent.
    struct Slot {
        var start: Int32 = -1
        var end: Int32 = -1
        var found: Bool { start >= 0 }
    }

    /// The most distinct keys not asked for that one object may have before the scanner defers to the parser.
    static let maxOtherKeys = 64

    /// Scans `p` as one object. `index` maps a key's bytes to a slot (or `nil` for keys not asked for).
    static func scan(_ p: UnsafeBufferPointer<UInt8>, slots: UnsafeMutableBufferPointer<Slot>,
                     index: (UnsafeBufferPointer<UInt8>) -> Int?) -> Bool {
        for i in slots.indices { slots[i] = Slot() }
        return withUnsafeTemporaryAllocation(of: (Int32, Int32).self, capacity: maxOtherKeys) { others in
            var scanner = Cursor(p: p)
            var otherCount = 0
            scanner.skipSpace()
            guard scanner.take(UInt8(ascii: "{")) else { return false }
            scanner.skipSpace()
            if !scanner.take(UInt8(ascii: "}")) {
                while true {
                    guard let key = scanner.key() else { return false }
                    scanner.skipSpace()
                    guard scanner.take(UInt8(ascii: ":")) else { return false }
                    scanner.skipSpace()
                    let valueStart = scanner.pos
                    guard scanner.value(depth: 1) else { return false }
                    let keyBytes = UnsafeBufferPointer(rebasing: p[key])
                    if let slot = index(keyBytes) {
                        if slots[slot].found { return false }
                        slots[slot] = Slot(start: Int32(valueStart), end: Int32(scanner.pos))
                    } else {
                        for j in 0..<otherCount where Int(others[j].1) == key.count {
                            if memcmp(p.baseAddress! + Int(others[j].0), keyBytes.baseAddress!, key.count) == 0 { return false }
                        }
                        guard otherCount < maxOtherKeys else { return false }
                        others[otherCount] = (Int32(key.lowerBound), Int32(key.count))
                        otherCount += 1
                    }
                    scanner.skipSpace()
                    if scanner.take(UInt8(ascii: ",")) { scanner.skipSpace(); continue }
                    guard scanner.take(UInt8(ascii: "}")) else { return false }
                    break
                }
            }
            scanner.skipSpace()
            return scanner.pos == p.count
        }
    }

    /// The bytes between a plain string's quotes (the scanner vouched for them: no escapes, valid UTF-8).
    static func stringContent(_ p: UnsafeBufferPointer<UInt8>, _ slot: Slot) -> UnsafeBufferPointer<UInt8>? {
        guard slot.found, p[Int(slot.start)] == UInt8(ascii: "\"") else { return nil }
        return UnsafeBufferPointer(rebasing: p[(Int(slot.start) + 1)..<(Int(slot.end) - 1)])
    }

    /// The value in `slot` as a `JSONValue` (strings, numbers, literals and arrays of them: all the scanner admits).
    static func value(_ p: UnsafeBufferPointer<UInt8>, _ slot: Slot) -> JSONValue? {
        guard slot.found else { return nil }
        var cursor = Cursor(p: UnsafeBufferPointer(rebasing: p[..<Int(slot.end)]), pos: Int(slot.start))
        return cursor.materialize()
    }

    /// A position in the input, with the validating steps.
    struct Cursor {
        let p: UnsafeBufferPointer<UInt8>
        var pos = 0

        @inline(__always) mutating func skipSpace() {
            while pos < p.count {
                let b = p[pos]
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
                pos += 1
            }
        }

        @inline(__always) mutating func take(_ byte: UInt8) -> Bool {
            guard pos < p.count, p[pos] == byte else { return false }
            pos += 1
            return true
        }

        /// A key: printable ASCII, no escapes. Returns the range between the quotes.
        mutating func key() -> Range<Int>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = pos
            while pos < p.count {
                let b = p[pos]
                if b == UInt8(ascii: "\"") { pos += 1; return start..<(pos - 1) }
                guard b >= 0x20, b < 0x7F, b != UInt8(ascii: "\\") else { return nil }
                pos += 1
            }
            return nil
        }

        /// A string without escapes; non-ASCII bytes must be well-formed UTF-8.
        mutating func string() -> Bool {
            guard take(UInt8(ascii: "\"")) else { return false }
            // Eight bytes at a time while none is a quote, a backslash, a control or non-ASCII byte.
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while pos + 8 <= p.count {
                let x = UnsafeRawPointer(p.baseAddress! + pos).loadUnaligned(as: UInt64.self)
                let quote = x ^ (ones &* 0x22), slash = x ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((slash &- ones) & ~slash) | ((x &- ones &* 0x20) & ~x) | x
                guard special & highs == 0 else { break }
                pos += 8
            }
            while pos < p.count {
                let b = p[pos]
                if b == UInt8(ascii: "\"") { pos += 1; return true }
                if b < 0x20 || b == UInt8(ascii: "\\") { return false }
                if b < 0x80 { pos += 1; continue }
                guard let length = Self.utf8Length(p, pos) else { return false }
                pos += length
            }
            return false
        }

        /// The length of the well-formed UTF-8 sequence at `i` (Unicode Table 3-7), or `nil`.
        static func utf8Length(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
            func cont(_ j: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool { j < p.count && p[j] >= low && p[j] <= high }
            switch p[i] {
            case 0xC2...0xDF: return cont(i + 1) ? 2 : nil
            case 0xE0: return cont(i + 1, 0xA0, 0xBF) && cont(i + 2) ? 3 : nil
            case 0xE1...0xEC, 0xEE, 0xEF: return cont(i + 1) && cont(i + 2) ? 3 : nil
            case 0xED: return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : nil
            case 0xF0: return cont(i + 1, 0x90, 0xBF) && cont(i + 2) && cont(i + 3) ? 4 : nil
            case 0xF1...0xF3: return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : nil
            case 0xF4: return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : nil
            default: return nil
            }
        }

        @inline(__always) func digit(_ i: Int) -> Bool { i < p.count && p[i] >= UInt8(ascii: "0") && p[i] <= UInt8(ascii: "9") }

        /// RFC 8259 number grammar.
        mutating func number() -> Bool {
            if pos < p.count, p[pos] == UInt8(ascii: "-") { pos += 1 }
            guard digit(pos) else { return false }
            if p[pos] == UInt8(ascii: "0") { pos += 1; if digit(pos) { return false } } else { while digit(pos) { pos += 1 } }
            if pos < p.count, p[pos] == UInt8(ascii: ".") {
                pos += 1
                guard digit(pos) else { return false }
                while digit(pos) { pos += 1 }
            }
            if pos < p.count, p[pos] == UInt8(ascii: "e") || p[pos] == UInt8(ascii: "E") {
                pos += 1
                if pos < p.count, p[pos] == UInt8(ascii: "+") || p[pos] == UInt8(ascii: "-") { pos += 1 }
                guard digit(pos) else { return false }
                while digit(pos) { pos += 1 }
            }
            return true
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard pos + n <= p.count, memcmp(p.baseAddress! + pos, word.utf8Start, n) == 0 else { return false }
            pos += n
            return true
        }

        /// One value of the plain subset; `depth` counts open containers (the top object is 1).
        mutating func value(depth: Int) -> Bool {
            guard pos < p.count else { return false }
            switch p[pos] {
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
            case UInt8(ascii: "["):
                guard depth < 8 else { return false }
                pos += 1
                skipSpace()
                if take(UInt8(ascii: "]")) { return true }
                while true {
                    guard value(depth: depth + 1) else { return false }
                    skipSpace()
                    if take(UInt8(ascii: "]")) { return true }
                    guard take(UInt8(ascii: ",")) else { return false }
                    skipSpace()
                }
            default:
                return false  // objects below the top level, and anything invalid
            }
        }

        /// Builds the value at `pos`, which ``value(depth:)`` has validated.
        mutating func materialize() -> JSONValue? {
            let start = pos
            switch p[pos] {
            case UInt8(ascii: "\""):
                guard string() else { return nil }
                return .string(String(decoding: UnsafeBufferPointer(rebasing: p[(start + 1)..<(pos - 1)]), as: UTF8.self))
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            case UInt8(ascii: "["):
                pos += 1
                var elements: [JSONValue] = []
                skipSpace()
                if take(UInt8(ascii: "]")) { return .array(elements) }
                elements.reserveCapacity(4)   // amr, wids, roles: one allocation for the usual few elements
                while true {
                    guard let element = materialize() else { return nil }
                    elements.append(element)
                    skipSpace()
                    if take(UInt8(ascii: "]")) { return .array(elements) }
                    guard take(UInt8(ascii: ",")) else { return nil }
                    skipSpace()
                }
            default:
                guard number() else { return nil }
                return .number(JSONNumber(String(decoding: UnsafeBufferPointer(rebasing: p[start..<pos]), as: UTF8.self)))
            }
        }
    }
}
