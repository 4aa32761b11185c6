import Foundation

/// Reads committed files from the repository checkout the tests were compiled from.
enum RepositoryFiles {
    /// The repository root: three folders above this file (Tests/PermcheckCoreTests/Catalog).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The bytes of the file at `relativePath`.
    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relativePath))
    }

    /// The UTF-8 text of the file at `relativePath`.
    static func text(_ relativePath: String) throws -> String {
        String(decoding: try data(relativePath), as: UTF8.self)
    }
}
