/// A URL template from a rule: `https://host/a/{id}/b/{rest*}`. Host labels may be `{name}`;
/// `{name}` matches one path segment, a final `{name*}` matches the rest. Matching ignores case, query and fragment.
public struct URLTemplate: Sendable, Equatable {
    /// The template text.
    public let text: String
    /// Host labels, e.g. `["{region}", "proxyservice", ...]`.
    let hostLabels: [String]
    /// Path segments.
    let segments: [String]

    /// Parses a template; `nil` when it is not `https://host/path`.
    public init?(_ text: String) {
        if text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            // Printable ASCII without spaces (every shipped template): bytes are characters, so the same rules read
            // byte by byte, without the Character iteration and Foundation search that cost ~70 k instructions a template.
            guard let parts = Self.asciiParts(Array(text.utf8)) else { return nil }
            self.text = text
            (hostLabels, segments) = parts
            return
        }
        guard text.hasPrefix("https://") else { return nil }
        let rest = text.dropFirst("https://".count)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let host = rest[..<slash]
        guard !host.isEmpty, !host.contains(" ") else { return nil }
        let path = rest[slash...]
        let segments = path.split(separator: "/").map { String($0) }
        for (index, segment) in segments.enumerated() {
            let opens = segment.filter { $0 == "{" }.count, closes = segment.filter { $0 == "}" }.count
            guard opens == closes, opens <= 1 else { return nil }
            if segment.hasSuffix("*}"), index != segments.count - 1 { return nil }
        }
        self.text = text
        hostLabels = host.lowercased().split(separator: ".").map(String.init)
        self.segments = segments
    }

    /// ``init(_:)`` for printable ASCII text without spaces: the lower-cased host labels and the path segments,
    /// or `nil` when the text is not `https://host/path` with at most one `{…}` per segment and `{name*}` last.
    private static func asciiParts(_ bytes: [UInt8]) -> (hostLabels: [String], segments: [String])? {
        let scheme = Array("https://".utf8)
        guard bytes.count >= scheme.count, bytes[..<scheme.count].elementsEqual(scheme) else { return nil }
        let rest = bytes[scheme.count...]
        let slash = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        guard slash > rest.startIndex else { return nil }
        let host = rest[..<slash].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
        let pieces = rest[slash...].split(separator: UInt8(ascii: "/"))
        for (index, piece) in pieces.enumerated() {
            let opens = piece.count { $0 == UInt8(ascii: "{") }, closes = piece.count { $0 == UInt8(ascii: "}") }
            guard opens == closes, opens <= 1 else { return nil }
            if piece.count >= 2, piece.suffix(2).elementsEqual("*}".utf8), index != pieces.count - 1 { return nil }
        }
        return (host.split(separator: UInt8(ascii: ".")).map { String(decoding: $0, as: UTF8.self) },
                pieces.map { String(decoding: $0, as: UTF8.self) })
    }

    /// The template's host, lower-cased.
    public var host: String { hostLabels.joined(separator: ".") }

    /// How well a request URL matches: `nil` for no match, else the number of literal segments matched (more is more specific).
    public func match(host requestHost: String, path requestSegments: [Substring], hostEquivalent: (String, String) -> Bool) -> Int? {
        let labels = requestHost.lowercased().split(separator: ".")
        let hostMatches: Bool
        if hostLabels.contains(where: { $0.hasPrefix("{") }) {
            hostMatches = labels.count == hostLabels.count && zip(hostLabels, labels).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        } else {
            hostMatches = hostEquivalent(host, requestHost.lowercased())
        }
        guard hostMatches else { return nil }
        var literal = 0
        for (index, segment) in segments.enumerated() {
            if segment.hasPrefix("{") && segment.hasSuffix("*}") { return requestSegments.count > index ? literal : nil }
            guard index < requestSegments.count else { return nil }
            let actual = requestSegments[index]
            if segment.hasPrefix("{") && segment.hasSuffix("}") { continue }
            guard segment.caseInsensitiveEquals(actual) else { return nil }
            literal += 1
        }
        return requestSegments.count == segments.count ? literal : nil
    }
}

extension StringProtocol {
    /// ASCII case-insensitive equality (fast, no allocation for ASCII text).
    func caseInsensitiveEquals<Other: StringProtocol>(_ other: Other) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        // Index loop, not zip(): instantiating Zip2Sequence's metadata cost ~1 M instructions on first use.
        var i = a.startIndex, j = b.startIndex
        while i != a.endIndex {
            let x = a[i], y = b[j]
            if x != y {
                let lx = (x >= 65 && x <= 90) ? x | 0x20 : x
                let ly = (y >= 65 && y <= 90) ? y | 0x20 : y
                if lx != ly { return false }
            }
            a.formIndex(after: &i)
            b.formIndex(after: &j)
        }
        return true
    }
}
