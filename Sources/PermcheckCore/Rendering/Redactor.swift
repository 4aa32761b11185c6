import Foundation

/// Replaces personal data in rendered output with stable placeholders (`user-1`, `id-2`, `tenant-1`, `ip-1`, `name-1`):
/// the same input value always gets the same placeholder within one report. Well-known Microsoft app and role ids stay,
/// and so do the request, correlation and trace ids of an observed response (support needs them; they are not personal).
public struct Redactor: Sendable {
    private let replacements: [(String, String)]
    /// Non-personal phrases that may contain a personal value as a word (role group "eDiscovery Manager" vs a user
    /// whose surname is Manager); they are kept as they are.
    private let protected: [String]
    /// Values never replaced: the support identifiers (request, correlation, trace ids) of an observed response.
    private let kept: Set<String>
    /// The collected values' placeholders; the sweep for leftover e-mails, GUIDs and IPs continues its numbering.
    private let collected: ReplacementMap

    /// Collects the values to redact from the token and the evidence; keeps the response's support identifiers.
    public init(diagnosis: Diagnosis, evidence: Evidence) {
        self.init(claimsList: [diagnosis.token.claims], evidence: evidence,
                  keeping: diagnosis.observedResponse?.supportIdentifiers ?? [])
    }

    /// Collects values from several tokens (e.g. `compare`) and the evidence; `keeping` lists values never replaced.
    public init(claimsList: [Claims], evidence: Evidence, keeping: [String] = []) {
        kept = Set(keeping.map { $0.lowercased() })
        var map = ReplacementMap()
        for claims in claimsList {
            map.add(claims.tenantID, kind: "tenant")
            map.add(claims.username, kind: "user")
            map.add(claims.email, kind: "user")
            map.add(claims.raw["upn"]?.stringValue, kind: "user")
            map.add(claims.raw["unique_name"]?.stringValue, kind: "user")
            map.add(claims.raw["preferred_username"]?.stringValue, kind: "user")
            map.add(claims.displayName, kind: "name")
            map.add(claims.raw["given_name"]?.stringValue, kind: "name")
            map.add(claims.raw["family_name"]?.stringValue, kind: "name")
            map.add(claims.objectID, kind: "id")
            map.add(claims.subject, kind: "id")
            map.add(claims.ipAddress, kind: "ip")
            for group in claims.groups ?? [] { map.add(group, kind: "id") }
        }
        for kind in EvidenceKind.all {
            for (value, placeholder) in kind.personalData(evidence) { map.add(value, kind: placeholder) }
        }
        replacements = map.ordered
        collected = map
        let groups = evidence.roleGroups ?? []
        let phrases = groups.flatMap { [$0.name, $0.displayName].compactMap { $0 } + $0.roles } + Self.builtInPhrases
        protected = Array(Set(phrases.filter { $0.count >= 3 })).sorted { $0.count == $1.count ? $0 < $1 : $0.count > $1.count }
    }

    /// Role and role-group names permcheck's own messages use, kept even when no evidence lists them.
    static let builtInPhrases = ["eDiscovery Manager", "eDiscovery Administrator", "eDiscovery Administrators", "Organization Management",
                                 "Compliance Administrator", "Global Administrator", "Global Reader"]

    /// The output with every collected value, and any remaining e-mail address, GUID or IPv4 address, replaced.
    public func redact(_ text: String) -> String {
        // Mask protected phrases, replace whole-word values only (a surname 'Admin' must not eat 'Administrator'), unmask.
        var result = text
        for (index, phrase) in protected.enumerated() {
            result = result.replacingOccurrences(of: phrase, with: "\u{E000}\(index)\u{E001}")
        }
        // Evidence may hold 100 000 names while the report mentions a handful: skip values that cannot occur
        // (a cheap trigram check) instead of searching the report once per value.
        var trigrams = Trigrams(result)
        for (value, placeholder) in replacements where !kept.contains(value.lowercased()) && trigrams.mayContain(value) {
            let replaced = Self.replaceWholeWords(value, with: placeholder, in: result)
            if replaced != result {
                result = replaced
                trigrams = Trigrams(result)
            }
        }
        for (index, phrase) in protected.enumerated().reversed() {
            result = result.replacingOccurrences(of: "\u{E000}\(index)\u{E001}", with: phrase)
        }
        var map = collected
        result = Self.sweep(result, finder: PersonalDataScanner.emails, kind: "user", map: &map)
        result = Self.sweep(result, finder: PersonalDataScanner.guids, kind: "id", map: &map) { [kept] guid in
            kept.contains(guid.lowercased()) || KnownIDs.application(guid) != nil || KnownIDs.directoryRoleName(guid) != nil || guid.lowercased() == Claims.personalAccountTenantID
        }
        result = Self.sweep(result, finder: PersonalDataScanner.ipv4Addresses, kind: "ip", map: &map)
        return result
    }

    /// Replaces `value` where it is not part of a longer word (letters, digits, '_' or '-' on either side).
    static func replaceWholeWords(_ value: String, with placeholder: String, in text: String) -> String {
        PersonalDataScanner.replaceWholeWords(value, with: placeholder, in: text)
    }

    /// Replaces every range `finder` reports with the value's placeholder, unless `keep` says otherwise.
    private static func sweep(_ text: String, finder: ([UInt8]) -> [Range<Int>], kind: String, map: inout ReplacementMap,
                              keep: (String) -> Bool = { _ in false }) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var copied = 0
        for range in finder(bytes) {
            let value = String(decoding: bytes[range], as: UTF8.self)
            if keep(value) || value.hasPrefix(kind + "-") { continue }
            output += bytes[copied..<range.lowerBound]
            output += map.placeholder(for: value, kind: kind).utf8
            copied = range.upperBound
        }
        guard copied > 0 else { return text }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }
}

/// Value → placeholder, numbered per kind in order of first appearance.
struct ReplacementMap {
    private var placeholders: [String: String] = [:]
    private var order: [String] = []
    private var counters: [String: Int] = [:]

    init() {}

    mutating func placeholder(for value: String, kind: String) -> String {
        let key = value.lowercased()
        if let existing = placeholders[key] { return existing }
        let number = (counters[kind] ?? 0) + 1
        counters[kind] = number
        let placeholder = "\(kind)-\(number)"
        placeholders[key] = placeholder
        order.append(value)
        return placeholder
    }

    mutating func add(_ value: String?, kind: String) {
        guard let value, value.count >= 3 else { return }
        _ = placeholder(for: value, kind: kind)
    }

    /// Longest values first (UTF-8 length), so a UPN is replaced before its local part; equal lengths keep their
    /// order of first appearance. Bucketed by length: evidence can hold 100 000 values.
    var ordered: [(String, String)] {
        var byLength: [Int: [String]] = [:]
        for value in order { byLength[value.utf8.count, default: []].append(value) }
        return byLength.keys.sorted(by: >).flatMap { length in
            byLength[length]!.map { ($0, placeholders[$0.lowercased()]!) }
        }
    }
}

/// The set of 3-byte windows of a text's UTF-8: a value none of whose windows is missing may occur in the text;
/// any other value certainly does not. Non-ASCII values always "may" occur (Foundation's search matches canonically
/// equivalent forms, which differ in bytes).
struct Trigrams {
    private var windows: Set<UInt32> = []

    init(_ text: String) {
        var window: UInt32 = 0
        for (index, byte) in text.utf8.enumerated() {
            window = (window << 8 | UInt32(byte)) & 0xFF_FFFF
            if index >= 2 { windows.insert(window) }
        }
    }

    func mayContain(_ value: String) -> Bool {
        let bytes = value.utf8
        guard bytes.count >= 3, bytes.allSatisfy({ $0 < 0x80 }) else { return true }
        var window: UInt32 = 0
        for (index, byte) in bytes.enumerated() {
            window = (window << 8 | UInt32(byte)) & 0xFF_FFFF
            if index >= 2, !windows.contains(window) { return false }
        }
        return true
    }
}
