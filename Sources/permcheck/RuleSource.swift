import Foundation
import PermcheckCore

/// Loads the built-in rules, or the rule files under `--rules DIR`.
enum RuleSource {
    static func load(directory: String?) throws(PermcheckError) -> RuleSet {
        guard let directory else { return try RuleSet.builtIn() }
        return try RuleSet(loadRules(in: directory))
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
