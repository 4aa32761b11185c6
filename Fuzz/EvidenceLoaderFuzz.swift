// libFuzzer harness for the evidence loaders: case members, role groups, case admins, Purview metadata policies and
// collections. Built by scripts/fuzz together with Sources/PermcheckCore/**/*.swift in one module.
import Foundation

private let fuzzRules: [APIRule] = (try? RuleSet.builtIn().rules) ?? []
private let fuzzTime = Date(timeIntervalSince1970: 1_793_698_200)
/// A fixed, well-formed user token (payload only matters) so evaluation exercises membership matching.
private let fuzzToken: AccessToken? = {
    let payload = #"{"aud":"https://graph.microsoft.com","tid":"aaaabbbb-0000-4000-8000-00000000cafe","oid":"11111111-1111-4111-8111-111111111111","upn":"megan.manager@contoso-gcc.example","scp":"eDiscovery.ReadWrite.All","iat":1793696400,"exp":2109056400,"appid":"14d82eec-204b-4c2f-b7e8-296a70dab67e","ver":"1.0"}"#
    let text = Base64URL.encode(Array(#"{"alg":"RS256","typ":"JWT"}"#.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + ".c2ln"
    return try? TokenDecoder.decode(Array(text.utf8), source: "fuzz token")
}()

/// Parses the input as evidence JSON and runs every loader over it; whatever loads is evaluated and redacted.
@_cdecl("LLVMFuzzerTestOneInput")
public func evidenceLoaderFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let value = try? EvidenceReader.json(bytes, path: "fuzz.json") else { return 0 }
    var evidence = Evidence()
    evidence.caseName = "Contoso Litigation"
    evidence.collectionName = "contoso"
    evidence.caseMembers = try? EvidenceReader.caseMembers(value, path: "fuzz.json")
    evidence.roleGroups = try? EvidenceReader.roleGroups(value, path: "fuzz.json")
    evidence.caseAdmins = try? EvidenceReader.caseAdmins(value, path: "fuzz.json")
    let policies = try? PurviewEvidenceReader.read(policies: ("fuzz.json", value), collections: nil)
    let collections = try? PurviewEvidenceReader.read(policies: nil, collections: ("fuzz.json", value))
    evidence.purview = policies ?? collections
    guard let token = fuzzToken else { return 0 }
    for rule in fuzzRules {
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: token, evidence: evidence, at: fuzzTime))
        let text = OutputFormat.text.renderer(color: false).render(diagnosis)
        _ = Redactor(diagnosis: diagnosis, evidence: evidence).redact(text)
    }
    return 0
}
