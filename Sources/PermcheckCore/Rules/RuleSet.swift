import Foundation

/// All loaded API rules, with look-up by id or alias. Duplicate ids or aliases are an error.
public struct RuleSet: Sendable, Equatable {
    /// The rules, sorted by id.
    public let rules: [APIRule]

    /// Builds a rule set, rejecting duplicate ids and aliases across files.
    public init(_ rules: [APIRule]) throws(PermcheckError) {
        if let duplicate = RuleLinter.duplicateNames(rules).first {
            throw .ruleInvalid(path: duplicate.file, line: duplicate.line, id: nil, detail: duplicate.message)
        }
        self.rules = rules.sorted { $0.id < $1.id }
    }

    /// The rule files compiled into the binary, as (path, content).
    public static var embeddedFiles: [(path: String, bytes: [UInt8])] {
        EmbeddedRules.files.map { ($0.path, Array($0.content.utf8)) }
    }

    /// The rules compiled into the binary.
    public static func builtIn() throws(PermcheckError) -> RuleSet {
        var rules: [APIRule] = []
        for file in EmbeddedRules.files {
            rules.append(try RuleLoader.load(Array(file.content.utf8), path: file.path))
        }
        return try RuleSet(rules)
    }

    /// The built-in rules that could match `target`: only files whose text mentions one of the request's
    /// path segments or host labels are parsed (a template that matches has its literal segments in the file, or,
    /// off Graph, its host labels; a Graph template whose path is all parameters is not supported). Keeps `can` and `--request` fast however many
    /// rule files there are; the result matches what ``builtIn()`` would give for this request.
    public static func builtIn(relevantTo target: RequestTarget) throws(PermcheckError) -> RuleSet {
        let version = target.apiVersion == nil ? 0 : 1
        var words = target.segments.dropFirst(version).filter { $0.count >= 2 && !$0.hasPrefix("{") }.map { $0.lowercased() }
        if !target.isGraph, let host = target.host {
            words += host.split(separator: ".").filter { $0.count >= 4 }.map { $0.lowercased() }
        }
        let needles = words.map { Array($0.utf8) }
        var rules: [APIRule] = []
        for file in EmbeddedRules.files {
            // An ASCII case-insensitive byte search over the embedded text in place: String.lowercased() and
            // contains() cost more than parsing the file, and even a lower-cased copy of every file cost ~17 M
            // instructions per `can`.
            var content = file.content
            let mentioned = content.withUTF8 { text in needles.contains { Self.bytes(text, containLowercased: $0) } }
            guard mentioned else { continue }
            rules.append(try RuleLoader.load(Array(file.content.utf8), path: file.path))
        }
        return try RuleSet(rules)
    }

    /// Whether `haystack`, ASCII-lower-cased, contains `needle` (already lower case); the first byte is checked first.
    static func bytes(_ haystack: UnsafeBufferPointer<UInt8>, containLowercased needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if lower(haystack[i]) == first {
                var j = 1
                while j < needle.count, lower(haystack[i + j]) == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// The rule with this id or alias.
    public func rule(named name: String) throws(PermcheckError) -> APIRule {
        if let rule = rules.first(where: { $0.isNamed(name) }) { return rule }
        let names = rules.flatMap { [$0.id] + $0.aliases }
        throw .unknownAPI(name, suggestions: Suggest.closest(to: name, in: names, limit: 3))
    }
}
