import Foundation

/// What one batch line produced: a diagnosis, or an error that names the line (the batch goes on).
public enum BatchOutcome: Sendable {
    /// The line was evaluated. `id` is the line's `id` (or null).
    case diagnosis(id: JSONValue, line: Int, Diagnosis)
    /// The line could not be evaluated.
    case failure(id: JSONValue, line: Int, message: String)

    /// The JSON Lines record: the compact diagnosis JSON plus `id` and `line`, or `{"error", "id", "line"}`.
    /// Ends with a newline.
    public func jsonLine() -> String {
        var bytes: [UInt8] = []
        appendJSONLine(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``jsonLine()``'s bytes to `out`, written directly (no `JSONValue` tree): the batch hot path.
    public func appendJSONLine(into out: inout [UInt8]) {
        switch self {
        case .diagnosis(let id, let line, let diagnosis):
            DiagnosisJSONWriter.append(diagnosis, id: id, line: line, into: &out)
        case .failure(let id, let line, let message):
            JSONWriter.emit(.object(["id": id, "line": .number(JSONNumber(line)), "error": .string(message)]), into: &out)
        }
        out.append(UInt8(ascii: "\n"))
    }
}

/// Evaluates batch lines (JSON Lines: a bare token, or `{"token", "api", "case", "id"}`) against shared evidence.
/// Pure and `Sendable`: lines can be evaluated on several threads.
public struct BatchEvaluator: Sendable {
    private let rulesByName: [String: APIRule]
    private let rules: RuleSet
    private let defaultRule: APIRule?
    private let evidence: Evidence
    private let request: RequestContext
    private let at: Date
    private let observedStatus: Int?
    private let targetCloud: Cloud?

    /// The keys an object line may have.
    public static let lineKeys: Set<String> = ["token", "api", "request", "case", "id"]

    /// Creates an evaluator. `defaultAPI` (from `--api`) applies to lines that name none.
    public init(rules: RuleSet, defaultAPI: String?, evidence: Evidence, request: RequestContext = RequestContext(),
                at: Date, observedStatus: Int? = nil, targetCloud: Cloud? = nil) throws(PermcheckError) {
        var index: [String: APIRule] = [:]
        for rule in rules.rules { for name in [rule.id] + rule.aliases { index[name.lowercased()] = rule } }
        rulesByName = index
        self.rules = rules
        defaultRule = try defaultAPI.map { name throws(PermcheckError) in try rules.rule(named: name) }
        self.evidence = evidence
        self.request = request
        self.at = at
        self.observedStatus = observedStatus
        self.targetCloud = targetCloud
    }

    /// Evaluates one line (without its newline). `number` is its 1-based line number.
    public func evaluate(line bytes: ArraySlice<UInt8>, number: Int) -> BatchOutcome {
        var id: JSONValue = .null
        do throws(PermcheckError) {
            let source = "line \(number)"
            var rule = defaultRule
            var caseName = evidence.caseName
            var requestForLine = request
            var cloudForLine = targetCloud
            let token: AccessToken
            if firstNonSpace(bytes) == UInt8(ascii: "{") {
                let fields = try objectLine(bytes, source: source)
                id = fields["id"] ?? .null
                var lineRequest = request
                var lineCloud = targetCloud
                switch (try string(fields, "api", source), try string(fields, "request", source)) {
                case (_?, _?):
                    throw .inputInvalid(source: source, detail: "give either 'api' or 'request', not both")
                case (let name?, nil):
                    rule = try lookup(name)
                case (nil, let line?):
                    let resolved = try RequestResolver.resolve(line, rules: rules, catalog: .embedded)
                    rule = resolved.rule
                    lineRequest.method = resolved.target.method
                    lineRequest.url = resolved.target.url
                    lineCloud = targetCloud ?? resolved.target.cloud
                case (nil, nil):
                    break
                }
                requestForLine = lineRequest
                cloudForLine = lineCloud
                if let name = try string(fields, "case", source) { caseName = name }
                guard let text = try string(fields, "token", source) else {
                    throw .inputInvalid(source: source, detail: "the object has no 'token'")
                }
                token = try TokenDecoder.decode(Array(text.utf8), source: source)
            } else {
                token = try TokenDecoder.decode(Array(bytes), source: source)
            }
            guard let rule else {
                throw .usage("line \(number) names no API: add \"api\" to the line or pass --api ID")
            }
            var lineEvidence = evidence
            lineEvidence.caseName = caseName
            // The member list is for the case its file names, else for --case; a line for another case gets unknown.
            if lineEvidence.caseMembers?.caseName == nil {
                if let runCase = evidence.caseName { lineEvidence.caseMembers?.caseName = runCase }
                else if caseName != nil { lineEvidence.caseMembers?.caseUnstated = true }
            }
            let input = EvaluationInput(token: token, evidence: lineEvidence, request: requestForLine, at: at,
                                        observedStatus: observedStatus, targetCloud: cloudForLine)
            return .diagnosis(id: id, line: number, Evaluator.evaluate(rule, input))
        } catch {
            return .failure(id: id, line: number, message: error.message)
        }
    }

    private func lookup(_ name: String) throws(PermcheckError) -> APIRule {
        if let rule = rulesByName[name.lowercased()] { return rule }
        return try rules.rule(named: name)
    }

    private func objectLine(_ bytes: ArraySlice<UInt8>, source: String) throws(PermcheckError) -> [String: JSONValue] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(Array(bytes), limits: JSONLimits(maxDepth: 4, maxBytes: InputLimits.tokenBytes + 4096))
        } catch {
            throw .inputInvalid(source: source, detail: "it starts with '{' but is not valid JSON (\(error.message) at column \(error.column))")
        }
        guard case .object(let fields) = value else { throw .inputInvalid(source: source, detail: "expected an object") }
        for key in fields.keys.sorted() where !Self.lineKeys.contains(key) {
            throw .inputInvalid(source: source, detail: "unknown field '\(key)' (expected token, api, request, case, id)")
        }
        if let id = fields["id"] {
            switch id {
            case .string, .number, .null: break
            default: throw .inputInvalid(source: source, detail: "'id' must be a string or a number")
            }
        }
        return fields
    }

    private func string(_ fields: [String: JSONValue], _ key: String, _ source: String) throws(PermcheckError) -> String? {
        guard let value = fields[key] else { return nil }
        guard case .string(let text) = value else { throw .inputInvalid(source: source, detail: "'\(key)' must be a string, found \(value.typeName)") }
        return text
    }

    private func firstNonSpace(_ bytes: ArraySlice<UInt8>) -> UInt8? {
        bytes.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
    }
}
