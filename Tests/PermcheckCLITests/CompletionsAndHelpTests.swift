import Foundation
import Testing

/// Shell completions and help cover every subcommand, and every option they offer is one the command accepts.
@Suite struct CompletionsAndHelpTests {
    static let subcommands = ["decode", "apis", "explain", "rules", "compare", "can", "permissions", "preflight", "batch", "completions"]

    @Test(arguments: ["bash", "zsh", "fish"])
    func eachCompletionScriptNamesEverySubcommand(shell: String) throws {
        let result = try CLIRunner.run(["completions", shell])
        #expect(result.exitCode == 0)
        for name in Self.subcommands { #expect(result.stdout.contains(name), "\(shell) misses \(name)") }
    }

    @Test func everyOptionTheFishScriptOffersIsAcceptedByItsSubcommand() throws {
        let script = try CLIRunner.run(["completions", "fish"]).stdout
        var checked = 0
        for line in script.split(separator: "\n") where line.contains("__fish_seen_subcommand_from ") && line.contains(" -l ") {
            // complete -c permcheck -n '__fish_seen_subcommand_from SUB' -l FLAG [-x -a '…']
            let words = line.replacingOccurrences(of: "'", with: "").split(separator: " ")
            guard let sub = words.firstIndex(of: "__fish_seen_subcommand_from").map({ String(words[$0 + 1]) }),
                  let flag = words.firstIndex(of: "-l").map({ "--" + words[$0 + 1] }) else { continue }
            let result = try CLIRunner.run([sub, "\(flag)=x", "--help"])
            #expect(!result.stderr.contains("unknown option"), "\(sub) \(flag): \(result.stderr)")
            checked += 1
        }
        #expect(checked > 20)
    }

    @Test(arguments: subcommands)
    func everySubcommandHasHelpAndTheMainHelpListsIt(name: String) throws {
        let main = try CLIRunner.run(["--help"])
        #expect(main.stdout.contains("permcheck \(name)"))
        let help = try CLIRunner.run(["help", name])
        #expect(help.exitCode == 0)
        #expect(help.stdout.hasPrefix("permcheck \(name)"))
    }

    @Test func anUnknownShellIsAUsageError() throws {
        let result = try CLIRunner.run(["completions", "powershell"])
        #expect(result.exitCode == 2)
        #expect(result.stderr == "error: unknown shell 'powershell'; use bash, zsh or fish.\n")
    }
}
