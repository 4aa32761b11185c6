import Foundation
import PermcheckCore

/// `decode`, `apis`, `explain`: read-only views of a token or of the rule table.
enum InfoCommands {
    static let decodeSpecs = [Options.format.allowing(["text", "json"]), Options.width, Options.at.described("show the lifetime as of this time instead of now"),
                              Options.tokenEnv, Options.redact, Options.help]
    static let apisSpecs = [Options.family, Options.grep.described("only the rules whose id, title, summary, alias or URL contains TEXT"),
                            Options.rules, Options.help]
    static let explainSpecs = [Options.width, Options.rules, Options.help]

    static func decode(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: decodeSpecs, command: "decode")
        if args.has("--help") { return try Help.show("decode", console: console) }
        guard args.positionals.count <= 1 else { throw .usage("decode takes one token. See 'permcheck decode --help'.") }
        let format = try CommonOptions.format(args, allowed: [.text, .json])
        let at = try CommonOptions.time(args, "--at") ?? Date()
        let decoded = try TokenInput.load(argument: args.positionals.first, environmentVariable: args.value("--token-env"))
        let token = args.has("--redact") ? Redactor(claimsList: [decoded.claims], evidence: Evidence()).redact(decoded) : decoded
        let output = format == .json ? JSONWriter.write(DecodeReport.json(token, at: at), pretty: true) + "\n" : DecodeReport.text(token, at: at, style: ConsoleStyle(color: console.colorEnabled))
        console.text(output, width: format == .json ? nil : try CommonOptions.width(args, console: console))
        return 0
    }

    static func apis(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: apisSpecs, command: "apis")
        if args.has("--help") { return try Help.show("apis", console: console) }
        let rules = try RuleSource.load(directory: args.value("--rules"))
        let family = args.value("--family"), grep = args.value("--grep")
        let families = Set(rules.rules.map { $0.family.lowercased() }).sorted()
        if let family, !families.contains(family.lowercased()) {
            throw .usage("no API matches --family '\(family)' (families: \(families.joined(separator: ", "))).")
        }
        let list = RuleReport.list(rules.rules, family: family, grep: grep)
        if list.isEmpty, let grep {
            throw .usage("no API matches --grep '\(grep)'\(family.map { " in family '\($0)'" } ?? ""). See 'permcheck apis' for the list.")
        }
        console.out(list)
        return 0
    }

    static func explain(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: explainSpecs, command: "explain")
        if args.has("--help") { return try Help.show("explain", console: console) }
        guard args.positionals.count == 1 else { throw .usage("explain takes one API id. See 'permcheck apis'.") }
        let rules = try RuleSource.load(directory: args.value("--rules"))
        console.text(RuleReport.explain(try rules.rule(named: args.positionals[0])), width: try CommonOptions.width(args, console: console))
        return 0
    }
}
