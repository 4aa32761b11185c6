import Foundation
import PermcheckCore

/// `decode`, `apis`, `explain`: read-only views of a token or of the rule table.
enum InfoCommands {
    static let decodeSpecs = [OptionSpec(name: "--format", takesValue: true), OptionSpec(name: "--at", takesValue: true),
                                    OptionSpec(name: "--token-env", takesValue: true), OptionSpec(name: "--redact", takesValue: false),
                                    OptionSpec(name: "--help", takesValue: false)]
    static let apisSpecs = [OptionSpec(name: "--family", takesValue: true), OptionSpec(name: "--grep", takesValue: true),
                                  OptionSpec(name: "--rules", takesValue: true), OptionSpec(name: "--help", takesValue: false)]
    static let explainSpecs = [OptionSpec(name: "--rules", takesValue: true), OptionSpec(name: "--help", takesValue: false)]

    static func decode(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: decodeSpecs, command: "decode")
        if args.has("--help") { console.out(Help.decode); return 0 }
        guard args.positionals.count <= 1 else { throw .usage("decode takes one token. See 'permcheck decode --help'.") }
        let format = try CommonOptions.format(args, allowed: [.text, .json])
        let at = try CommonOptions.time(args, "--at") ?? Date()
        let decoded = try TokenInput.load(argument: args.positionals.first, environmentVariable: args.value("--token-env"))
        let token = args.has("--redact") ? Redactor(claimsList: [decoded.claims], evidence: Evidence()).redact(decoded) : decoded
        console.out(format == .json ? JSONWriter.write(DecodeReport.json(token, at: at), pretty: true) + "\n" : DecodeReport.text(token, at: at))
        return 0
    }

    static func apis(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: apisSpecs, command: "apis")
        if args.has("--help") { console.out(Help.apis); return 0 }
        let rules = try RuleSource.load(directory: args.value("--rules"))
        console.out(RuleReport.list(rules.rules, family: args.value("--family"), grep: args.value("--grep")))
        return 0
    }

    static func explain(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: explainSpecs, command: "explain")
        if args.has("--help") { console.out(Help.explain); return 0 }
        guard args.positionals.count == 1 else { throw .usage("explain takes one API id. See 'permcheck apis'.") }
        let rules = try RuleSource.load(directory: args.value("--rules"))
        console.out(RuleReport.explain(try rules.rule(named: args.positionals[0])))
        return 0
    }
}
