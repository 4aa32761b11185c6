import PermcheckCore

/// One option a command accepts.
struct OptionSpec {
    let name: String
    let takesValue: Bool
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
                throw .usage("unknown option '\(name)' for '\(command)'.\(hint) See 'permcheck \(command == "permcheck" ? "" : command + " ")--help'.")
            }
            if spec.takesValue {
                let value: String
                if let inline { value = inline } else {
                    guard index < args.count else { throw .usage("option '\(name)' needs a value. See 'permcheck --help'.") }
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
