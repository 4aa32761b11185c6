import Foundation
import PermcheckCore

/// Loads the built-in rules, or the rule files under `--rules DIR`.
enum RuleSource {
    static func load(directory: String?) throws(PermcheckError) -> RuleSet {
        guard let directory else { return try RuleSet.builtIn() }
        return try RuleSet(loadRules(in: directory))
    }

    /// Like ``load(directory:)``, but from the built-in rules parses only what the command needs: the rule named
    /// `api` (when given), else the rules matching `requestLine` (when given and readable), else every rule.
    static func load(directory: String?, api: String?, requestLine: String?) throws(PermcheckError) -> RuleSet {
        guard directory == nil else { return try load(directory: directory) }
        if let api { return try RuleSet.builtIn(named: api) }
        if let requestLine, let target = try? RequestTarget.parse(requestLine) { return try RuleSet.builtIn(relevantTo: target) }
        return try RuleSet.builtIn()
    }

    /// Resolves `requestLine` against `rules` (loaded for it by ``load(directory:api:requestLine:)``); when that
    /// fails, against the whole catalogue and every rule, so the error suggests the same closest requests as before
    /// the narrowing.
    /// The catalogue is first searched only under the request's first path segment (``GraphCatalog/embedded(for:)``).
    static func resolve(_ requestLine: String, rules: RuleSet, directory: String?) throws(PermcheckError) -> ResolvedRequest {
        if let target = try? RequestTarget.parse(requestLine),
           let resolved = try? RequestResolver.resolve(target, rules: rules, catalog: .embedded(for: RequestResolver.graphTarget(target))) {
            return resolved
        }
        do { return try RequestResolver.resolve(requestLine, rules: rules, catalog: .embedded) } catch {
            guard directory == nil else { throw error }
            return try RequestResolver.resolve(requestLine, rules: try load(directory: nil), catalog: .embedded)
        }
    }

    /// Every API rule file under `directory` (recursively), skipping data, catalogue and schema files.
    static func ruleFiles(in directory: String) throws(PermcheckError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .usage("rules directory '\(directory)' does not exist or is not a directory.")
        }
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".json"), !relative.hasSuffix(".schema.json"),
                  !relative.hasPrefix("data/"), !relative.hasPrefix("graph/") else { continue }
            // Paths as the user wrote them (relative stays relative), so error messages are short and recognisable.
            files.append((directory as NSString).appendingPathComponent(relative))
        }
        guard files.isEmpty else { return files.sorted() }
        // An empty or unreadable directory is an error, never "0 problems".
        guard access(directory, R_OK | X_OK) == 0, let listing = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw .inputInvalid(source: "rules directory '\(directory)'", detail: "it cannot be read (\(String(cString: strerror(errno))))")
        }
        throw .inputInvalid(source: "rules directory '\(directory)'",
                            detail: listing.isEmpty ? "it is empty" : "it has no rule files (*.json outside data/ and graph/)")
    }

    static func loadRules(in directory: String) throws(PermcheckError) -> [APIRule] {
        var rules: [APIRule] = []
        for path in try ruleFiles(in: directory) {
            let bytes = try InputFiles.read(path, limit: InputLimits.fileBytes, describe: "rule file")
            rules.append(try RuleLoader.load(bytes, path: path))
        }
        return rules
    }
}
