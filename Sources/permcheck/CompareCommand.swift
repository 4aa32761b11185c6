import Foundation
import PermcheckCore

/// `permcheck compare GOOD_TOKEN BAD_TOKEN --api ID [evidence…]`: what decides "works for A, not for B".
enum CompareCommand {
    static let specs: [OptionSpec] = [Options.api, Options.request] + Options.evidenceGroup + [
        Options.header, Options.status.described("the HTTP status the bad caller saw"), Options.at, Options.cloud,
        Options.format, Options.width, Options.redact, Options.rules, Options.all, Options.help,
    ]

    static func run(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: specs, command: "compare")
        if args.has("--help") { return try Help.show("compare", console: console) }
        guard args.positionals.count == 2 else {
            throw .usage("compare takes two tokens, the good (working) one first, got \(args.positionals.count). See 'permcheck compare --help'.")
        }
        guard args.positionals.filter({ $0 == "-" }).count <= 1 else {
            throw .usage("only one of the two tokens can come from standard input ('-').")
        }
        let format = try CommonOptions.format(args, allowed: [.text, .json, .markdown])
        let at = try CommonOptions.time(args, "--at") ?? Date()
        let table = try CommonOptions.ruleTable(args)
        // The rule as the main check finds it: --api, or the rule matching --request "METHOD URL".
        if args.value("--api") != nil, args.value("--request") != nil {
            throw .usage("give either --api ID or --request \"METHOD URL\", not both. See 'permcheck compare --help'.")
        }
        guard let rule = args.value("--api").map({ CheckInput.RuleChoice.api($0) }) ?? args.value("--request").map({ .request($0) }) else {
            throw .usage("missing --api ID or --request \"METHOD URL\" (run 'permcheck apis' to list the APIs). See 'permcheck compare --help'.")
        }
        let tokens = args.positionals
        var input = try CommonOptions.checkInput(args, rule: rule, rules: table,
                                                 token: .deferred { () throws(PermcheckError) in try TokenInput.read(argument: tokens[0], environmentVariable: nil) }, at: at)
        let good = try Permcheck.prepare(input)
        input.token = .deferred { () throws(PermcheckError) in try TokenInput.read(argument: tokens[1], environmentVariable: nil) }
        let bad = try Permcheck.prepare(input)
        let comparison = Comparison.evaluate(good.rule, good: good.input, bad: bad.input, showAll: args.has("--all"))
        let shown = args.has("--redact")
            ? Redactor(claimsList: [good.input.token.claims, bad.input.token.claims], evidence: good.input.evidence).redact(comparison) : comparison
        let output = switch format {
        case .json: ComparisonJSON.render(shown)
        case .markdown: ComparisonMarkdownRenderer().render(shown)
        default: ComparisonTextRenderer(color: console.colorEnabled).render(shown)
        }
        console.text(output, width: format == .text ? try CommonOptions.width(args, console: console) : nil)
        return comparison.exitCode
    }
}
