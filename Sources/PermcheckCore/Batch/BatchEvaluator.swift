import Foundation

/// What one batch line produced: a diagnosis, or an error that names the line (the batch goes on).
public enum BatchOutcome: Sendable {
    /// The line was evaluated. `id` is the line's `id` (or null).
    case diagnosis(id: JSONValue, line: Int, Diagnosis)
    /// The line could not be evaluated.
    case failure(id: JSONValue, line: Int, message: String)

    /// The JSON Lines record (see ``BatchRecord``), or `{"error", "id", "line"}`. Ends with a newline.
    public func jsonLine(_ record: BatchRecord = .full) -> String {
        var bytes: [UInt8] = []
        appendJSONLine(record, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``jsonLine(_:)``'s bytes to `out`, written directly (no `JSONValue` tree): the batch hot path.
    public func appendJSONLine(_ record: BatchRecord = .full, into out: inout [UInt8]) {
        switch self {
        case .diagnosis(let id, let line, let diagnosis):
            switch record {
            case .brief: BriefRecordWriter.append(diagnosis, id: id, line: line, into: &out)
            case .full: DiagnosisJSONWriter.append(diagnosis, id: id, line: line, into: &out)
            }
        case .failure(let id, let line, let message):
            JSONWriter.emit(.object(["id": id, "line": .number(JSONNumber(line)), "error": .string(message)]), into: &out)
        }
        out.append(UInt8(ascii: "\n"))
    }
}

/// The shape of a batch line's record.
public enum BatchRecord: Sendable {
    /// ``BriefRecordWriter``: verdict, status, requirement ids, principal, token summary, first fix (~300 bytes).
    case brief
    /// The diagnosis JSON contract plus `id` and `line` (``DiagnosisJSONWriter``, ~6 KB).
    case full
}

/// Evaluates batch lines (JSON Lines: a bare token, or `{"token", "api", "case", "id"}`) against shared evidence.
/// Each line becomes a ``CheckInput`` for the one pipeline. Pure and `Sendable`: lines can be evaluated on several threads.
public struct BatchEvaluator: Sendable {
    private let rules: RuleSet
    /// `--api ID` or `--request "METHOD URL"`: the rule for lines that name none (kept as text: Sendable).
    private let defaultRule: (api: String?, request: String?)
    private let evidence: Evidence
    private let headers: [(name: String, value: String)]?
    private let at: Date
    private let observedStatus: Int?
    private let targetCloud: Cloud?

    /// The keys an object line may have.
    public static let lineKeys: Set<String> = ["token", "api", "request", "case", "id"]

    /// Creates an evaluator. `defaultRule` (from `--api` or `--request`) applies to lines that name neither an API
    /// nor a request, and is resolved once here so a bad one fails before any line; `evidence` is read once
    /// (``Permcheck/readEvidence(_:into:context:)``) and shared by every line.
    public init(rules: RuleSet, defaultRule: CheckInput.RuleChoice?, evidence: Evidence, headers: [(name: String, value: String)]? = nil,
                at: Date, observedStatus: Int? = nil, targetCloud: Cloud? = nil) throws(PermcheckError) {
        if let defaultRule { _ = try Permcheck.resolveRule(defaultRule, in: .loaded(rules)) }
        self.rules = rules
        switch defaultRule {
        case .api(let name)?: self.defaultRule = (name, nil)
        case .request(let line)?: self.defaultRule = (nil, line)
        default: self.defaultRule = (nil, nil)
        }
        self.evidence = evidence
        self.headers = headers
        self.at = at
        self.observedStatus = observedStatus
        self.targetCloud = targetCloud
    }

    /// Evaluates one line (without its newline). `number` is its 1-based line number.
    public func evaluate(line bytes: ArraySlice<UInt8>, number: Int) -> BatchOutcome {
        var id: JSONValue = .null
        do throws(PermcheckError) {
            let source = "line \(number)"
            var choice = defaultRule.api.map { CheckInput.RuleChoice.api($0) } ?? defaultRule.request.map { .request($0) }
            var caseName = evidence.caseName
            let token: CheckInput.TokenSource
            if firstNonSpace(bytes) == UInt8(ascii: "{") {
                let fields = try objectLine(bytes, source: source)
                id = fields["id"] ?? .null
                switch (try string(fields, "api", source), try string(fields, "request", source)) {
                case (_?, _?): throw .inputInvalid(source: source, detail: "give either 'api' or 'request', not both")
                case (let name?, nil): choice = .api(name)
                case (nil, let line?): choice = .request(line)
                case (nil, nil): break
                }
                if let name = try string(fields, "case", source) { caseName = name }
                guard let text = try string(fields, "token", source) else {
                    throw .inputInvalid(source: source, detail: "the object has no 'token'")
                }
                token = .bytes(Array(text.utf8), source: source)
            } else {
                token = .bytes(Array(bytes), source: source)
            }
            guard let choice else {
                throw .usage("line \(number) names no API: add \"api\" or \"request\" to the line, or pass --api ID or --request \"METHOD URL\"")
            }
            var input = CheckInput(rule: choice, rules: .loaded(rules), token: token, at: at)
            input.evidence = evidence
            input.evidence.caseName = caseName
            // The member list is for the case its file names, else for --case; a line for another case gets unknown.
            if input.evidence.caseMembers?.caseName == nil {
                if let runCase = evidence.caseName { input.evidence.caseMembers?.caseName = runCase }
                else if caseName != nil { input.evidence.caseMembers?.caseUnstated = true }
            }
            input.headers = headers
            input.observedStatus = observedStatus
            input.targetCloud = targetCloud
            return .diagnosis(id: id, line: number, try Permcheck.check(input))
        } catch {
            return .failure(id: id, line: number, message: error.message)
        }
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
