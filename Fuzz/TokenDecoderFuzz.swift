// libFuzzer harness for the token decoder. Built by scripts/fuzz together with Sources/PermcheckCore/**/*.swift in
// one module, so it calls the core directly. Any input may be rejected with a PermcheckError; a crash, a hang or a
// sanitizer report is a bug.
import Foundation

/// Rules and a fixed evaluation time, built once.
private let fuzzRules: [APIRule] = (try? RuleSet.builtIn().rules) ?? []
private let fuzzTime = Date(timeIntervalSince1970: 1_793_698_200)

/// A fixed header, so the input can also be tried as a raw payload (mutating JSON inside base64 is slow going).
private let fuzzHeader = Base64URL.encode(Array(#"{"alg":"RS256","typ":"JWT"}"#.utf8))

/// Decodes the input as token text, and again as the payload of an otherwise well-formed token; whatever decodes
/// is rendered and evaluated against every built-in rule, so renderers and checks also see hostile claim values.
func tokenDecoderFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    exercise(bytes)
    exercise(Array((fuzzHeader + "." + Base64URL.encode(bytes) + ".c2ln").utf8))
    return 0
}

private func exercise(_ bytes: [UInt8]) {
    guard let token = try? TokenDecoder.decode(bytes, source: "fuzz input") else { return }
    let report = DecodeReport.text(token, at: fuzzTime) + JSONWriter.write(DecodeReport.json(token, at: fuzzTime))
    _ = Redactor(claimsList: [token.claims], evidence: Evidence()).redact(report)
    for rule in fuzzRules {
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: token, at: fuzzTime))
        for format in OutputFormat.allCases { _ = format.renderer(color: false).render(diagnosis) }
    }
}
