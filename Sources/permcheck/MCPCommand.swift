import Foundation
import PermcheckCore

/// `permcheck mcp [--redact] [--rules DIR]`: a Model Context Protocol server on standard input/output (MCP's stdio
/// transport: one JSON-RPC message per line). Standard output carries protocol messages only; standard error, logs.
/// End of input ends the server (exit 0). Offline like every other command.
enum MCPCommand {
    static let specs: [OptionSpec] = [
        Options.redact.described("replace personal data in results with placeholders (as the CLI's --redact)"), Options.rules, Options.help,
    ]

    static let instructions = """
    permcheck explains, offline, why a Microsoft API call returned 401/403 and the least privilege that fixes it. \
    Start with 'triage' when you have a pasted request or error; use 'check' with the token ('token' text or 'tokenFile') \
    and the API ('api' rule id, or 'request' "METHOD URL"), adding the evidence it asks for (file paths or inline JSON) \
    until no finding is 'unknown'. 'can' and 'permissions' answer Microsoft Graph permission questions. \
    Tokens are never echoed: results show a fingerprint.
    """

    static func run(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: specs, command: "mcp")
        if args.has("--help") { return try Help.show("mcp", console: console) }
        guard args.positionals.isEmpty else { throw .usage("mcp takes no arguments; it reads JSON-RPC messages on standard input. See 'permcheck mcp --help'.") }
        if let directory = args.value("--rules") { _ = try RuleSource.load(directory: directory) }
        let tools = PermcheckTools(rulesDirectory: args.value("--rules"), redact: args.has("--redact"), now: { Date() })
        let server = MCPServer(name: "permcheck", version: Permcheck.version, instructions: instructions, provider: tools,
                               maxMessageBytes: InputLimits.fileBytes)
        console.err("permcheck mcp \(Permcheck.version): serving MCP on standard input/output\(args.has("--redact") ? " (results redacted)" : "")\n")
        var reader = LineReader(descriptor: STDIN_FILENO, maxLineBytes: InputLimits.fileBytes)
        var output = OutputBuffer(console: console)
        while let lines = try reader.nextLines() {
            for line in lines {
                let answers = line.tooLong ? [JSONRPC.encode(JSONRPC.error(id: .null, server.oversized))] : server.handle(line: line.bytes)
                for answer in answers { output.write(answer + "\n") }
                output.flush()
            }
        }
        return 0
    }
}
