/// Every way permcheck can fail to produce a verdict. Each case has a stable `code`, a one-line `message`
/// (full sentence, faulty value in single quotes, then the next step) and an `exitCode`.
///
/// A denial is not an error: errors mean "no verdict could be computed" and always exit 2.
public enum PermcheckError: Error, Sendable, Equatable {
    /// The command line could not be understood.
    case usage(String)
    /// A token could not be read from its source (missing file, empty variable).
    case tokenUnreadable(source: String, detail: String)
    /// The token's text is not a decodable JWS. `part` names where: `token`, `header`, `payload`, `signature`.
    case tokenMalformed(source: String, part: String, detail: String)
    /// A claim has the wrong type or an impossible value; permcheck reports it rather than coercing it.
    case claimInvalid(source: String, claim: String, detail: String)
    /// An input exceeded one of permcheck's documented limits.
    case inputTooLarge(source: String, limit: String)
    /// An evidence file could not be read.
    case evidenceUnreadable(path: String, detail: String)
    /// An evidence file was read but its content is not one of the accepted shapes.
    case evidenceInvalid(path: String, location: String, detail: String)
    /// A rule file is invalid. `line` is 0 when unknown.
    case ruleInvalid(path: String, line: Int, id: String?, detail: String)
    /// No rule has this id or alias.
    case unknownAPI(String, suggestions: [String])
    /// Another input (request line, response body, plan, catalogue) is invalid.
    case inputInvalid(source: String, detail: String)

    /// A stable, machine-readable identifier, e.g. `token.malformed`.
    public var code: String {
        switch self {
        case .usage: "usage"
        case .tokenUnreadable: "token.unreadable"
        case .tokenMalformed: "token.malformed"
        case .claimInvalid: "token.claim-invalid"
        case .inputTooLarge: "input.too-large"
        case .evidenceUnreadable: "evidence.unreadable"
        case .evidenceInvalid: "evidence.invalid"
        case .ruleInvalid: "rule.invalid"
        case .unknownAPI: "api.unknown"
        case .inputInvalid: "input.invalid"
        }
    }

    /// The single line shown to the user after `error: `. A token pasted where something else was expected is
    /// quoted as `[token hidden]`, never as its text.
    public var message: String { TokenScrubber.scrub(unscrubbedMessage) }

    private var unscrubbedMessage: String {
        switch self {
        case .usage(let text):
            return text
        case .tokenUnreadable(let source, let detail):
            return "Cannot read the token from \(source): " + Self.sentence(detail)
        case .tokenMalformed(let source, let part, let detail):
            return "The token from \(source) is malformed (\(part)): " + Self.sentence(detail)
        case .claimInvalid(let source, let claim, let detail):
            return "The token from \(source) has an invalid claim '\(claim)': " + Self.sentence(detail)
        case .inputTooLarge(let source, let limit):
            return "\(source.prefix(1).uppercased() + source.dropFirst()) is larger than permcheck's limit of \(limit); trim it to the relevant part."
        case .evidenceUnreadable(let path, let detail):
            return "Cannot read evidence file '\(path)': " + Self.sentence(detail)
        case .evidenceInvalid(let path, let location, let detail):
            let at = location.isEmpty ? "" : " at \(location)"
            return "Evidence file '\(path)'\(at) is not in an accepted shape: " + Self.sentence(detail)
        case .ruleInvalid(let path, let line, let id, let detail):
            let place = line > 0 ? "\(path):\(line)" : path
            let rule = id.map { " (rule '\($0)')" } ?? ""
            return "\(place)\(rule): " + Self.sentence(detail)
        case .unknownAPI(let id, let suggestions):
            let hint = suggestions.isEmpty ? "" : " Did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
            return "No API rule is named '\(id)'.\(hint) Run 'permcheck apis' to list them."
        case .inputInvalid(let source, let detail):
            return "\(source.prefix(1).uppercased() + source.dropFirst()) is invalid: " + Self.sentence(detail)
        }
    }

    /// `text` ending in exactly one sentence mark: "did you mean 'scope'?" stays, anything else gets a full stop.
    static func sentence(_ text: String) -> String {
        text.hasSuffix(".") || text.hasSuffix("?") || text.hasSuffix("!") ? text : text + "."
    }

    /// The process exit code: always 2 (usage, input or rule-file error).
    public var exitCode: Int32 { 2 }
}
