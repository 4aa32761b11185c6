import PermcheckCore

/// One option a command accepts, declared once (in ``Options``) with what `--help` and the completion scripts show:
/// the value it takes (`nil` for a flag), a one-line help text and the values it offers.
struct OptionSpec: Sendable {
    let name: String
    /// The value's placeholder in help (`ID`, `FILE`); `nil` for a flag.
    let value: String?
    let help: String
    /// The values help and completions offer (`--format text|json`). The command's own check decides what it
    /// accepts; `CompletionsAndHelpTests` runs each offered value through it.
    let allowed: [String]

    init(name: String, value: String? = nil, help: String, allowed: [String] = []) {
        self.name = name
        self.value = value
        self.help = help
        self.allowed = allowed
    }

    var takesValue: Bool { value != nil }

    /// How help shows it: `--api ID`, `--format text|json`, `--redact`; a long list of values is named instead
    /// (`--cloud CLOUD`) and listed by ``fullHelp``.
    var synopsis: String {
        guard let value else { return name }
        return "\(name) \(listsValuesInline ? allowed.joined(separator: "|") : value)"
    }

    /// The help text, with the values when the synopsis does not show them.
    var fullHelp: String {
        allowed.isEmpty || listsValuesInline ? help : "\(help): \(allowed.joined(separator: ", "))"
    }

    private var listsValuesInline: Bool { !allowed.isEmpty && allowed.joined(separator: "|").count <= 24 }

    /// The same option offering fewer values (a command that prints fewer formats).
    func allowing(_ values: [String]) -> OptionSpec { OptionSpec(name: name, value: value, help: help, allowed: values) }

    /// The same option with the help text a command needs (e.g. compare's `--status`: what the bad caller saw).
    func described(_ text: String) -> OptionSpec { OptionSpec(name: name, value: value, help: text, allowed: allowed) }
}

/// Parsed command-line arguments: positionals, option values (repeatable) and flags.
struct Arguments {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// Parses `args` against `specs`. `--name=value` and `--name value` both work; `-` is a positional (stdin);
    /// `--` ends options. Unknown options are usage errors with a "did you mean" hint.
    static func parse(_ args: [String], specs: [OptionSpec], command: String) throws(PermcheckError) -> Arguments {
        var result = Arguments()
        var index = 0
        var optionsEnded = false
        let helpCommand = "permcheck \(command == "permcheck" ? "" : command + " ")--help"
        while index < args.count {
            let arg = args[index]
            index += 1
            if optionsEnded || arg == "-" || !arg.hasPrefix("-") {
                result.positionals.append(arg)
                continue
            }
            if arg == "--" { optionsEnded = true; continue }
            if arg == "-h" { result.flags.insert("--help"); continue }
            var name = arg
            var inline: String?
            if let equals = arg.firstIndex(of: "=") {
                name = String(arg[..<equals])
                inline = String(arg[arg.index(after: equals)...])
            }
            guard let spec = specs.first(where: { $0.name == name }) else {
                let hint = Suggest.closest(to: name, in: specs.map(\.name), limit: 1).first.map { " Did you mean '\($0)'?" } ?? ""
                throw .usage("unknown option '\(name)' for '\(command)'.\(hint) See '\(helpCommand)'.")
            }
            if spec.takesValue {
                let value: String
                if let inline { value = inline } else {
                    guard index < args.count else { throw .usage("option '\(name)' needs a value. See '\(helpCommand)'.") }
                    value = args[index]
                    index += 1
                }
                result.values[name, default: []].append(value)
            } else {
                guard inline == nil else { throw .usage("option '\(name)' takes no value.") }
                result.flags.insert(name)
            }
        }
        return result
    }
}
