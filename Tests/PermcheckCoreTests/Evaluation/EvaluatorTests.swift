import Foundation
import Testing
@testable import PermcheckCore

@Suite struct EvaluatorTests {
    let rule = try! TestSupport.builtIn.rule(named: "export-download")
    let at = ISO8601.parse("2026-11-03T09:30:00Z")!

    func token(_ name: String) throws -> AccessToken {
        try TokenDecoder.decode(TestSupport.fixture("fixtures/tokens/\(name).jwt"), source: name)
    }

    func evidence(admins: Bool = true, roleGroups: String = "role-groups.json") throws -> Evidence {
        var evidence = Evidence()
        evidence.caseName = "Contoso Litigation"
        evidence.caseMembers = try EvidenceReader.caseMembers(TestSupport.fixtureJSON("fixtures/evidence/case-members.json"), path: "m")
        evidence.roleGroups = try EvidenceReader.roleGroups(TestSupport.fixtureJSON("fixtures/evidence/\(roleGroups)"), path: "g")
        if admins { evidence.caseAdmins = try EvidenceReader.caseAdmins(TestSupport.fixtureJSON("fixtures/evidence/case-admins.json"), path: "a") }
        return evidence
    }

    let header = RequestContext(headers: [(name: "X-AllowWithAADToken", value: "true")])

    @Test func theSeedTicketIsA401NamingAudienceAndScope() throws {
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: try token("manager-graph"), evidence: try evidence(), at: at))
        #expect(diagnosis.verdict == .denied)
        #expect(diagnosis.predictedStatus == 401)
        #expect(diagnosis.reasons == ["proxy-audience", "download-scope"])
        #expect(diagnosis.fixes.first?.contains("b26e684c-5068-4120-a679-64a5d2c909d9/eDiscovery.Download.Read") == true)
        #expect(diagnosis.hints.contains { $0.id == "pre-authorized-link" })
    }

    @Test func evaluationIsDeterministic() throws {
        let input = EvaluationInput(token: try token("manager-graph"), evidence: try evidence(), at: at)
        #expect(Evaluator.evaluate(rule, input) == Evaluator.evaluate(rule, input))
    }

    @Test func aManagerWithTheProxyTokenAndHeaderIsAllowed() throws {
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: try token("manager-proxy"), evidence: try evidence(), request: header, at: at))
        #expect(diagnosis.verdict == .allowed)
        #expect(diagnosis.predictedStatus == nil)
    }

    @Test func aReviewerWithoutExportGetsTheLeastPrivilegedFixNotAdministrator() throws {
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: try token("reviewer-no-export"), evidence: try evidence(), request: header, at: at))
        #expect(diagnosis.reasons == ["export-role"])
        let fix = try #require(diagnosis.fixes.first)
        #expect(fix.hasPrefix("Least privilege: add the Export role"))
        #expect(fix.contains("eDiscovery Administrator is not needed"))
    }

    @Test func missingEvidenceMakesTheVerdictIndeterminateNotAllowed() throws {
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: try token("manager-proxy"), request: header, at: at))
        #expect(diagnosis.verdict == .indeterminate)
        #expect(Set(diagnosis.reasons) == ["export-role", "case-membership"])
        #expect(diagnosis.findings.compactMap(\.collect).contains { $0.contains("Get-ComplianceCaseMember -Case \"<case name>\"") })
    }

    @Test func anObservedStatusThatNothingExplainsShowsTheReportedCauses() throws {
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: try token("manager-proxy"), evidence: try evidence(), request: header, at: at, observedStatus: 401))
        // Never a plain ALLOWED for an observed 401: the reported cause leads, the verdict stays open (exit 3).
        #expect(diagnosis.verdict == .indeterminate)
        #expect(diagnosis.observedFailure?.cause == .reportedCause)
        #expect(diagnosis.observedFailure?.basedOn == ["manager-proxy-401"])
        #expect(diagnosis.reasons == ["manager-proxy-401"])
        #expect(diagnosis.hints.first?.text.hasPrefix("All modelled requirements are met; a 401") == true)
        let reported = try #require(diagnosis.hints.first { $0.id == "manager-proxy-401" })
        #expect(reported.confidence == .reported)
    }

    @Test func aGrantChangeAfterTheTokenWasIssuedExplainsAnObserved401AsDenied() throws {
        var evidence = try evidence()
        evidence.changedAt = ISO8601.parse("2026-11-03T09:20:00Z")
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: try token("manager-proxy"), evidence: evidence, request: header, at: at, observedStatus: 401))
        #expect(diagnosis.verdict == .denied)
        let failure = try #require(diagnosis.observedFailure)
        #expect(failure.cause == .staleToken)
        #expect(failure.summary.contains("issued at 2026-11-03T09:00:00Z, before the change you made (--changed-at) at 2026-11-03T09:20:00Z"))
        #expect(failure.summary.contains("1 h 50 min of the reported 2 h propagation window left (until 2026-11-03T11:20:00Z)"))
    }

    @Test func aCAERevocationAfterTheTokensIatIsTheCauseAndABeforeIatOneIsNot() throws {
        func challenge(nbf: Int) throws -> ObservedResponse {
            let claims = Data(#"{"access_token":{"nbf":{"essential":true,"value":"\#(nbf)"}}}"#.utf8).base64EncodedString()
            return try ObservedResponse.parse("WWW-Authenticate: Bearer error=\"insufficient_claims\", claims=\"\(claims)\"", source: "test")
        }
        let iat = 1_793_696_400  // fixture tokens: 2026-11-03T09:00:00Z
        for (nbf, revoked) in [(iat + 900, true), (iat - 900, false)] {
            var input = EvaluationInput(token: try token("manager-proxy"), evidence: try evidence(), request: header, at: at)
            input.observedResponse = try challenge(nbf: nbf)
            input.observedStatus = input.observedResponse?.evaluationStatus
            let diagnosis = Evaluator.evaluate(rule, input)
            #expect((diagnosis.observedFailure?.cause == .caeRevocation) == revoked, "nbf \(nbf)")
            #expect(diagnosis.verdict == (revoked ? .denied : .indeterminate), "nbf \(nbf)")
        }
    }

    @Test func anObserved200OrADeniedVerdictIsLeftAsItIs() throws {
        let ok = Evaluator.evaluate(rule, EvaluationInput(token: try token("manager-proxy"), evidence: try evidence(), request: header, at: at, observedStatus: 200))
        #expect(ok.verdict == .allowed && ok.observedFailure == nil)
        let denied = Evaluator.evaluate(rule, EvaluationInput(token: try token("reviewer-no-export"), evidence: try evidence(), at: at, observedStatus: 403))
        #expect(denied.verdict == .denied && denied.observedFailure == nil)
    }

    @Test func findingsExplainingTheObservedStatusComeFirst() throws {
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: try token("reviewer-no-export"), evidence: try evidence(), at: at, observedStatus: 403))
        #expect(diagnosis.findings.first?.requirementID == "export-role")
    }

    @Test func anExpiredTokenSaysHowLongAgo() throws {
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: try token("manager-proxy-expired"), evidence: try evidence(), request: header, at: at))
        let lifetime = try #require(diagnosis.findings.first { $0.requirementID == "token-lifetime" })
        #expect(lifetime.outcome == .unmet)
        #expect(lifetime.message == "The token expired at 2026-11-02T10:15:00Z, 23 h 15 min before 2026-11-03T09:30:00Z.")
    }

    @Test func aTokenIssuedBeforeARoleGroupChangeIsFlaggedAsStale() throws {
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: try token("manager-proxy"), evidence: try evidence(roleGroups: "role-groups-changed.json"), request: header, at: at))
        let stale = try #require(diagnosis.hints.first { $0.id == "stale-token" })
        #expect(stale.text.contains("the fix is a new token, not a new grant"))
        let window = try #require(diagnosis.hints.first { $0.id == "propagation-window" })
        #expect(window.text.contains("1 h 40 min left"))
    }

    @Test func aTokenFromAnotherCloudThanTheEndpointIsA401() throws {
        var input = EvaluationInput(token: try token("manager-proxy"), evidence: try evidence(), request: header, at: at)
        input.targetCloud = .gccHigh
        let diagnosis = Evaluator.evaluate(rule, input)
        #expect(diagnosis.reasons == ["cloud"])
        #expect(diagnosis.predictedStatus == 401)
    }
}

@Suite struct RedactionAcrossFormatsTests {
    @Test func redactionReplacesPersonalDataWithStablePlaceholders() throws {
        let rule = try TestSupport.builtIn.rule(named: "export-download")
        let token = try TokenDecoder.decode(TestSupport.fixture("fixtures/tokens/manager-graph.jwt"), source: "t")
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: token, at: ISO8601.parse("2026-11-03T09:30:00Z")!))
        for format in OutputFormat.allCases {
            let output = Redactor(diagnosis: diagnosis, evidence: Evidence()).redact(format.renderer().render(diagnosis))
            #expect(!output.contains("megan.manager"))
            #expect(!output.contains("11111111-1111-4111-8111-111111111111"))
            #expect(!output.contains("aaaabbbb-0000-4000-8000-00000000cafe"))
            #expect(output.contains("user-1"))
            #expect(output.contains("b26e684c-5068-4120-a679-64a5d2c909d9"), "well-known app ids stay")
        }
    }
}
