import Foundation

/// Hand-written ISO 8601 / RFC 3339 timestamps (no `DateFormatter`: it is slow and locale-dependent on Linux).
public enum ISO8601 {
    /// Parses a timestamp; `nil` if the text is not one of the accepted forms or a field is out of range.
    ///
    /// Accepted (surrounding ASCII whitespace is ignored):
    /// - `2026-11-03T09:14:27Z`, with `t`/`z` or a space instead of `T` also accepted;
    /// - fractional seconds of any length: `2026-11-03T09:14:27.1234567Z`;
    /// - offsets `+01:00`, `-0530`, `+01`;
    /// - no zone (`2026-11-03T09:14:27`), read as UTC; seconds may be omitted (`2026-11-03T09:14Z`);
    /// - date only (`2026-11-03`), midnight UTC;
    /// - PowerShell 5.1 `ConvertTo-Json` dates: `/Date(1700000000000)/` (milliseconds since the epoch, may be
    ///   negative), optionally with an informational offset `/Date(1700000000000+0100)/` that does not change the instant.
    ///
    /// Ranges are checked: month 1–12, day within the month (leap years included), hour < 24, minute < 60,
    /// second < 60, offset below 24 hours.
    public static func parse(_ text: String) -> Date? {
        var bytes = Array(text.utf8)[...]
        while let first = bytes.first, isSpace(first) { bytes.removeFirst() }
        while let last = bytes.last, isSpace(last) { bytes.removeLast() }
        guard let first = bytes.first else { return nil }
        if first == UInt8(ascii: "/") { return parseMicrosoftDate(bytes) }
        return parseTimestamp(bytes)
    }

    /// Parses a time a person gives (`--at`, `--changed-at`, a plan's or rule example's `at`): like ``parse(_:)``, but
    /// a date without a time or a time without a zone is refused (`nil`) rather than read as midnight or UTC — the
    /// replayed instant would silently be hours off. ``instantProblem(_:)`` says what is missing.
    public static func parseInstant(_ text: String) -> Date? {
        instantProblem(text) == nil ? parse(text) : nil
    }

    /// Why `text` is not an instant ``parseInstant(_:)`` accepts, as a phrase after the quoted value, e.g.
    /// "has no time zone; give a zone: 2026-11-03T09:30:00Z"; `nil` when it is accepted.
    public static func instantProblem(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard parse(trimmed) != nil else { return "is not an ISO 8601 time such as 2026-11-03T09:30:00Z" }
        if trimmed.hasPrefix("/") { return nil }
        let time = trimmed.dropFirst(10)
        if time.isEmpty { return "has no time; give a time and a zone: \(trimmed)T09:30:00Z" }
        let clock = time.dropFirst()
        if !clock.contains(where: { $0 == "Z" || $0 == "z" || $0 == "+" || $0 == "-" }) {
            return "has no time zone; give a zone: \(trimmed.prefix(10))T\(clock)Z (UTC) or an offset such as +01:00"
        }
        return nil
    }

    /// Formats as `2026-11-03T09:14:27Z`: UTC, whole seconds (fractions are truncated toward the past).
    ///
    /// Years outside 0000–9999 are written with a sign and at least four digits (`+10000-01-01T00:00:00Z`,
    /// `-0001-12-31T00:00:00Z`); a non-finite date gives `"invalid date"`.
    public static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        // ±1e15 s is about ±31 million years: far beyond any real date, and safe from Int64 overflow below.
        guard interval.isFinite, abs(interval) < 1e15 else { return "invalid date" }
        let seconds = Int64(interval.rounded(.down))
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let (year, month, day) = civilFromDays(days)
        var out = ""
        if year < 0 {
            out += "-" + pad(-year, 4)
        } else if year > 9999 {
            out += "+" + pad(year, 4)
        } else {
            out += pad(year, 4)
        }
        out += "-" + pad(month, 2) + "-" + pad(day, 2)
        out += "T" + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        return out + "Z"
    }

    /// Appends ``format(_:)``'s text as a JSON string literal (quotes included) without building a `String`:
    /// the batch writers' path. Years outside 0...9999 take ``format(_:)``.
    static func appendQuoted(_ date: Date, into out: inout [UInt8]) {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite, interval >= 0, interval < 253_402_300_800 else {
            JSONWriter.emitString(format(date), into: &out)
            return
        }
        let seconds = Int64(interval.rounded(.down))
        let secondOfDay = seconds % 86_400
        let (year, month, day) = civilFromDays(seconds / 86_400)
        func digits(_ value: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / divisor % 10))
                divisor /= 10
            }
        }
        out.append(UInt8(ascii: "\""))
        digits(year, 4); out.append(UInt8(ascii: "-")); digits(month, 2); out.append(UInt8(ascii: "-")); digits(day, 2)
        out.append(UInt8(ascii: "T")); digits(secondOfDay / 3600, 2); out.append(UInt8(ascii: ":"))
        digits(secondOfDay / 60 % 60, 2); out.append(UInt8(ascii: ":")); digits(secondOfDay % 60, 2)
        out.append(contentsOf: "Z\"".utf8)
    }

    // MARK: Parsing

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    private static func isDigit(_ b: UInt8) -> Bool {
        b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }

    /// Reads exactly `count` digits at `i`.
    private static func digits(_ s: ArraySlice<UInt8>, _ i: inout Int, _ count: Int) -> Int64? {
        guard s.endIndex - i >= count else { return nil }
        var value: Int64 = 0
        for _ in 0..<count {
            let b = s[i]
            guard isDigit(b) else { return nil }
            value = value * 10 + Int64(b - UInt8(ascii: "0"))
            i += 1
        }
        return value
    }

    private static func expect(_ s: ArraySlice<UInt8>, _ i: inout Int, _ ascii: Unicode.Scalar) -> Bool {
        guard i < s.endIndex, s[i] == UInt8(ascii: ascii) else { return false }
        i += 1
        return true
    }

    private static func parseTimestamp(_ s: ArraySlice<UInt8>) -> Date? {
        var i = s.startIndex
        guard let year = digits(s, &i, 4), expect(s, &i, "-"),
              let month = digits(s, &i, 2), expect(s, &i, "-"),
              let day = digits(s, &i, 2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year, month) else { return nil }
        let days = daysFromCivil(year, month, day)
        if i == s.endIndex { return Date(timeIntervalSince1970: Double(days * 86_400)) }

        let separator = s[i]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 0x20 else { return nil }
        i += 1
        guard let hour = digits(s, &i, 2), expect(s, &i, ":"), let minute = digits(s, &i, 2) else { return nil }
        var second: Int64 = 0
        var fraction = 0.0
        if expect(s, &i, ":") {
            guard let sec = digits(s, &i, 2) else { return nil }
            second = sec
            if expect(s, &i, ".") || expect(s, &i, ",") {
                var scale = 0.1
                var sawDigit = false
                while i < s.endIndex, isDigit(s[i]) {
                    fraction += Double(s[i] - UInt8(ascii: "0")) * scale
                    scale /= 10
                    sawDigit = true
                    i += 1
                }
                guard sawDigit else { return nil }
            }
        }
        guard hour < 24, minute < 60, second < 60 else { return nil }

        var offsetSeconds: Int64 = 0
        if i < s.endIndex {
            let zone = s[i]
            i += 1
            switch zone {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                break
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard let offsetHours = digits(s, &i, 2) else { return nil }
                var offsetMinutes: Int64 = 0
                if i < s.endIndex {
                    _ = expect(s, &i, ":")
                    guard let m = digits(s, &i, 2) else { return nil }
                    offsetMinutes = m
                }
                guard offsetHours < 24, offsetMinutes < 60 else { return nil }
                offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (zone == UInt8(ascii: "-") ? -1 : 1)
            default:
                return nil
            }
            guard i == s.endIndex else { return nil }
        }

        let whole = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(whole) + fraction)
    }

    /// `/Date(1700000000000)/` or `/Date(1700000000000+0000)/`.
    private static func parseMicrosoftDate(_ s: ArraySlice<UInt8>) -> Date? {
        let prefix = Array("/Date(".utf8)
        let suffix = Array(")/".utf8)
        guard s.count > prefix.count + suffix.count,
              s.starts(with: prefix), s.reversed().starts(with: suffix.reversed()) else { return nil }
        let body = s[(s.startIndex + prefix.count)..<(s.endIndex - suffix.count)]
        var i = body.startIndex
        var negative = false
        if i < body.endIndex && body[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var milliseconds: Int64 = 0
        var digitCount = 0
        while i < body.endIndex, isDigit(body[i]) {
            // 15 digits (about 31 700 years) is plenty and cannot overflow.
            guard digitCount < 15 else { return nil }
            milliseconds = milliseconds * 10 + Int64(body[i] - UInt8(ascii: "0"))
            digitCount += 1
            i += 1
        }
        guard digitCount > 0 else { return nil }
        if i < body.endIndex {
            // Informational offset: sign and four digits, e.g. +0100. The milliseconds are already UTC.
            guard body[i] == UInt8(ascii: "+") || body[i] == UInt8(ascii: "-") else { return nil }
            i += 1
            guard let hours = digits(body, &i, 2), let minutes = digits(body, &i, 2),
                  hours < 24, minutes < 60, i == body.endIndex else { return nil }
        }
        let value = negative ? -milliseconds : milliseconds
        return Date(timeIntervalSince1970: Double(value) / 1000)
    }

    // MARK: Calendar arithmetic (proleptic Gregorian; Howard Hinnant's algorithms)

    private static func isLeapYear(_ y: Int64) -> Bool {
        (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    }

    private static func daysInMonth(_ y: Int64, _ m: Int64) -> Int64 {
        switch m {
        case 2: return isLeapYear(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 for a civil date.
    private static func daysFromCivil(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date for days since 1970-01-01.
    private static func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
