import Foundation

/// The repository the generator reads its inputs from. Every path is relative to `root`.
public struct Repository: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// The bytes of `path`.
    public func data(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
            throw GeneratorError("cannot read \(path)")
        }
        return data
    }

    /// The UTF-8 text of `path`; invalid UTF-8 is an error, not replacement characters.
    public func text(_ path: String) throws -> String {
        guard let text = String(data: try data(path), encoding: .utf8) else { throw GeneratorError("\(path) is not UTF-8") }
        return text
    }

    /// API rule files: `rules/**/*.json` except `rules/data/`, `rules/graph/` and `*.schema.json`, in byte order.
    public func ruleFiles() throws -> [String] {
        try jsonFiles(under: "rules").filter {
            !$0.hasPrefix("rules/data/") && !$0.hasPrefix("rules/graph/") && !$0.hasSuffix(".schema.json")
        }
    }

    /// Data files: `rules/data/**/*.json`, in byte order.
    public func dataFiles() throws -> [String] { try jsonFiles(under: "rules/data") }

    /// Every `*.json` file below `folder`, as repository-relative paths sorted by UTF-8 bytes.
    func jsonFiles(under folder: String) throws -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else {
            throw GeneratorError("cannot list \(folder)")
        }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".json") else { continue }
            var isDirectory: ObjCBool = false
            let full = base.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(folder + "/" + relative)
            }
        }
        return paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
