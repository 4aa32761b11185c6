import Foundation

/// Where a pre-flight check reads its token from. The token text itself is never stored in the plan.
public enum PlanTokenSource: Sendable, Equatable {
    /// A file, relative to the plan's directory unless absolute.
    case file(String)
    /// An environment variable (what a CI job sets from `az account get-access-token`).
    case environment(String)
    /// Standard input (read once, shared by every check that names it).
    case standardInput
}

/// One check of a pre-flight plan: a token, the API it must be able to call, and the evidence to judge it by.
public struct PlanCheck: Sendable, Equatable {
    /// The check's name, shown in every output format (default `check-N`).
    public var name: String
    /// 1-based position in the plan's `checks` array.
    public var index: Int
    /// The line of the plan file on which the check starts (for annotations), or 0.
    public var line: Int
    /// Where the token comes from.
    public var token: PlanTokenSource
    /// The API rule id or alias (`api`), or a request line `METHOD URL` (`request`) resolved like `--request`;
    /// exactly one of the two is set.
    public var api: String?
    public var request: String?
    /// Evidence file paths as written in the plan (relative to the plan's directory), keyed by CLI option name
    /// by ``EvidenceKind/key`` (`caseMembers`, `roleGroups`, …).
    public var evidenceFiles: [String: String]
    /// The case and collection the call targets.
    public var caseName: String?
    public var collectionName: String?
    /// Headers the request sends (`Name: value`).
    public var headers: [String]?
    /// The time to evaluate at (default: the plan's `at`, else now).
    public var at: Date?
}

/// A pre-flight plan: checks a pipeline runs before the job that needs the access.
///
/// Schema (strict: unknown keys are errors):
/// `{"at"?: ISO8601, "checks": [{"name"?, "token": {"file"|"env": string} | {"stdin": true}, "api": ID,
///   "case"?, "collection"?, one key per evidence kind (``EvidenceKind/key``, e.g. "caseMembers")?,
///   "headers"?: [string], "at"?: ISO8601}]}`.
public struct PreflightPlan: Sendable, Equatable {
    /// The checks, in plan order.
    public var checks: [PlanCheck]

    /// The keys a check may have: its own and one per evidence kind (``EvidenceKind/key``).
    static let checkKeys: Set<String> = Set(EvidenceKind.keys + ["name", "token", "api", "request", "case", "collection", "headers", "at"])

    /// Reads a plan from the bytes of `path`.
    /// - Throws: `PermcheckError.inputInvalid` naming the plan, the check (1-based index and name) and the field.
    public static func parse(_ bytes: [UInt8], path: String) throws(PermcheckError) -> PreflightPlan {
        let source = "plan '\(path)'"
        let parsed: (value: JSONValue, lines: [String: Int])
        do {
            parsed = try JSONParser.parseWithLines(bytes, limits: JSONLimits(maxDepth: InputLimits.fileJSONDepth, maxBytes: InputLimits.fileBytes))
        } catch {
            throw .inputInvalid(source: source, detail: "it is not valid JSON (\(error.description))")
        }
        guard case .object(let root) = parsed.value else {
            throw .inputInvalid(source: source, detail: "expected an object {\"checks\": [...]}, found \(parsed.value.typeName)")
        }
        for key in root.keys.sorted() where key != "checks" && key != "at" {
            throw .inputInvalid(source: source, detail: "unknown top-level field '\(key)' (expected 'checks' and optionally 'at')")
        }
        let defaultAt = try date(root["at"], field: "at", where: "top level", source: source)
        guard case .array(let items)? = root["checks"] else {
            throw .inputInvalid(source: source, detail: "field 'checks' must be an array of checks")
        }
        guard !items.isEmpty else { throw .inputInvalid(source: source, detail: "field 'checks' is empty") }
        var checks: [PlanCheck] = []
        var names: Set<String> = []
        for (offset, item) in items.enumerated() {
            var check = try parseCheck(item, index: offset + 1, line: parsed.lines["/checks/\(offset)"] ?? 0, source: source)
            if check.at == nil { check.at = defaultAt }
            guard names.insert(check.name).inserted else {
                throw .inputInvalid(source: source, detail: "check \(check.index), field 'name': the name '\(check.name)' is used by an earlier check")
            }
            checks.append(check)
        }
        return PreflightPlan(checks: checks)
    }

    private static func parseCheck(_ item: JSONValue, index: Int, line: Int, source: String) throws(PermcheckError) -> PlanCheck {
        let place = "check \(index)"
        func fail(_ field: String, _ detail: String) -> PermcheckError {
            .inputInvalid(source: source, detail: "\(place), field '\(field)': \(detail)")
        }
        guard case .object(let object) = item else {
            throw .inputInvalid(source: source, detail: "\(place) is a JSON \(item.typeName), expected an object")
        }
        for key in object.keys.sorted() where !checkKeys.contains(key) {
            let hint = Suggest.closest(to: key, in: Array(checkKeys), limit: 1).first.map { " (did you mean '\($0)'?)" } ?? ""
            throw fail(key, "unknown field\(hint)")
        }
        func string(_ key: String) throws(PermcheckError) -> String? {
            guard let value = object[key] else { return nil }
            guard case .string(let text) = value, !text.isEmpty else { throw fail(key, "expected a non-empty string, found \(value.typeName)") }
            return text
        }
        let name = try string("name") ?? "check-\(index)"
        let api = try string("api"), request = try string("request")
        switch (api, request) {
        case (nil, nil): throw fail("api", "missing; name the API rule (see 'permcheck apis') or give 'request': \"METHOD URL\"")
        case (_?, _?): throw fail("request", "give either 'api' or 'request', not both")
        default: break
        }
        var evidence: [String: String] = [:]
        for key in EvidenceKind.keys { if let path = try string(key) { evidence[key] = path } }
        var headers: [String]?
        if let value = object["headers"] {
            guard case .array(let list) = value else { throw fail("headers", "expected an array of 'Name: value' strings, found \(value.typeName)") }
            var collected: [String] = []
            for (n, element) in list.enumerated() {
                guard case .string(let header) = element, let colon = header.firstIndex(of: ":"), colon != header.startIndex else {
                    throw fail("headers", "element \(n + 1) is not a 'Name: value' string")
                }
                collected.append(header)
            }
            headers = collected
        }
        return PlanCheck(name: name, index: index, line: line, token: try tokenSource(object["token"], fail: fail), api: api, request: request,
                         evidenceFiles: evidence, caseName: try string("case"), collectionName: try string("collection"),
                         headers: headers, at: try date(object["at"], field: "at", where: place, source: source))
    }

    private static func tokenSource(_ value: JSONValue?, fail: (String, String) -> PermcheckError) throws(PermcheckError) -> PlanTokenSource {
        let expected = "expected {\"file\": PATH}, {\"env\": VARIABLE} or {\"stdin\": true}"
        guard let value else { throw fail("token", "missing; \(expected)") }
        guard case .object(let object) = value, object.count == 1, let (key, inner) = object.first else {
            throw fail("token", expected)
        }
        switch (key, inner) {
        case ("file", .string(let path)) where !path.isEmpty: return .file(path)
        case ("env", .string(let name)) where !name.isEmpty: return .environment(name)
        case ("stdin", .bool(true)): return .standardInput
        default: throw fail("token", expected)
        }
    }

    private static func date(_ value: JSONValue?, field: String, where place: String, source: String) throws(PermcheckError) -> Date? {
        guard let value else { return nil }
        guard case .string(let text) = value else {
            throw .inputInvalid(source: source, detail: "\(place), field '\(field)': expected an ISO 8601 time such as 2026-11-03T09:30:00Z")
        }
        guard let date = ISO8601.parseInstant(text) else {
            throw .inputInvalid(source: source, detail: "\(place), field '\(field)': '\(text)' \(ISO8601.instantProblem(text) ?? "is not a time")")
        }
        return date
    }
}
