/// Byte-level finders for what `Redactor` replaces: whole-word occurrences of a value, e-mail addresses, GUIDs and
/// IPv4 addresses. Hand-written instead of `NSRegularExpression`, which is slow on Linux and leaked memory under the
/// fuzzers' leak checker.
enum PersonalDataScanner {
    /// A part of a word: ASCII letters, digits, `_` and `-` (non-ASCII bytes count as boundaries, so a name next to
    /// typographic punctuation is still replaced).
    static func isWordByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || isLetter(byte)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    /// A byte that `\b` in a regular expression treats as part of a word: ASCII letters, digits and `_`.
    static func isRegexWordByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_")
    }

    static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Replaces `value` (case-sensitive) where it is not part of a longer word.
    static func replaceWholeWords(_ value: String, with placeholder: String, in text: String) -> String {
        let needle = Array(value.utf8)
        let bytes = Array(text.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return text }
        var output: [UInt8] = []
        var index = 0, copied = 0, changed = false
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle),
               index == 0 || !isWordByte(bytes[index - 1]),
               index + needle.count == bytes.count || !isWordByte(bytes[index + needle.count]) {
                output += bytes[copied..<index]
                output += placeholder.utf8
                index += needle.count
                copied = index
                changed = true
            } else {
                index += 1
            }
        }
        guard changed else { return text }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// Ranges (byte offsets) of e-mail addresses: `local@domain.tld` with an alphabetic TLD of two or more letters.
    static func emails(in bytes: [UInt8]) -> [Range<Int>] {
        func isLocal(_ byte: UInt8) -> Bool {
            isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
        }
        func isDomain(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") }
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "@") else { index += 1; continue }
            var start = index
            while start > (ranges.last?.upperBound ?? 0), isLocal(bytes[start - 1]) { start -= 1 }
            var end = index + 1
            while end < bytes.count, isDomain(bytes[end]) { end += 1 }
            // The longest domain prefix ending in '.' + two or more letters, with something before the dot.
            var matchEnd: Int?
            var candidate = end
            while candidate > index + 3 {
                var letters = candidate
                while letters > index + 1, isLetter(bytes[letters - 1]) { letters -= 1 }
                if candidate - letters >= 2, letters - 1 > index + 1, bytes[letters - 1] == UInt8(ascii: ".") {
                    matchEnd = candidate
                    break
                }
                candidate -= 1
            }
            if start < index, let matchEnd {
                ranges.append(start..<matchEnd)
                index = matchEnd
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// Ranges of GUIDs (8-4-4-4-12 hex digits) not embedded in a longer word.
    static func guids(in bytes: [UInt8]) -> [Range<Int>] {
        separatedGroups(in: bytes, lengths: [8...8, 4...4, 4...4, 4...4, 12...12], separator: UInt8(ascii: "-"), digit: isHex)
    }

    /// Ranges of dotted-quad IPv4 addresses (1–3 digits per part) not embedded in a longer word.
    static func ipv4Addresses(in bytes: [UInt8]) -> [Range<Int>] {
        separatedGroups(in: bytes, lengths: Array(repeating: 1...3, count: 4), separator: UInt8(ascii: "."), digit: isDigit)
    }

    /// Ranges of groups of `digit` bytes, group `i` as long as `lengths[i]` allows (read greedily), joined by
    /// `separator`, with no word byte just before or after.
    private static func separatedGroups(in bytes: [UInt8], lengths: [ClosedRange<Int>], separator: UInt8,
                                        digit: (UInt8) -> Bool) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        outer: while index < bytes.count {
            guard digit(bytes[index]), index == 0 || !isRegexWordByte(bytes[index - 1]) else {
                index += 1
                continue
            }
            var position = index
            for (number, length) in lengths.enumerated() {
                let groupStart = position
                while position < bytes.count, position - groupStart < length.upperBound, digit(bytes[position]) { position += 1 }
                guard position - groupStart >= length.lowerBound else { index += 1; continue outer }
                if number < lengths.count - 1 {
                    guard position < bytes.count, bytes[position] == separator else { index += 1; continue outer }
                    position += 1
                }
            }
            if position < bytes.count, isRegexWordByte(bytes[position]) {
                index += 1
                continue
            }
            ranges.append(index..<position)
            index = position
        }
        return ranges
    }

    /// Ranges of IPv6 addresses not embedded in a longer word: eight groups of 1–4 hex digits separated by `:`, or
    /// fewer with one `::` (`2001:db8::1`, `::1`). Times such as `09:30:00` have neither and are left alone.
    static func ipv6Addresses(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard isHex(byte) || byte == UInt8(ascii: ":"), index == 0 || !(isRegexWordByte(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: ":")) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isHex(bytes[end]) || bytes[end] == UInt8(ascii: ":") { end += 1 }
            // A trailing single ':' is punctuation ("address 2001:db8::1: denied").
            var stop = end
            if stop - index >= 2, bytes[stop - 1] == UInt8(ascii: ":"), bytes[stop - 2] != UInt8(ascii: ":") { stop -= 1 }
            if end < bytes.count, isRegexWordByte(bytes[end]) {
                index = end
                continue
            }
            if isIPv6(bytes[index..<stop]) { ranges.append(index..<stop) }
            index = max(end, index + 1)
        }
        return ranges
    }

    static func isIPv6(_ bytes: ArraySlice<UInt8>) -> Bool {
        let groups = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard groups.count >= 3, groups.count <= 9, groups.allSatisfy({ $0.count <= 4 }) else { return false }
        let text = String(decoding: bytes, as: UTF8.self)
        let compressions = text.components(separatedBy: "::").count - 1
        let filled = groups.filter { !$0.isEmpty }.count
        if compressions == 0 { return groups.count == 8 && filled == 8 }
        return compressions == 1 && filled >= 1 && filled <= 7 && !text.contains(":::")
    }

    /// Ranges of down-level logon names (`CONTOSO\jdoe`): a NetBIOS domain of 1–15 word bytes, a backslash, a user name
    /// of word bytes or dots. A path such as `C:\Users` has a `:` before the backslash and is left alone.
    static func downLevelLogonNames(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\") else { index += 1; continue }
            var start = index
            while start > (ranges.last?.upperBound ?? 0), index - start < 15, isWordByte(bytes[start - 1]) { start -= 1 }
            var end = index + 1
            while end < bytes.count, isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
            while end > index + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
            if start < index, end > index + 1, start == 0 || !isWordByte(bytes[start - 1]) {
                ranges.append(start..<end)
                index = end
            } else {
                index += 1
            }
        }
        return ranges
    }
}
