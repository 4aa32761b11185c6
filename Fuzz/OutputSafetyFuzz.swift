// libFuzzer harness for what guards permcheck's output: the token scrubber, the control-character escaper and the
// redactor. Built by scripts/fuzz with Sources/PermcheckCore/**/*.swift in one module. Any input, with a canary
// embedded by the harness, must come out without the canary: a violation is reported as a crash (fatalError).
import Foundation

private let fuzzTime = Date(timeIntervalSince1970: 1_793_698_200)
private let fuzzRule: APIRule? = try? RuleSet.builtIn(named: "export-download").rules.first

/// Two canary tokens: a compact header (`eyJ…`) and one with spaces (`eyA…`).
private let canaryPayload = Base64URL.encode(Array(#"{"aud":"https://graph.microsoft.com","upn":"canary@example.test","tid":"c0ffee00-0000-4000-8000-00000000c0de"}"#.utf8))
private let canarySignature = Base64URL.encode(Array("canary-signature-bytes-that-must-never-be-printed-0123456789".utf8))
private let canaries = [#"{"alg":"RS256","typ":"JWT"}"#, #"{ "alg": "RS256", "typ": "JWT" }"#].map {
    Base64URL.encode(Array($0.utf8)) + "." + canaryPayload + "." + canarySignature
}
private let canaryPieces: [String] = {
    let secret = Array(canaryPayload + canarySignature)
    return stride(from: 0, to: secret.count - 16, by: 16).map { String(secret[$0..<($0 + 16)]) }
}()

/// The personal value the redactor must remove: a name no input can contain (the harness removes "Zqx" from input).
private let canaryName = "Zqx Canary"

func outputSafetyFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    scrubber(bytes)
    redactor(bytes)
    return 0
}

/// The canary token inserted at an input-chosen position of the input text, then cleaned as Console would.
private func scrubber(_ bytes: [UInt8]) {
    guard let selector = bytes.first else { return }
    let rest = Array(bytes.dropFirst())
    let position = rest.isEmpty ? 0 : Int(selector) % (rest.count + 1)
    let canary = canaries[Int(selector >> 7)]
    let text = Array(rest[..<position]) + Array(canary.utf8) + Array(rest[position...])
    let cleaned = String(decoding: OutputSafety.clean(text, keepingColor: selector & 1 == 0), as: UTF8.self)
    let input = String(decoding: rest, as: UTF8.self)
    for piece in canaryPieces where !input.contains(piece) && cleaned.contains(piece) {
        fatalError("the scrubber let a piece of the canary token through: \(piece)")
    }
    for byte in OutputSafety.clean(text, keepingColor: false) where (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F {
        fatalError("a raw control byte \(byte) reached the output")
    }
}

/// Input text as the claims, the case name and an evidence entry around the canary name; every rendering of the
/// redacted diagnosis must be free of it.
private func redactor(_ bytes: [UInt8]) {
    guard let rule = fuzzRule else { return }
    var text = String(decoding: bytes, as: UTF8.self)
    while let range = text.range(of: "Zqx", options: .caseInsensitive) { text.removeSubrange(range) }
    let parts = text.split(separator: "\u{0}", maxSplits: 3, omittingEmptySubsequences: false).map(String.init) + ["", "", ""]
    let payload: [String: JSONValue] = [
        "aud": .string("https://graph.microsoft.com"), "name": .string(parts[0] + canaryName + parts[1]),
        "given_name": .string(parts[1]), "family_name": .string(parts[2]), "upn": .string(parts[0]),
        "unique_name": .string(canaryName), "exp": .number(JSONNumber(2_109_056_400)),
    ]
    let token = Base64URL.encode(Array(#"{"alg":"RS256","typ":"JWT"}"#.utf8)) + "." + Base64URL.encode(Array(JSONWriter.write(.object(payload)).utf8)) + ".c2ln"
    guard let decoded = try? TokenDecoder.decode(Array(token.utf8), source: "fuzz") else { return }
    var entry = DirectoryEntry(name: parts[2])
    entry.displayName = canaryName
    var evidence = Evidence()
    evidence.caseName = parts[0] + " " + canaryName + " " + parts[1]
    evidence.caseMembers = CaseMembers(members: [entry])
    let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: decoded, evidence: evidence, at: fuzzTime))
    let redactor = Redactor(diagnosis: diagnosis, evidence: evidence)
    let redacted = redactor.redact(diagnosis)
    var outputs = OutputFormat.allCases.map { $0.renderer(color: false).render(redacted) }
    let token2 = redactor.redact(decoded)
    outputs.append(DecodeReport.text(token2, at: fuzzTime) + JSONWriter.write(DecodeReport.json(token2, at: fuzzTime)))
    for output in outputs where String(decoding: OutputSafety.clean(Array(output.utf8), keepingColor: false), as: UTF8.self).contains(canaryName) {
        fatalError("the redactor let the canary name through")
    }
}
