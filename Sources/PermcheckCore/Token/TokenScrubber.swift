/// Hides anything shaped like a compact JWT (`eyJ…` with at least two `.`-separated segments) in text that is about
/// to be shown, e.g. when a token was pasted where a file name or an API id was expected and an error message
/// quotes the argument. Defence in depth: permcheck never renders the token text on purpose.
public enum TokenScrubber {
    /// What replaces a token-shaped run.
    public static let placeholder = "[token hidden]"

    /// `text` with every token-shaped run replaced by `placeholder`. Runs are maximal sequences of base64url
    /// characters, `.` and `=` that start with `eyJ` (base64url of `{"`), contain a `.` and are at least 20 bytes.
    public static func scrub(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, containsPrefix(bytes) else { return text }
        return String(decoding: scrub(bytes), as: UTF8.self)
    }

    /// `bytes` with every token-shaped run replaced by `placeholder`.
    public static func scrub(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 20, containsPrefix(bytes) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard isRunByte(bytes[index]) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isRunByte(bytes[end]) { end += 1 }
            let run = bytes[index..<end]
            if looksLikeToken(run) {
                out += placeholder.utf8
            } else {
                out += run
            }
            index = end
        }
        return out
    }

    private static func containsPrefix(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "e"), bytes[index + 1] == UInt8(ascii: "y"), bytes[index + 2] == UInt8(ascii: "J") { return true }
            index += 1
        }
        return false
    }

    private static func isRunByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    private static func looksLikeToken(_ run: ArraySlice<UInt8>) -> Bool {
        guard run.count >= 20, run.starts(with: "eyJ".utf8), let dot = run.firstIndex(of: UInt8(ascii: ".")) else { return false }
        return dot - run.startIndex >= 10 && dot + 1 < run.endIndex
    }
}
