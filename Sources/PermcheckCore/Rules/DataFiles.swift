/// The data files of `rules/data/` (known ids, error codes, the cross-cloud requirement, the Graph catalogue rule
/// template, resource grants), read by the same strict reader as rule files (``RuleObject``): invalid JSON, a non-object, an unknown
/// field, a wrong type or a missing field is a `rule.invalid` error located by `file:line` — never an empty table.
enum DataFiles {
    static let knownIDs = "rules/data/known-ids.json"
    static let errorCodes = "rules/data/error-codes.json"
    static let crossCloud = "rules/data/cross-cloud.json"
    static let graphCatalogueRule = "rules/data/graph-catalogue-rule.json"
    static let resourceGrants = "rules/data/resource-grants.json"

    /// Reads `bytes` (the file at `path`) with `read`. Parses without line numbers first (the embedded files are
    /// valid, and recording a JSON Pointer per value costs about half the parse); on failure, parses again with
    /// them so the error names the line.
    static func read<T>(_ bytes: [UInt8], path: String,
                        _ read: (RuleObject) throws(PermcheckError) -> T) throws(PermcheckError) -> T {
        do { return try read(root(bytes, path: path, lineNumbers: false)) } catch {
            _ = try read(root(bytes, path: path, lineNumbers: true))
            throw error
        }
    }

    /// The embedded copy of `path`, read strictly. The embedded files are fixed when the binary is built and the
    /// tests read each of them with the same reader, so a failure here is a build that skipped its tests.
    static func embedded<T>(_ path: String, _ read: (RuleObject) throws(PermcheckError) -> T) -> T {
        guard let file = EmbeddedRules.dataFiles.first(where: { $0.path == path }) else {
            fatalError("\(path) is not embedded: run `swift run permcheck-generate`")
        }
        do { return try self.read(Array(file.content.utf8), path: path, read) } catch {
            fatalError("embedded \(error.message): fix \(path) and run `swift test`")
        }
    }

    private static func root(_ bytes: [UInt8], path: String, lineNumbers: Bool) throws(PermcheckError) -> RuleObject {
        try RuleObject.fileRoot(bytes, path: path, lineNumbers: lineNumbers, kind: "a data file")
    }
}

extension RuleObject {
    /// The object at `key`, which must be present.
    func requiredChild(_ key: String) throws(PermcheckError) -> RuleObject {
        guard let child = try child(key) else { throw fail(nil, "missing required field '\(key)'") }
        return child
    }

    /// The strings at `key`, which must be present and non-empty.
    func requiredStrings(_ key: String) throws(PermcheckError) -> [String] {
        guard let strings = try strings(key), !strings.isEmpty else { throw fail(nil, "missing required field '\(key)'") }
        return strings
    }

    /// Every member of this object as a string (a map such as `claims`).
    func stringMap() throws(PermcheckError) -> [String: String] {
        var result: [String: String] = [:]
        for key in object.keys { result[key] = try string(key) }
        return result
    }
}
