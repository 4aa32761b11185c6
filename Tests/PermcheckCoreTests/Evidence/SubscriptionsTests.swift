import Foundation
import Testing
@testable import PermcheckCore

/// `--subscriptions`: the reader's shapes and refusals, and the `license` requirement built on it.
@Suite struct SubscriptionsTests {
    func read(_ text: String) throws -> [SubscribedSku] {
        try EvidenceReader.subscriptions(EvidenceReader.json(Array(text.utf8), path: "s.json"), path: "s.json")
    }

    func failure(_ text: String) -> String {
        do { _ = try read(text); return "no error" } catch { return (error as? PermcheckError)?.message ?? "\(error)" }
    }

    @Test func powerShellAndGraphExportsReadTheSame() throws {
        let powerShell = try EvidenceReader.subscriptions(TestSupport.fixtureJSON("fixtures/evidence/subscriptions-e5.json"), path: "p")
        #expect(powerShell.map(\.partNumber) == ["SPE_E5", "POWER_BI_STANDARD"])
        #expect(powerShell[0].servicePlans.contains { $0.isNamed("equivio_analytics") && $0.provisioningStatus == "Success" })
        let graph = try EvidenceReader.subscriptions(TestSupport.fixtureJSON("fixtures/evidence/subscriptions-e3-graph.json"), path: "g")
        #expect(graph.map(\.partNumber) == ["SPE_E3"])
        #expect(graph[0].servicePlans.map(\.id) == ["efb87545-963c-4e0d-99df-69c6916d9eb0"])
        #expect(graph[0].isActive)
    }

    @Test func oneSkuAsAnObjectIsAList() throws {
        let skus = try EvidenceReader.subscriptions(TestSupport.fixtureJSON("fixtures/evidence/subscriptions-e5-suspended.json"), path: "o")
        #expect(skus.count == 1)
        #expect(!skus[0].isActive)
    }

    @Test func truncatedExportsAndOtherFilesAreRefused() {
        #expect(failure(#"[{"SkuPartNumber":"SPE_E5","ServicePlans":"System.Object[]"}]"#).contains("truncated by ConvertTo-Json"))
        #expect(failure(#"[{"SkuPartNumber":"SPE_E5","ServicePlans":["Microsoft.Graph.PowerShell.Models.MicrosoftGraphServicePlanInfo"]}]"#).contains("-Depth 5"))
        #expect(failure(#"[{"Name":"eDiscoveryManager","Roles":["Export"]}]"#).contains("pass it as --role-groups"))
        #expect(failure(#"{"value":[]}"#).contains("lists no subscriptions"))
        #expect(failure(#"[]"#).contains("lists no subscriptions"))
        #expect(failure(#"[{"ServicePlans":[]}]"#).contains("no 'SkuPartNumber' or 'SkuId'"))
        // ConvertTo-Json's default -Depth 2 keeps the plans but flattens the SDK objects' AdditionalProperties.
        #expect(failure(#"[{"SkuPartNumber":"SPE_E5","ServicePlans":[{"ServicePlanName":"EQUIVIO_ANALYTICS","ProvisioningStatus":"Success","AdditionalProperties":"System.Collections.Generic.Dictionary`2[System.String,System.Object]"}]}]"#)
            .contains("at $[0].ServicePlans[0].AdditionalProperties"))
        #expect(failure("null").contains("the export is null"))
        #expect(failure("{}").contains("empty object"))
    }

    func check(_ skus: [SubscribedSku]?, alternative: String? = nil) throws -> CheckResult {
        var evidence = Evidence()
        evidence.subscriptions = skus
        let token = try TokenDecoder.decode(TestSupport.fixture("fixtures/tokens/app-graph-ediscovery.jwt"), source: "t")
        let checker = RequirementChecker(input: EvaluationInput(token: token, evidence: evidence, at: Date(timeIntervalSince1970: 1_793_700_000)))
        return checker.check(.license(anyOf: ["EQUIVIO_ANALYTICS", "4de31727-a228-4ec3-a5bf-8e45b5ca48cc"], alternative: alternative))
    }

    func sku(_ plan: ServicePlan, status: String? = "Enabled") -> [SubscribedSku] {
        [SubscribedSku(partNumber: "SPE_E5", capabilityStatus: status, servicePlans: [plan])]
    }

    @Test func aPlanMatchesByNameOrIdWhenProvisioned() throws {
        #expect(try check(sku(ServicePlan(name: "EQUIVIO_ANALYTICS", provisioningStatus: "Success"))).outcome == .met)
        #expect(try check(sku(ServicePlan(id: "4DE31727-A228-4EC3-A5BF-8E45B5CA48CC", provisioningStatus: "Success"))).outcome == .met)
        #expect(try check(sku(ServicePlan(name: "EQUIVIO_ANALYTICS", provisioningStatus: "Success"), status: "Warning")).outcome == .met)
    }

    @Test func disabledSuspendedOrMissingPlansAreUnmetPendingOnesUnknown() throws {
        #expect(try check(sku(ServicePlan(name: "EQUIVIO_ANALYTICS", provisioningStatus: "Disabled"))).outcome == .unmet)
        #expect(try check(sku(ServicePlan(name: "EQUIVIO_ANALYTICS", provisioningStatus: "Success"), status: "Suspended")).outcome == .unmet)
        #expect(try check(sku(ServicePlan(name: "EXCHANGE_S_ENTERPRISE", provisioningStatus: "Success"))).outcome == .unmet)
        #expect(try check(sku(ServicePlan(name: "EQUIVIO_ANALYTICS", provisioningStatus: "PendingActivation"))).outcome == .unknown)
    }

    @Test func withoutEvidenceOrWithAnAlternativeTheLicenceIsUnknown() throws {
        let missing = try check(nil)
        #expect(missing.outcome == .unknown)
        #expect(missing.collect?.contains("Get-MgSubscribedSku | ConvertTo-Json -Depth 5") == true)
        #expect(missing.collect?.contains("--subscriptions subscriptions.json") == true)
        let e3 = try check(sku(ServicePlan(name: "EXCHANGE_S_ENTERPRISE", provisioningStatus: "Success")), alternative: "pay-as-you-go billing")
        #expect(e3.outcome == .unknown)
        #expect(e3.message.contains("pay-as-you-go billing"))
    }

    @Test func only402IsAllowedBesides401And403AndOnlyForLicences() throws {
        func load(_ kind: String, _ status: Int) throws -> APIRule {
            let text = #"{"id":"t.x","family":"t","title":"t","request":{"method":"GET","urls":["https://example.com/x"]},"requirements":[{"id":"r","kind":"\#(kind)","anyOf":["EQUIVIO_ANALYTICS"],"description":"d","status":\#(status),"fix":"f","sources":["https://example.com"],"confidence":"documented"}]}"#
            return try RuleLoader.load(Array(text.utf8), path: "t.json")
        }
        #expect(try load("license", 402).requirements[0].status == 402)
        #expect(throws: PermcheckError.self) { try load("scope", 402) }
    }
}
