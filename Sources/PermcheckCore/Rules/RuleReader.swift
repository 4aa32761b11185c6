import Foundation

/// Reads one JSON object of a rule file strictly: typed fields, unknown keys rejected with a "did you mean" hint,
/// errors located by `file:line` through the parser's JSON Pointer line table.
struct RuleObject {
    let object: [String: JSONValue]
    let pointer: String
    let context: RuleFileContext

    /// The top-level object of a rule or data file (`kind`: "a rule file"), parsed strictly within the file limits;
    /// `lineNumbers` records each value's line for file:line errors (about half the parse time).
    static func fileRoot(_ bytes: [UInt8], path: String, lineNumbers: Bool, kind: String) throws(PermcheckError) -> RuleObject {
        let parsed: (value: JSONValue, lines: [String: Int])
        do {
            let limits = JSONLimits(maxDepth: InputLimits.fileJSONDepth, maxBytes: InputLimits.fileBytes)
            parsed = lineNumbers ? try JSONParser.parseWithLines(bytes, limits: limits) : (try JSONParser.parse(bytes, limits: limits), [:])
        } catch {
            throw .ruleInvalid(path: path, line: error.line, id: nil, detail: "not valid JSON: \(error.message)")
        }
        guard case .object(let object) = parsed.value else {
            throw .ruleInvalid(path: path, line: 1, id: nil, detail: "\(kind) must hold one JSON object, found \(parsed.value.typeName)")
        }
        return RuleObject(object: object, pointer: "", context: RuleFileContext(path: path, lines: parsed.lines, ruleID: nil))
    }

    func line(_ key: String? = nil) -> Int {
        let path = key.map { pointer + "/" + $0 } ?? pointer
        return context.lines[path] ?? context.lines[pointer] ?? 0
    }

    func fail(_ key: String?, _ detail: String) -> PermcheckError {
        .ruleInvalid(path: context.path, line: line(key), id: context.ruleID, detail: detail)
    }

    /// Rejects keys outside `allowed`.
    func onlyKeys(_ allowed: [String]) throws(PermcheckError) {
        for key in object.keys.sorted() where !allowed.contains(key) {
            let hint = Suggest.closest(to: key, in: allowed, limit: 1).first.map { "; did you mean '\($0)'?" } ?? ""
            throw fail(key, "unknown field '\(key)' in \(pointer.isEmpty ? "the rule" : "'\(pointer)'")\(hint)")
        }
    }

    func string(_ key: String) throws(PermcheckError) -> String? {
        guard let value = object[key] else { return nil }
        guard case .string(let text) = value else { throw fail(key, "'\(key)' must be a string, found \(value.typeName)") }
        return text
    }

    func requiredString(_ key: String) throws(PermcheckError) -> String {
        guard let text = try string(key), !text.isEmpty else { throw fail(nil, "missing required field '\(key)'") }
        return text
    }

    func strings(_ key: String) throws(PermcheckError) -> [String]? {
        guard let value = object[key] else { return nil }
        guard case .array(let items) = value else { throw fail(key, "'\(key)' must be an array of strings, found \(value.typeName)") }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw fail("\(key)/\(index)", "'\(key)[\(index)]' must be a string, found \(item.typeName)")
            }
            result.append(text)
        }
        return result
    }

    func int(_ key: String) throws(PermcheckError) -> Int? {
        guard let value = object[key] else { return nil }
        guard case .number(let number) = value, let int = number.int64 else {
            throw fail(key, "'\(key)' must be an integer, found \(value.typeName)")
        }
        return Int(int)
    }

    func double(_ key: String) throws(PermcheckError) -> Double? {
        guard let value = object[key] else { return nil }
        guard case .number(let number) = value, let double = number.double else {
            throw fail(key, "'\(key)' must be a number, found \(value.typeName)")
        }
        return double
    }

    func bool(_ key: String) throws(PermcheckError) -> Bool? {
        guard let value = object[key] else { return nil }
        guard case .bool(let flag) = value else { throw fail(key, "'\(key)' must be true or false, found \(value.typeName)") }
        return flag
    }

    func child(_ key: String) throws(PermcheckError) -> RuleObject? {
        guard let value = object[key] else { return nil }
        guard case .object(let inner) = value else { throw fail(key, "'\(key)' must be an object, found \(value.typeName)") }
        return RuleObject(object: inner, pointer: pointer + "/" + key, context: context)
    }

    func rawObject(_ key: String) throws(PermcheckError) -> [String: JSONValue]? {
        try child(key)?.object
    }

    func children(_ key: String) throws(PermcheckError) -> [RuleObject] {
        guard let value = object[key] else { return [] }
        guard case .array(let items) = value else { throw fail(key, "'\(key)' must be an array of objects, found \(value.typeName)") }
        var result: [RuleObject] = []
        for (index, item) in items.enumerated() {
            guard case .object(let inner) = item else {
                throw fail("\(key)/\(index)", "'\(key)[\(index)]' must be an object, found \(item.typeName)")
            }
            result.append(RuleObject(object: inner, pointer: "\(pointer)/\(key)/\(index)", context: context))
        }
        return result
    }

    func confidence() throws(PermcheckError) -> Confidence {
        let text = try string("confidence") ?? ""
        guard let confidence = Confidence(rawValue: text) else {
            throw fail("confidence", "'confidence' must be one of \(Confidence.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'")
        }
        return confidence
    }
}

/// The file being read, its line table, and the rule id once known.
struct RuleFileContext {
    let path: String
    let lines: [String: Int]
    var ruleID: String?
}

/// "Did you mean" suggestions by edit distance.
public enum Suggest {
    /// Up to `limit` candidates closest to `text`, closest first; only reasonably close ones.
    public static func closest(to text: String, in candidates: [String], limit: Int) -> [String] {
        let target = Array(text.lowercased())
        // A candidate containing the text (or contained in it) counts as distance 1; among equals the smaller edit
        // distance wins, so '--case-member' suggests '--case-members', not '--case'.
        let scored = candidates.map { candidate -> (String, Int, Int) in
            let lower = candidate.lowercased()
            let edits = editDistance(target, Array(lower))
            let distance = lower.contains(text.lowercased()) || text.lowercased().contains(lower) ? min(1, edits) : edits
            return (candidate, distance, edits)
        }
        let threshold = max(2, target.count / 2)
        return scored.filter { $0.1 <= threshold }
            .sorted { ($0.1, $0.2, $0.0) < ($1.1, $1.2, $1.0) }.prefix(limit).map(\.0)
    }

    /// Levenshtein distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
