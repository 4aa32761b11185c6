import Foundation
import PermcheckCore

/// One subcommand: its name, usage lines (each with a one-line summary for the main help), the options it parses
/// with, the fixed words it takes (`rules lint|test`) and what runs it. The main check is the command named "".
struct CommandSpec {
    let name: String
    let usages: [(synopsis: String, summary: String)]
    let options: [OptionSpec]
    var words: [String] = []
    let run: ([String], Console) throws(PermcheckError) -> Int32
}

/// Dispatches to subcommands. `permcheck TOKEN --api ID` (no subcommand) is the main check.
enum CLI {
    /// Every command, in the order the main help lists them: the one list dispatch, help and completions read.
    static var commands: [CommandSpec] {
        let commands = [
            CommandSpec(name: "", usages: [("TOKEN --api ID [evidence] [options]", "check a token against an API's rule"),
                                           ("--request-file F --response F [options]", "triage a ticket from its pasted request and error")],
                        options: CheckCommand.specs, run: { _, _ throws(PermcheckError) in 2 }),
            CommandSpec(name: "decode", usages: [("TOKEN [--format text|json]", "every claim with its meaning")],
                        options: InfoCommands.decodeSpecs, run: InfoCommands.decode),
            CommandSpec(name: "apis", usages: [("[--family F] [--grep TEXT]", "list the APIs permcheck knows")],
                        options: InfoCommands.apisSpecs, run: InfoCommands.apis),
            CommandSpec(name: "explain", usages: [("ID", "an API's requirements, fixes and sources")],
                        options: InfoCommands.explainSpecs, run: InfoCommands.explain),
            CommandSpec(name: "rules", usages: [("lint [DIR]", "validate rule files"), ("test [DIR]", "run the rule files' examples")],
                        options: RulesCommand.specs, words: ["lint", "test"], run: RulesCommand.run),
            CommandSpec(name: "compare", usages: [("GOOD_TOKEN BAD_TOKEN --api ID [evidence]", "what decides \"works for A, not for B\"")],
                        options: CompareCommand.specs, run: CompareCommand.run),
            CommandSpec(name: "can", usages: [("TOKEN \"METHOD URL\"", "may this token call any Microsoft Graph operation?"),
                                              ("TOKEN --list [--grep TEXT]", "every Graph operation the token's permissions allow")],
                        options: CanCommand.specs, run: CanCommand.run),
            CommandSpec(name: "permissions", usages: [("NAME [--for \"METHOD URL\"]", "what a permission grants (Graph, or a rule's API); alternatives")],
                        options: PermissionsCommand.specs, run: PermissionsCommand.run),
            CommandSpec(name: "preflight", usages: [("PLAN [--format F]", "run a plan of checks in a pipeline")],
                        options: PreflightCommand.specs, run: PreflightCommand.run),
            CommandSpec(name: "batch", usages: [("[FILE|-] [--api ID] [--full] [--summary]", "triage JSON Lines of tokens, one verdict per line")],
                        options: BatchCommand.specs, run: BatchCommand.run),
            CommandSpec(name: "mcp", usages: [("[--redact]", "serve the checks to AI assistants (Model Context Protocol, stdio)")],
                        options: MCPCommand.specs, run: MCPCommand.run),
            CommandSpec(name: "completions", usages: [("bash|zsh|fish", "print a shell completion script")],
                        options: CompletionsCommand.specs, words: ["bash", "zsh", "fish"], run: CompletionsCommand.run),
        ]
        return commands + [
            CommandSpec(name: "help", usages: [("[COMMAND]", "this help, or a command's")], options: [],
                        words: commands.map(\.name).filter { !$0.isEmpty }, run: { rest, console throws(PermcheckError) in
                            try Help.show(rest.first, console: console)
                        }),
        ]
    }

    /// The subcommand names.
    static var subcommands: [String] { commands.map(\.name).filter { !$0.isEmpty } }

    static func command(_ name: String) -> CommandSpec? { commands.first { $0.name == name } }

    static func run(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        guard let first = arguments.first else {
            console.out(Help.main(width: console.helpWidth))
            return 2
        }
        if first == "--version" { console.out("permcheck \(Permcheck.version)\n"); return 0 }
        if first == "--help" || first == "-h" { console.out(Help.main(width: console.helpWidth)); return 0 }
        if !first.isEmpty, let command = command(first) { return try command.run(Array(arguments.dropFirst()), console) }
        try rejectMistypedCommand(first)
        let args = try Arguments.parse(arguments, specs: CheckCommand.specs, command: "permcheck")
        if args.has("--help") { console.out(Help.main(width: console.helpWidth)); return 0 }
        if args.has("--version") { console.out("permcheck \(Permcheck.version)\n"); return 0 }
        return try CheckCommand.run(args, console: console)
    }

    /// The first argument of the main check is a token: a file, `-`, or a pasted token. A bare word that is none of
    /// these (no `/` or `.`, no such file) is taken as a mistyped subcommand: `decod` → did you mean 'decode'?
    static func rejectMistypedCommand(_ word: String) throws(PermcheckError) {
        guard !word.hasPrefix("-"), !word.contains("/"), !word.contains("."), !TokenInput.looksLikeToken(word),
              !FileManager.default.fileExists(atPath: word) else { return }
        let names = subcommands + ["--version", "--help"]
        if let close = Suggest.closest(to: word, in: names, limit: 1).first {
            throw .usage("unknown command '\(word)'; did you mean '\(close)'? See 'permcheck --help'.")
        }
        throw .usage("'\(word)' is neither a command nor a token file (commands: \(subcommands.joined(separator: ", "))). See 'permcheck --help'.")
    }
}
