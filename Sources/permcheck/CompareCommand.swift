import Foundation
import PermcheckCore

/// `permcheck compare GOOD_TOKEN BAD_TOKEN --api ID [evidence…]`: what decides "works for A, not for B".
enum CompareCommand {
    static let specs: [OptionSpec] = CheckCommand.specs.filter { !["--token-env", "--version"].contains($0.name) }
        + [OptionSpec(name: "--all", takesValue: false)]

    static func run(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: specs, command: "compare")
        if args.has("--help") { console.out(Help.compare); return 0 }
        guard args.positionals.count == 2 else {
            throw .usage("compare takes two tokens, the good (working) one first, got \(args.positionals.count). See 'permcheck compare --help'.")
        }
        guard args.positionals.filter({ $0 == "-" }).count <= 1 else {
            throw .usage("only one of the two tokens can come from standard input ('-').")
        }
        let format = try CommonOptions.format(args, allowed: [.text, .json, .markdown])
        let at = try CommonOptions.time(args, "--at") ?? Date()
        let rules = try RuleSource.load(directory: args.value("--rules"))
        guard let apiName = args.value("--api") else {
            throw .usage("missing --api ID (run 'permcheck apis' to list them). See 'permcheck compare --help'.")
        }
        let rule = try rules.rule(named: apiName)
        let goodToken = try TokenInput.load(argument: args.positionals[0], environmentVariable: nil)
        let badToken = try TokenInput.load(argument: args.positionals[1], environmentVariable: nil)
        var good = EvaluationInput(token: goodToken, evidence: try CommonOptions.evidence(args), at: at)
        good.request = try CommonOptions.request(args)
        good.observedStatus = try CommonOptions.status(args)
        good.targetCloud = try CommonOptions.cloud(args)
        var bad = good
        bad.token = badToken
        let comparison = Comparison.evaluate(rule, good: good, bad: bad, showAll: args.has("--all"))
        let shown = args.has("--redact")
            ? Redactor(claimsList: [goodToken.claims, badToken.claims], evidence: good.evidence).redact(comparison) : comparison
        let output = switch format {
        case .json: ComparisonJSON.render(shown)
        case .markdown: ComparisonMarkdownRenderer().render(shown)
        default: ComparisonTextRenderer(color: console.colorEnabled).render(shown)
        }
        console.out(output)
        return comparison.exitCode
    }
}
