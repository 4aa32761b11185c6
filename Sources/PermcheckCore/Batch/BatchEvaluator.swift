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
    /// ``BriefRecordWriter``: verdict, status, requirement ids, principal, token summary, first fix (~500 bytes).
    case brief
    /// The diagnosis JSON contract plus `id` and `line` (``DiagnosisJSONWriter``, ~6 KB).
    case full
}

/// Evaluates batch lines (JSON Lines: a bare token, or `{"token", "api", "case", "id"}`) against shared evidence.
/// Each line becomes a ``CheckInput`` for the one pipeline. Pure and `Sendable`: lines can be evaluated on several threads.
public struct BatchEvaluator: Sendable {
    private let rules: RuleSet
    /// `--api ID`'s rule, resolved once; or `--request "METHOD URL"` (kept as text, resolved per line like a line's own
    /// request, so the diagnosis carries the request).
    private let defaultAPIRule: APIRule?
    private let defaultRequest: String?
    /// What the records written need: ``EvaluationDetail/brief`` for the brief record.
    private let detail: EvaluationDetail
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
                at: Date, observedStatus: Int? = nil, targetCloud: Cloud? = nil, detail: EvaluationDetail = .full) throws(PermcheckError) {
        let resolved = try defaultRule.map { choice throws(PermcheckError) in try Permcheck.resolveRule(choice, in: .loaded(rules)) }
        self.detail = detail
        self.rules = rules
        switch defaultRule {
        case .request(let line)?: (defaultAPIRule, defaultRequest) = (nil, line)
        default: (defaultAPIRule, defaultRequest) = (resolved?.0, nil)
        }
        var evidence = evidence
        if evidence.caseMembers != nil, evidence.caseMembers?.caseName == nil, let runCase = evidence.caseName {
            evidence.caseMembers?.caseName = runCase
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
            var choice = defaultAPIRule.map { CheckInput.RuleChoice.rule($0) } ?? defaultRequest.map { .request($0) }
            var caseName = evidence.caseName
            let token: CheckInput.TokenSource
            if firstNonSpace(bytes) == UInt8(ascii: "{") {
                let fields = try objectLine(bytes, number: number, id: &id)
                switch (fields.api, fields.request) {
                case (_?, _?): throw .inputInvalid(source: "line \(number)", detail: "give either 'api' or 'request', not both")
                case (let name?, nil): choice = .api(name)
                case (nil, let line?): choice = .request(line)
                case (nil, nil): break
                }
                if let name = fields.caseName { caseName = name }
                guard let tokenBytes = fields.token else {
                    throw .inputInvalid(source: "line \(number)", detail: "the object has no 'token'")
                }
                token = .line(tokenBytes, line: number)
            } else {
                token = .line(bytes, line: number)
            }
            guard let choice else {
                throw .usage("line \(number) names no API: add \"api\" or \"request\" to the line, or pass --api ID or --request \"METHOD URL\"")
            }
            var input = CheckInput(rule: choice, rules: .loaded(rules), token: token, at: at)
            input.evidence = evidence
            if caseName != evidence.caseName { input.evidence.caseName = caseName }
            // The member list is for the case its file names, else for --case (filled in once, in init); a line for
            // another case gets unknown.
            if caseName != nil, evidence.caseMembers != nil, evidence.caseMembers?.caseName == nil {
                input.evidence.caseMembers?.caseUnstated = true
            }
            input.headers = headers
            input.observedStatus = observedStatus
            input.targetCloud = targetCloud
            input.detail = detail
            return .diagnosis(id: id, line: number, try Permcheck.check(input))
        } catch {
            return .failure(id: id, line: number, message: error.message)
        }
    }

    /// An object line's fields; `token` is the range of the token's text in the line.
    struct LineFields {
        var id: JSONValue = .null
        var token: ArraySlice<UInt8>?
        var api: String?
        var request: String?
        var caseName: String?
    }

    /// Reads an object line: a scan of the bytes in hand when the line is plain JSON with known keys (the token is
    /// then not copied), else the strict parser, whose errors name the line.
    private func objectLine(_ bytes: ArraySlice<UInt8>, number: Int, id: inout JSONValue) throws(PermcheckError) -> LineFields {
        if let fields = scanObjectLine(bytes) { id = fields.id; return fields }
        let object = try parsedObjectLine(bytes, source: "line \(number)")
        var fields = LineFields()
        fields.id = object["id"] ?? .null
        id = fields.id
        fields.api = try string(object, "api", "line \(number)")
        fields.request = try string(object, "request", "line \(number)")
        fields.caseName = try string(object, "case", "line \(number)")
        // The parsed token may differ from the line's bytes (escapes): decode a copy.
        fields.token = try string(object, "token", "line \(number)").map { ArraySlice(Array($0.utf8)) }
        return fields
    }

    /// The object-line keys, as slots for ``JSONObjectScanner``.
    private static let lineKeyBytes: [[UInt8]] = ["token", "api", "request", "case", "id"].map { Array($0.utf8) }

    /// A scan of a plain object line; `nil` when the strict parser must decide (escapes, unknown keys, wrong
    /// types, invalid JSON), so every error reads as before.
    private func scanObjectLine(_ bytes: ArraySlice<UInt8>) -> LineFields? {
        bytes.withUnsafeBufferPointer { p -> LineFields? in
            withUnsafeTemporaryAllocation(of: JSONObjectScanner.Slot.self, capacity: 5) { slots -> LineFields? in
                var unknownKey = false
                let scanned = JSONObjectScanner.scan(p, slots: slots) { key in
                    let index = Self.lineKeyBytes.firstIndex { $0.count == key.count && memcmp($0, key.baseAddress!, key.count) == 0 }
                    if index == nil { unknownKey = true }
                    return index
                }
                guard scanned, !unknownKey else { return nil }
                func text(_ slot: Int) -> String?? {
                    guard slots[slot].found else { return .some(nil) }
                    guard let content = JSONObjectScanner.stringContent(p, slots[slot]) else { return nil }
                    return .some(String(decoding: content, as: UTF8.self))
                }
                var fields = LineFields()
                if slots[0].found {
                    guard let content = JSONObjectScanner.stringContent(p, slots[0]) else { return nil }
                    let start = bytes.startIndex + (content.baseAddress! - p.baseAddress!)
                    fields.token = bytes[start..<(start + content.count)]
                }
                guard let api = text(1), let request = text(2), let caseName = text(3) else { return nil }
                (fields.api, fields.request, fields.caseName) = (api, request, caseName)
                if slots[4].found {
                    guard let id = JSONObjectScanner.value(p, slots[4]) else { return nil }
                    switch id {
                    case .string, .number, .null: fields.id = id
                    default: return nil
                    }
                }
                return fields
            }
        }
    }
    private func parsedObjectLine(_ bytes: ArraySlice<UInt8>, source: String) throws(PermcheckError) -> [String: JSONValue] {
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
