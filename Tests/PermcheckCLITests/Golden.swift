import Foundation
import Testing
import PermcheckCore

/// Golden-file comparison: text and Markdown byte for byte, JSON after parsing.
///
/// `PERMCHECK_RECORD=1 swift test [--filter X]` records: a golden file whose output changed (or that is missing) is
/// rewritten, a line on standard error names it, and the test passes — review the change with `git diff
/// fixtures/golden`. Files whose output is unchanged are not touched. Without the variable, a missing golden file is
/// written and the test fails on purpose, so a new file gets reviewed before it is committed.
enum Golden {
    static let directory = CLIRunner.repositoryRoot.appendingPathComponent("fixtures/golden")

    static func check(_ actual: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["PERMCHECK_RECORD"] == "1"
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            if record { report("recorded new golden file fixtures/golden/\(name)"); return }
            Issue.record("Recorded golden file \(name); review it and run the tests again.", sourceLocation: sourceLocation)
            return
        }
        if record {
            let same = name.hasSuffix(".json") ? (try? JSONParser.parse(actual)) == (try? JSONParser.parse(expected)) : actual == expected
            if !same {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                report("re-recorded fixtures/golden/\(name)")
            }
            return
        }
        if name.hasSuffix(".json") {
            let actualValue = try JSONParser.parse(actual)
            let expectedValue = try JSONParser.parse(expected)
            let matches = actualValue == expectedValue
            #expect(matches, "JSON differs from \(name):\n\(diff(JSONWriter.write(expectedValue, pretty: true), JSONWriter.write(actualValue, pretty: true)))",
                    sourceLocation: sourceLocation)
        } else {
            let matches = actual == expected
            #expect(matches, "Output differs from \(name):\n\(diff(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    /// One line on standard error, so a recording run lists what it wrote.
    static func report(_ line: String) {
        FileHandle.standardError.write(Data("PERMCHECK_RECORD: \(line)\n".utf8))
    }

    /// A small line diff: lines only in the expected (-) or actual (+) output.
    static func diff(_ expected: String, _ actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for line in old where !new.contains(line) { lines.append("- " + line) }
        for line in new where !old.contains(line) { lines.append("+ " + line) }
        return lines.joined(separator: "\n")
    }
}
