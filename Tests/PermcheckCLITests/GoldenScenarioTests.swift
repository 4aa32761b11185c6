import Foundation
import Testing
import PermcheckCore

/// One CLI run from fixtures/scenarios.json.
struct Scenario: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let exitCode: Int32
    var testDescription: String { name }

    static let all: [Scenario] = {
        let url = CLIRunner.repositoryRoot.appendingPathComponent("fixtures/scenarios.json")
        guard let data = try? Data(contentsOf: url), let value = try? JSONParser.parse([UInt8](data)) else { return [] }
        return (value.arrayValue ?? []).compactMap { item in
            guard let name = item["name"]?.stringValue, let args = item["args"]?.arrayValue?.compactMap(\.stringValue),
                  let exit = item["exit"]?.numberValue?.int64 else { return nil }
            return Scenario(name: name, arguments: args, exitCode: Int32(exit))
        }
    }()
}

@Suite struct GoldenScenarioTests {
    @Test func theScenarioListIsNotEmpty() {
        #expect(Scenario.all.count >= 10)
    }

    @Test(arguments: Scenario.all, OutputFormat.allCases)
    func eachScenarioMatchesItsGoldenOutputAndExitCode(scenario: Scenario, format: OutputFormat) throws {
        let result = try CLIRunner.run(scenario.arguments + ["--format", format.rawValue])
        #expect(result.exitCode == scenario.exitCode, "exit code; stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        let suffix = switch format {
        case .text: "txt"
        case .json: "json"
        case .markdown: "md"
        }
        try Golden.check(result.stdout, name: "\(scenario.name).\(suffix)")
    }
}
