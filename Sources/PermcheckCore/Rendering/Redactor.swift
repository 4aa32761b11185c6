import Foundation

/// Replaces personal data with stable placeholders (`user-1`, `id-2`, `tenant-1`, `ip-1`, `name-1`): the same value
/// always gets the same placeholder within one report. Well-known Microsoft app and role ids stay, and so do the
/// request, correlation and trace ids of an observed response (support needs them; they are not personal).
///
/// Redaction works on the data, before rendering (see `Redactor+Data.swift`: diagnoses, tokens, responses,
/// comparisons), so a renderer's escaping (JSON `\\`, Markdown `\|`) cannot hide a value from it. Each string is
/// handled in one pass: a string that is a collected value becomes its placeholder (whatever its length); in other
/// text, collected values are replaced where they form whole words, the longest match at a position winning, and role
/// and role-group names are kept (a surname "Hold" does not eat the role "Hold", while "Anna Hold" is still replaced);
/// then remaining e-mail addresses, GUIDs, IPv4 and IPv6 addresses and `DOMAIN\user` names are replaced.
///
/// A reference type: placeholders of swept values are numbered across calls, so one instance is one report.
/// Use it from one thread.
public final class Redactor: @unchecked Sendable {
    /// A value (or protected phrase) to look for, indexed by its first word.
    struct Candidate {
        let bytes: [UInt8]
        /// nil for a protected phrase (kept as it is).
        let placeholder: String?
    }

    private var map = ReplacementMap()
    private var index: [String: [Candidate]] = [:]
    private var protectedKeys: Set<String> = []
    private var indexedValues: Set<String> = []
    /// Values never replaced: the support identifiers (request, correlation, trace ids) of an observed response.
    private let kept: Set<String>

    /// Collects the values to redact from the token and the evidence; keeps the response's support identifiers.
    public convenience init(diagnosis: Diagnosis, evidence: Evidence) {
        self.init(claimsList: [diagnosis.token.claims], evidence: evidence,
                  keeping: diagnosis.observedResponse?.supportIdentifiers ?? [])
    }

    /// Collects values from several tokens (e.g. `compare`) and the evidence; `keeping` lists values never replaced.
    public init(claimsList: [Claims], evidence: Evidence, keeping: [String] = []) {
        kept = Set(keeping.map { $0.lowercased() })
        for claims in claimsList { collect(claims) }
        collect(evidence)
        for phrase in Self.builtInPhrases { protect(phrase) }
    }

    /// Role and role-group names permcheck's own messages use, kept even when no evidence lists them.
    static let builtInPhrases = ["eDiscovery Manager", "eDiscovery Administrator", "eDiscovery Administrators", "Organization Management",
                                 "Compliance Administrator", "Global Administrator", "Global Reader"]

    /// Claims that name or identify a person, by placeholder kind.
    static let personalClaims: [(String, String)] = [
        ("tid", "tenant"), ("upn", "user"), ("unique_name", "user"), ("preferred_username", "user"), ("email", "user"),
        ("verified_primary_email", "user"), ("samaccountname", "user"), ("name", "name"), ("given_name", "name"),
        ("family_name", "name"), ("oid", "id"), ("sub", "id"), ("puid", "id"), ("altsecid", "id"), ("onprem_sid", "id"),
        ("ipaddr", "ip"),
    ]

    /// Adds a token's personal values (a batch adds each line's token before redacting that line).
    public func collect(_ claims: Claims) {
        add(claims.tenantID, kind: "tenant")
        add(claims.username, kind: "user")
        add(claims.email, kind: "user")
        for (name, kind) in Self.personalClaims {
            switch claims.raw[name] {
            case .string(let value)?: add(value, kind: kind)
            case .array(let values)?: for value in values { add(value.stringValue, kind: kind) }
            default: break
            }
        }
        add(claims.displayName, kind: "name")
        add(claims.objectID, kind: "id")
        add(claims.subject, kind: "id")
        add(claims.ipAddress, kind: "ip")
        for group in claims.groups ?? [] { add(group, kind: "id") }
    }

    /// Adds the evidence's personal values; its role and role-group names are kept.
    public func collect(_ evidence: Evidence) {
        for kind in EvidenceKind.all {
            for (value, placeholder) in kind.personalData(evidence) { add(value, kind: placeholder) }
        }
        for group in evidence.roleGroups ?? [] {
            for phrase in [group.name, group.displayName].compactMap({ $0 }) + group.roles { protect(phrase) }
        }
    }

    private func add(_ value: String?, kind: String) {
        guard let value, !value.isEmpty, !kept.contains(value.lowercased()) else { return }
        let placeholder = map.placeholder(for: value, kind: kind)
        // Free text: two characters or more (a one-letter name would eat the word "A"); exact strings: any length.
        if value.utf8.count >= 2, indexedValues.insert(value).inserted { insert(Candidate(bytes: Array(value.utf8), placeholder: placeholder)) }
    }

    private func protect(_ phrase: String) {
        guard phrase.utf8.count >= 2, protectedKeys.insert(phrase.lowercased()).inserted else { return }
        insert(Candidate(bytes: Array(phrase.utf8), placeholder: nil))
    }

    private func insert(_ candidate: Candidate) {
        index[Self.firstWord(candidate.bytes[...]), default: []].append(candidate)
    }

    /// The leading run of word bytes (or the first byte when it is not a word byte).
    static func firstWord(_ bytes: ArraySlice<UInt8>) -> String {
        let word = bytes.prefix { PersonalDataScanner.isWordByte($0) }
        return String(decoding: word.isEmpty ? bytes.prefix(1) : word, as: UTF8.self)
    }

    /// `text` with personal values replaced (see the type's description).
    public func redact(_ text: String) -> String {
        let key = text.lowercased()
        if !protectedKeys.contains(key), !kept.contains(key), let placeholder = map.existing(for: text) { return placeholder }
        var result = replaceValues(in: text)
        result = sweep(result, finder: PersonalDataScanner.emails, kind: "user")
        result = sweep(result, finder: PersonalDataScanner.guids, kind: "id") { [kept] guid in
            kept.contains(guid.lowercased()) || KnownIDs.application(guid) != nil || KnownIDs.directoryRoleName(guid) != nil || guid.lowercased() == Claims.personalAccountTenantID
        }
        result = sweep(result, finder: PersonalDataScanner.ipv4Addresses, kind: "ip")
        result = sweep(result, finder: PersonalDataScanner.ipv6Addresses, kind: "ip")
        result = sweep(result, finder: PersonalDataScanner.downLevelLogonNames, kind: "user")
        return result
    }

    /// One pass over the words of `text`: at each word start, the longest value or protected phrase that matches
    /// and ends at a word boundary; protected phrases win ties and are copied unchanged.
    private func replaceValues(in text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var position = 0, copied = 0
        while position < bytes.count {
            let startsWord = position == 0 || !PersonalDataScanner.isWordByte(bytes[position - 1]) || !PersonalDataScanner.isWordByte(bytes[position])
            guard startsWord, let candidates = index[Self.firstWord(bytes[position...])] else { position += 1; continue }
            var best: Candidate?
            for candidate in candidates where candidate.bytes.count <= bytes.count - position {
                let end = position + candidate.bytes.count
                guard bytes[position..<end].elementsEqual(candidate.bytes),
                      end == bytes.count || !PersonalDataScanner.isWordByte(bytes[end]) || !PersonalDataScanner.isWordByte(bytes[end - 1]) else { continue }
                if let current = best, current.bytes.count > candidate.bytes.count
                    || (current.bytes.count == candidate.bytes.count && current.placeholder == nil) { continue }
                best = candidate
            }
            guard let best else { position += 1; continue }
            if let placeholder = best.placeholder {
                output += bytes[copied..<position]
                output += placeholder.utf8
                copied = position + best.bytes.count
            }
            position += best.bytes.count
        }
        guard copied > 0 else { return text }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// Replaces every range `finder` reports with the value's placeholder, unless `keep` says otherwise.
    private func sweep(_ text: String, finder: ([UInt8]) -> [Range<Int>], kind: String, keep: (String) -> Bool = { _ in false }) -> String {
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
    private var counters: [String: Int] = [:]

    mutating func placeholder(for value: String, kind: String) -> String {
        let key = value.lowercased()
        if let existing = placeholders[key] { return existing }
        let number = (counters[kind] ?? 0) + 1
        counters[kind] = number
        let placeholder = "\(kind)-\(number)"
        placeholders[key] = placeholder
        return placeholder
    }

    func existing(for value: String) -> String? { placeholders[value.lowercased()] }
}
