import Foundation

/// The meaning of one error a ticket quotes, from `rules/data/error-codes.json`.
public struct ErrorMeaning: Sendable, Equatable {
    /// Stable id of the table entry, e.g. `aadsts-65001`.
    public let id: String
    /// What was matched, e.g. `InvalidAuthenticationToken`, `AADSTS65001`, `claims: acrs`.
    public let matched: String
    /// One line: what the error means.
    public let meaning: String
    /// What to do, when the table says.
    public let fix: String?
    /// URLs.
    public let sources: [String]
    /// How sure.
    public let confidence: Confidence
    /// The requirement kind this error points at when that layer is modelled (e.g. `directoryRole` for
    /// Authorization_RequestDenied on a delegated call whose scope is present).
    public var pointsAt: RequirementKind? = nil
}

/// The table of known error codes and messages (`rules/data/error-codes.json`, embedded). Data, not code:
/// adding an error means adding an entry with its sources.
public struct ErrorCatalog: Sendable {
    /// One entry: what it matches and what it means.
    public struct Entry: Sendable, Equatable {
        public let id: String
        /// `error.code` (case-insensitive).
        public let code: String?
        /// A case-insensitive substring of `error.message`.
        public let message: String?
        /// An AADSTS number.
        public let aadsts: Int?
        /// The `error` parameter of a `WWW-Authenticate` challenge.
        public let challengeError: String?
        /// A key under `access_token` in a decoded claims challenge.
        public let claim: String?
        /// The HTTP status the error comes with, if fixed.
        public let status: Int?
        public let meaning: String
        public let fix: String?
        public let sources: [String]
        public let confidence: Confidence
        /// The requirement kind the error points at (`pointsAt` in the table).
        public var pointsAt: RequirementKind? = nil

        /// How many match fields the entry has: more is more specific.
        var specificity: Int { [code, message, challengeError, claim].compactMap { $0 }.count + (aadsts == nil ? 0 : 1) }
    }

    /// The entries in file order.
    public let entries: [Entry]
    /// The meaning template for AADSTS codes not in the table (`{code}` is replaced).
    public let unknownAADSTS: (meaning: String, sources: [String], confidence: Confidence)?

    /// The embedded table, read strictly once (see ``DataFiles``).
    public static let shared: ErrorCatalog = DataFiles.embedded(DataFiles.errorCodes, ErrorCatalog.init(reading:))

    init(entries: [Entry], unknownAADSTS: (meaning: String, sources: [String], confidence: Confidence)?) {
        self.entries = entries
        self.unknownAADSTS = unknownAADSTS
    }

    /// Reads `error-codes.json`: `errors` (id, match, status, meaning, fix, sources, confidence) and `unknownAADSTS`.
    init(reading root: RuleObject) throws(PermcheckError) {
        try root.onlyKeys(["$comment", "errors", "unknownAADSTS"])
        var entries: [Entry] = []
        for item in try root.children("errors") {
            try item.onlyKeys(["id", "match", "status", "meaning", "fix", "sources", "confidence", "pointsAt"])
            let match = try item.requiredChild("match")
            try match.onlyKeys(["code", "message", "aadsts", "challengeError", "claim"])
            guard !match.object.isEmpty else { throw match.fail(nil, "'match' needs at least one of code, message, aadsts, challengeError, claim") }
            entries.append(Entry(
                id: try item.requiredString("id"), code: try match.string("code"), message: try match.string("message"),
                aadsts: try match.int("aadsts"), challengeError: try match.string("challengeError"), claim: try match.string("claim"),
                status: try item.int("status"), meaning: try item.requiredString("meaning"), fix: try item.string("fix"),
                sources: try item.requiredStrings("sources"), confidence: try item.confidence(),
                pointsAt: try Self.pointsAt(item)))
        }
        guard !entries.isEmpty else { throw root.fail(nil, "'errors' must not be empty") }
        let unknown = try root.requiredChild("unknownAADSTS")
        try unknown.onlyKeys(["meaning", "sources", "confidence"])
        self.init(entries: entries, unknownAADSTS: (try unknown.requiredString("meaning"), try unknown.requiredStrings("sources"),
                                                    try unknown.confidence()))
    }

    /// The requirement kind an entry's `pointsAt` names, which must be a known one.
    private static func pointsAt(_ item: RuleObject) throws(PermcheckError) -> RequirementKind? {
        guard let text = try item.string("pointsAt") else { return nil }
        guard let kind = RequirementKind(rawValue: text) else {
            throw item.fail("pointsAt", "'pointsAt' must be a requirement kind (\(RequirementKind.allCases.map(\.rawValue).joined(separator: ", "))), found '\(text)'")
        }
        return kind
    }

    /// The most specific entry for an error body's code and message (code+message before code alone;
    /// a message-only entry matches any code).
    public func entry(code: String?, message: String?) -> Entry? {
        let lowerMessage = message?.lowercased()
        return entries.filter { entry in
            guard entry.code != nil || entry.message != nil, entry.aadsts == nil, entry.challengeError == nil, entry.claim == nil else { return false }
            if let wanted = entry.code, code?.caseInsensitiveCompare(wanted) != .orderedSame { return false }
            if let wanted = entry.message, !(lowerMessage?.contains(wanted.lowercased()) ?? false) { return false }
            return true
        }.max { $0.specificity < $1.specificity }
    }

    /// The entry for an AADSTS number.
    public func entry(aadsts: Int) -> Entry? { entries.first { $0.aadsts == aadsts } }

    /// The entry for a challenge's `error` parameter.
    public func entry(challengeError: String) -> Entry? {
        entries.first { $0.challengeError?.caseInsensitiveCompare(challengeError) == .orderedSame }
    }

    /// The entry for a key of a claims challenge.
    public func entry(claim: String) -> Entry? { entries.first { $0.claim == claim } }

    /// Every meaning that applies to a parsed response, in the order: error body, AADSTS codes, challenge, claims.
    public func meanings(for response: ObservedResponse) -> [ErrorMeaning] {
        func meaning(_ entry: Entry, _ matched: String) -> ErrorMeaning {
            ErrorMeaning(id: entry.id, matched: matched, meaning: entry.meaning, fix: entry.fix, sources: entry.sources, confidence: entry.confidence,
                         pointsAt: entry.pointsAt)
        }
        var result: [ErrorMeaning] = []
        if response.code != nil || response.message != nil, let entry = entry(code: response.code, message: response.message) {
            let matched = entry.code == nil ? entry.message.map { "'\($0)'" } : nil
            result.append(meaning(entry, matched ?? response.code ?? "message"))
        }
        for code in response.aadstsCodes {
            if let entry = entry(aadsts: code) {
                result.append(meaning(entry, "AADSTS\(code)"))
            } else if let unknown = unknownAADSTS {
                result.append(ErrorMeaning(id: "aadsts-\(code)", matched: "AADSTS\(code)",
                                           meaning: unknown.meaning.replacingOccurrences(of: "{code}", with: String(code)),
                                           fix: nil, sources: unknown.sources, confidence: unknown.confidence))
            }
        }
        if let error = response.challenge?.error, let entry = entry(challengeError: error) {
            result.append(meaning(entry, "WWW-Authenticate error=\"\(error)\""))
        }
        for key in response.challenge?.claimsKeys ?? [] {
            if let entry = entry(claim: key) { result.append(meaning(entry, "claims challenge '\(key)'")) }
        }
        return result
    }
}
