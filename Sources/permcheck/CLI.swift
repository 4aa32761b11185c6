import Foundation
import PermcheckCore

/// Dispatches to subcommands. `permcheck TOKEN --api ID` (no subcommand) is the main check.
enum CLI {
    static let subcommands = ["decode", "apis", "explain", "rules", "compare", "can", "permissions", "preflight", "batch", "mcp", "completions", "help"]

    static func run(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        guard let first = arguments.first else {
            console.out(Help.main)
            return 2
        }
        if first == "--version" { console.out("permcheck \(Permcheck.version)\n"); return 0 }
        if first == "--help" || first == "-h" { console.out(Help.main); return 0 }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "help":
            console.out(rest.first.flatMap(Help.forCommand) ?? Help.main)
            return 0
        case "decode": return try InfoCommands.decode(rest, console: console)
        case "apis": return try InfoCommands.apis(rest, console: console)
        case "explain": return try InfoCommands.explain(rest, console: console)
        case "rules": return try RulesCommand.run(rest, console: console)
        case "compare": return try CompareCommand.run(rest, console: console)
        case "can": return try CanCommand.run(rest, console: console)
        case "permissions": return try PermissionsCommand.run(rest, console: console)
        case "preflight": return try PreflightCommand.run(rest, console: console)
        case "batch": return try BatchCommand.run(rest, console: console)
        case "mcp": return try MCPCommand.run(rest, console: console)
        case "completions": return try CompletionsCommand.run(rest, console: console)
        default:
            let args = try Arguments.parse(arguments, specs: CheckCommand.specs, command: "permcheck")
            if args.has("--help") { console.out(Help.main); return 0 }
            if args.has("--version") { console.out("permcheck \(Permcheck.version)\n"); return 0 }
            return try CheckCommand.run(args, console: console)
        }
    }
}
