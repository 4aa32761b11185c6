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

    /// The embedded table, parsed once.
    public static let shared: ErrorCatalog = {
        guard let file = EmbeddedRules.dataFiles.first(where: { $0.path.hasSuffix("error-codes.json") }),
              let value = try? JSONParser.parse(file.content) else { return ErrorCatalog(entries: [], unknownAADSTS: nil) }
        return ErrorCatalog(value)
    }()

    init(entries: [Entry], unknownAADSTS: (meaning: String, sources: [String], confidence: Confidence)?) {
        self.entries = entries
        self.unknownAADSTS = unknownAADSTS
    }

    /// Reads the table; entries without an id or a meaning are skipped (a test checks none are).
    public init(_ value: JSONValue) {
        func strings(_ v: JSONValue?) -> [String] { v?.arrayValue?.compactMap(\.stringValue) ?? [] }
        func confidence(_ v: JSONValue?) -> Confidence { v?.stringValue.flatMap(Confidence.init(rawValue:)) ?? .inferred }
        var entries: [Entry] = []
        for item in value["errors"]?.arrayValue ?? [] {
            guard let id = item["id"]?.stringValue, let meaning = item["meaning"]?.stringValue else { continue }
            let match = item["match"]
            entries.append(Entry(
                id: id, code: match?["code"]?.stringValue, message: match?["message"]?.stringValue,
                aadsts: match?["aadsts"]?.numberValue?.int64.map { Int($0) },
                challengeError: match?["challengeError"]?.stringValue, claim: match?["claim"]?.stringValue,
                status: item["status"]?.numberValue?.int64.map { Int($0) }, meaning: meaning, fix: item["fix"]?.stringValue,
                sources: strings(item["sources"]), confidence: confidence(item["confidence"]),
                pointsAt: item["pointsAt"]?.stringValue.flatMap(RequirementKind.init(rawValue:))))
        }
        let unknown = value["unknownAADSTS"]
        self.init(entries: entries, unknownAADSTS: unknown?["meaning"]?.stringValue.map {
            ($0, strings(unknown?["sources"]), confidence(unknown?["confidence"]))
        })
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
