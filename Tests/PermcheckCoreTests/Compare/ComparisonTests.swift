import Foundation
import Testing
@testable import PermcheckCore

@Suite struct ComparisonTests {
    func compare(_ good: String, _ bad: String, roleGroups: String = "role-groups.json", all: Bool = false) throws -> Comparison {
        let evidence = try CompareFixtures.evidence(roleGroups: roleGroups)
        return Comparison.evaluate(CompareFixtures.rule, good: try CompareFixtures.input(good, evidence),
                                   bad: try CompareFixtures.input(bad, evidence), showAll: all)
    }

    @Test func theAdministratorVersusTheManagersGraphTokenPointsAtAudienceScopeAndCaseAccess() throws {
        let comparison = try compare("admin-proxy", "manager-graph")
        #expect(!comparison.sameVerdict)
        #expect(comparison.exitCode == 1)
        #expect(comparison.requirements.map(\.requirementID) == ["proxy-audience", "download-scope", "case-membership"])
        #expect(comparison.requirements.last?.difference == .route)
        let facts = Dictionary(uniqueKeysWithValues: comparison.facts.map { ($0.id, $0) })
        #expect(facts["audience"]?.bad?.contains("Microsoft Graph") == true)
        #expect(facts["scopes"]?.onlyGood == ["eDiscovery.Download.Read"])
        #expect(facts["caseAccess"]?.good?.contains("eDiscovery Administrator") == true)
        #expect(facts["caseAccess"]?.bad == "case member")
        #expect(facts["caseAdmin"]?.requirements == ["case-membership"])
        #expect(comparison.fixes.first?.contains("MicrosoftPurviewEDiscovery") == true)
    }

    @Test func claimsThatDifferButDecideNothingAreHiddenUnlessAllIsAsked() throws {
        let hidden = try compare("admin-proxy", "manager-graph")
        #expect(!hidden.facts.contains { ["issuedAt", "tokenId", "username", "objectId"].contains($0.id) })
        #expect(hidden.hiddenFactCount > 0)
        let all = try compare("admin-proxy", "manager-graph", all: true)
        #expect(all.facts.contains { $0.id == "tokenId" && !$0.decisive })
        #expect(all.facts.contains { $0.id == "claim:given_name" })
        #expect(all.hiddenFactCount == 0)
    }

    @Test func theSameTokenTwiceHasNoDifferenceAndExitsZero() throws {
        let comparison = try compare("manager-proxy", "manager-proxy")
        #expect(comparison.sameVerdict && comparison.exitCode == 0)
        #expect(comparison.requirements.isEmpty && comparison.facts.isEmpty && comparison.fixes.isEmpty)
    }

    @Test func anAppOnlyVersusADelegatedCallerShowsRequirementsThatApplyToOnlyOneSide() throws {
        let comparison = try compare("app-in-case", "manager-graph")
        let scope = try #require(comparison.requirements.first { $0.requirementID == "download-scope" })
        #expect(scope.good == nil && scope.bad?.outcome == .unmet)
        #expect(comparison.facts.contains { $0.id == "principalKind" })
    }

    @Test func eachSideKeepsItsStaleTokenHints() throws {
        let comparison = try compare("admin-proxy", "manager-graph", roleGroups: "role-groups-changed.json")
        #expect(comparison.badHints.map(\.id) == ["stale-token", "propagation-window"])
        #expect(comparison.goodHints.map(\.id) == ["stale-token", "propagation-window"])
    }

    @Test(arguments: OutputFormat.allCases)
    func everyFormatNamesTheDecisiveValues(format: OutputFormat) throws {
        let comparison = try compare("admin-proxy", "manager-graph")
        let output = switch format {
        case .json: ComparisonJSON.render(comparison)
        case .markdown: ComparisonMarkdownRenderer().render(comparison)
        default: ComparisonTextRenderer().render(comparison)
        }
        for expected in ["proxy-audience", "eDiscovery.Download.Read", "eDiscovery Administrator"] {
            #expect(output.contains(expected), "\(format): \(expected)")
        }
        #expect(!output.contains("eyJ"), "never a token")
    }

    @Test func theJSONContractHasItsDocumentedFields() throws {
        let value = ComparisonJSON.value(try compare("admin-proxy", "manager-graph"))
        for key in ["api", "sameVerdict", "good", "bad", "requirements", "facts", "hiddenFacts", "fixes", "hints", "all", "evaluatedAt", "case"] {
            #expect(value[key] != nil, "\(key)")
        }
        #expect(value["facts"]?.arrayValue?.first?["decides"]?.arrayValue?.isEmpty == false)
    }
}

@Suite struct RedactorWholeWordTests {
    @Test func aSurnameThatIsAlsoARoleWordDoesNotEatTheRoleName() throws {
        let admin = try CompareFixtures.token("admin-proxy")
        let manager = try CompareFixtures.token("manager-graph")
        let redactor = Redactor(claimsList: [admin.claims, manager.claims], evidence: try CompareFixtures.evidence())
        let text = redactor.redact("Ada Admin (ada.admin@contoso-gcc.example) is an eDiscovery Administrator; Megan Manager is in eDiscovery Manager.")
        #expect(!text.contains("Ada") && !text.contains("ada.admin") && !text.contains("Megan"))
        #expect(text.contains("eDiscovery Administrator") && text.contains("is in eDiscovery Manager."))
    }
}
