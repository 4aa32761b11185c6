// libFuzzer harness for the evidence readers: every row of the evidence table (case members, role groups, case
// admins, Purview policies and collections, directory roles, site permissions, access policies, Exchange role
// assignments, mailbox permissions, group members, subscriptions, governance policies). Built by scripts/fuzz
// together with Sources/PermcheckCore/**/*.swift in one module.
import Foundation

/// One built-in rule per requirement kind that some evidence is read by: the checkers, not the rules, read evidence, and
/// evaluating all hundred rules per input left the harness at ~10 inputs a second (it never got past its seeds).
private let fuzzRules: [APIRule] = {
    let rules = (try? RuleSet.builtIn().rules) ?? []
    let kinds = Set(EvidenceKind.all.flatMap(\.readBy))
    return kinds.sorted { $0.rawValue < $1.rawValue }.compactMap { kind in rules.first { $0.requirements.contains { $0.check.kind == kind } } }
}()
private let fuzzTime = Date(timeIntervalSince1970: 1_793_698_200)
/// A fixed, well-formed user token (payload only matters) so evaluation exercises membership matching.
private let fuzzToken: AccessToken? = {
    let payload = #"{"aud":"https://graph.microsoft.com","tid":"aaaabbbb-0000-4000-8000-00000000cafe","oid":"11111111-1111-4111-8111-111111111111","upn":"megan.manager@contoso-gcc.example","scp":"eDiscovery.ReadWrite.All","iat":1793696400,"exp":2109056400,"appid":"14d82eec-204b-4c2f-b7e8-296a70dab67e","ver":"1.0"}"#
    let text = Base64URL.encode(Array(#"{"alg":"RS256","typ":"JWT"}"#.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + ".c2ln"
    return try? TokenDecoder.decode(Array(text.utf8), source: "fuzz token")
}()

/// Parses the input as evidence JSON and runs every loader over it; whatever loads is evaluated and redacted.
func evidenceLoaderFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let value = try? EvidenceReader.json(bytes, path: "fuzz.json") else { return 0 }
    var evidence = Evidence()
    evidence.caseName = "Contoso Litigation"
    evidence.collectionName = "contoso"
    // Each reader on its own evidence, so one refusing the input does not hide what the next one reads.
    for kind in EvidenceKind.all {
        var read = evidence
        do throws(PermcheckError) {
            try kind.read(value, "fuzz.json", &read)
            evidence = read
        } catch {}
    }
    guard let token = fuzzToken else { return 0 }
    for rule in fuzzRules {
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: token, evidence: evidence, at: fuzzTime))
        let text = OutputFormat.text.renderer(color: false).render(diagnosis)
        _ = Redactor(diagnosis: diagnosis, evidence: evidence).redact(text)
    }
    return 0
}
