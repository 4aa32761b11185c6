import Foundation
import Testing

/// Shell completions, `--help` and the docs' option tables agree with what each command accepts: the completion
/// scripts and help are generated from the option declarations, and these tests hold every side to the parser.
@Suite struct CompletionsAndHelpTests {
    static let subcommands = ["decode", "apis", "explain", "rules", "compare", "can", "permissions", "preflight", "batch",
                              "mcp", "completions", "help"]

    /// The options (and their offered values) the fish script gives each command; "" is the main check.
    static func fishOptions() throws -> [String: [String: [String]]] {
        let script = try CLIRunner.run(["completions", "fish"]).stdout
        var options: [String: [String: [String]]] = [:]
        for line in script.split(separator: "\n") where line.contains(" -l ") {
            // complete -c permcheck -n '__fish_seen_subcommand_from SUB' -l FLAG [-x -a 'v1 v2' | -r]
            let words = line.replacingOccurrences(of: "'", with: "").split(separator: " ").map(String.init)
            let sub = words.firstIndex(of: "__fish_seen_subcommand_from").map { words[$0 + 1] } ?? ""
            guard let flag = words.firstIndex(of: "-l").map({ "--" + words[$0 + 1] }) else { continue }
            let values = words.firstIndex(of: "-a").map { Array(words[($0 + 1)...]) } ?? []
            options[sub, default: [:]][flag] = values
        }
        return options
    }

    /// `--option` words in a text.
    static func optionsMentioned(in text: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: "(?<![\\w-])--[a-z][a-z-]*[a-z]")
        let range = NSRange(text.startIndex..., in: text)
        return Set(regex.matches(in: text, range: range).map { String(text[Range($0.range, in: text)!]) })
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func eachCompletionScriptNamesEverySubcommandAndOption(shell: String) throws {
        let result = try CLIRunner.run(["completions", shell])
        #expect(result.exitCode == 0)
        for name in Self.subcommands { #expect(result.stdout.contains(name), "\(shell) misses \(name)") }
        for (command, options) in try Self.fishOptions() {
            for option in options.keys {
                let word = shell == "fish" ? "-l " + option.dropFirst(2) : option
                #expect(result.stdout.contains(word), "\(shell) misses \(command) \(option)")
            }
        }
    }

    @Test func everyOptionTheCompletionsOfferIsAcceptedAndInItsHelp() throws {
        var checked = 0
        for (sub, options) in try Self.fishOptions() {
            let help = try CLIRunner.run(sub.isEmpty ? ["--help"] : [sub, "--help"]).stdout
            for option in options.keys {
                let result = try CLIRunner.run((sub.isEmpty ? [] : [sub]) + ["\(option)=x", "--help"])
                #expect(!result.stderr.contains("unknown option"), "\(sub) \(option): \(result.stderr)")
                if option != "--help" { #expect(help.contains(option), "'\(sub) --help' does not list \(option)") }
                checked += 1
            }
        }
        #expect(checked > 60)
    }

    @Test(arguments: [""] + subcommands)
    func everyOptionAHelpMentionsIsAccepted(sub: String) throws {
        let help = try CLIRunner.run(sub.isEmpty ? ["--help"] : ["help", sub]).stdout
        // What the help says outside its option tables (the main help's USAGE lists the subcommands' options, so
        // only its TOKEN paragraph), and each table row's option; not the export commands inside the help texts.
        var prose = help.components(separatedBy: "\nOPTIONS\n")[0].components(separatedBy: "\nEVIDENCE")[0]
        if sub.isEmpty { prose = prose.components(separatedBy: "\nTOKEN\n").dropFirst().joined() }
        let rows = help.split(separator: "\n").filter { $0.hasPrefix("  --") }
            .flatMap { Self.optionsMentioned(in: String($0.dropFirst(2).prefix { $0 != " " })) }
        let accepted = try Self.fishOptions()[sub]?.keys.map { $0 } ?? []
        #expect(!rows.isEmpty || accepted.allSatisfy { $0 == "--help" })
        for option in Self.optionsMentioned(in: prose).union(rows) {
            #expect(accepted.contains(option), "'\(sub) --help' mentions \(option), which '\(sub)' does not accept")
        }
    }

    @Test func optionsThatTakeNoValueRejectOne() throws {
        let result = try CLIRunner.run(["can", "--list=yes"])
        #expect(result.exitCode == 2)
        #expect(result.stderr == "error: option '--list' takes no value.\n")
    }

    /// Every value help and completions offer for --format and --cloud is one the command accepts.
    @Test func everyOfferedValueIsAccepted() throws {
        let token = "fixtures/tokens/manager-graph.jwt"
        let runs: [String: [String]] = [
            "": [token, "--api", "export-download", "--at", "2026-11-03T09:30:00Z"],
            "decode": ["decode", token],
            "can": ["can", token, "GET https://graph.microsoft.com/v1.0/me"],
            "compare": ["compare", "fixtures/tokens/admin-proxy.jwt", token, "--api", "export-download"],
            "permissions": ["permissions", "Mail.Read"],
            "preflight": ["preflight", "fixtures/plans/preflight.json"],
            "batch": ["batch", "-", "--api", "export-download"],
        ]
        let line = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent(token), encoding: .utf8)
        let options = try Self.fishOptions()
        var checked = 0
        for (sub, arguments) in runs {
            for option in ["--format", "--cloud"] {
                for value in options[sub]?[option] ?? [] {
                    let result = try CLIRunner.run(arguments + [option, value], stdin: sub == "batch" ? line : nil)
                    #expect(result.exitCode != 2, "\(sub) \(option) \(value): \(result.stderr)")
                    #expect(!result.stderr.contains(value), "\(sub) \(option) \(value): \(result.stderr)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 17)
    }

    /// The option tables of README.md and docs/*.md list only options some command accepts.
    @Test func theDocsOptionTablesListOnlyAcceptedOptions() throws {
        let accepted = Set(try Self.fishOptions().values.flatMap(\.keys))
        let root = CLIRunner.repositoryRoot
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
        let files = ["README.md"] + docs.filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        var rows = 0
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("| `--") {
                let cell = line.dropFirst(2).prefix { $0 != "|" }
                for option in Self.optionsMentioned(in: String(cell)) {
                    #expect(accepted.contains(option), "\(file): the table lists \(option), which no command accepts")
                    rows += 1
                }
            }
        }
        #expect(rows > 10)
    }

    @Test(arguments: subcommands)
    func everySubcommandHasHelpAndTheMainHelpListsIt(name: String) throws {
        let main = try CLIRunner.run(["--help"])
        #expect(main.stdout.contains("permcheck \(name)"))
        let help = try CLIRunner.run(["help", name])
        #expect(help.exitCode == 0)
        #expect(help.stdout.hasPrefix("permcheck \(name)"))
    }

    @Test func helpIsAUsageLineASentenceThenTheOptions() throws {
        let help = try CLIRunner.run(["apis", "--help"]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(help[0] == "permcheck apis [--family F] [--grep TEXT]")
        #expect(help[1].hasPrefix("  Lists the API rules"))
        #expect(help.contains("OPTIONS"))
        #expect(help.contains { $0.hasPrefix("  --family ediscovery|graph|purview") })
        #expect(help.allSatisfy { $0.count <= 100 }, "help is wrapped to 100 columns off a terminal")
    }

    @Test func anUnknownShellIsAUsageError() throws {
        let result = try CLIRunner.run(["completions", "powershell"])
        #expect(result.exitCode == 2)
        #expect(result.stderr == "error: unknown shell 'powershell'; use bash, zsh or fish.\n")
    }
}
