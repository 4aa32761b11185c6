import Foundation
import Testing
@testable import PermcheckCore

@Suite struct CrossCloudTests {
    static let globalToken = try! TestSupport.decode(TestSupport.token(payload: #"{"aud":"https://graph.microsoft.com","iss":"https://sts.windows.net/aaaabbbb-0000-4000-8000-00000000cafe/","iat":1793696400,"exp":1793700900,"scp":"User.Read","idtyp":"user"}"#))
    static let unknownCloudToken = try! TestSupport.decode(TestSupport.token(payload: #"{"aud":"https://graph.microsoft.com","iss":"https://adfs.contoso.example/adfs","exp":1793700900,"scp":"User.Read"}"#))
    static let at = Date(timeIntervalSince1970: 1793698200)

    /// The built-in rule stripped of its own cloud requirement: a rule written without one.
    static var ruleWithoutCloud: APIRule {
        let rule = TestSupport.builtIn.rules.first { $0.id == "ediscovery.export-download" }!
        return rule.replacingRequirements(rule.requirements.filter { $0.check.kind != .cloud })
    }

    @Test(arguments: [Cloud.gccHigh, .dod, .china])
    func aTokenFromAnotherCloudIsA401EvenWhenTheRuleHasNoCloudRequirement(target: Cloud) {
        let diagnosis = Evaluator.evaluate(Self.ruleWithoutCloud, EvaluationInput(token: Self.globalToken, at: Self.at, targetCloud: target))
        let finding = diagnosis.findings.first { $0.requirementID == "cloud" }
        #expect(finding?.outcome == .unmet)
        #expect(finding?.status == 401)
        #expect(diagnosis.verdict == .denied)
    }

    @Test(arguments: [Cloud.global, .gcc])
    func aTokenFromTheSameTokenServicePassesTheGenericCheck(target: Cloud) {
        let diagnosis = Evaluator.evaluate(Self.ruleWithoutCloud, EvaluationInput(token: Self.globalToken, at: Self.at, targetCloud: target))
        #expect(diagnosis.findings.first { $0.requirementID == "cloud" }?.outcome == .met)
    }

    @Test func anUnknownTokenCloudAddsNoGenericCheck() {
        let diagnosis = Evaluator.evaluate(Self.ruleWithoutCloud, EvaluationInput(token: Self.unknownCloudToken, at: Self.at, targetCloud: .gccHigh))
        #expect(!diagnosis.findings.contains { $0.requirementID == "cloud" })
    }

    @Test func aRuleWithItsOwnCloudRequirementIsNotGivenASecondOne() {
        let rule = TestSupport.builtIn.rules.first { $0.id == "ediscovery.export-download" }!
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: Self.globalToken, at: Self.at, targetCloud: .gccHigh))
        #expect(diagnosis.findings.filter { $0.requirementID == "cloud" }.count == 1)
    }
}

@Suite struct LifetimeMessageTests {
    static let rule = TestSupport.builtIn.rules.first { $0.id == "ediscovery.export-download" }!
    static let token = try! TestSupport.decode(TestSupport.token(payload: #"{"aud":"b26e684c-5068-4120-a679-64a5d2c909d9","iss":"https://sts.windows.net/aaaabbbb-0000-4000-8000-00000000cafe/","nbf":1793696400,"iat":1793696400,"exp":1793700900,"scp":"eDiscovery.Download.Read"}"#))

    static func lifetime(at seconds: Double) -> Finding? {
        Evaluator.evaluate(rule, EvaluationInput(token: token, at: Date(timeIntervalSince1970: seconds))).findings.first { $0.requirementID == "token-lifetime" }
    }

    @Test func anExpiredTokenSaysHowLongAgoItExpired() {
        let finding = Self.lifetime(at: 1793700900 + 2 * 3600 + 5 * 60)
        #expect(finding?.outcome == .unmet)
        #expect(finding?.message.contains("2 h 5 min before") == true)
    }

    @Test func aValidTokenSaysHowLongItHasLeft() {
        let finding = Self.lifetime(at: 1793700900 - 600)
        #expect(finding?.outcome == .met)
        #expect(finding?.message.contains("10 min left") == true)
    }

    @Test func aTokenNotYetValidSaysHowFarAheadItsNotBeforeIs() {
        let finding = Self.lifetime(at: 1793696400 - 90)
        #expect(finding?.outcome == .unmet)
        #expect(finding?.message.contains("1 min") == true)
        #expect(finding?.message.contains("clock") == true)
    }
}

extension APIRule {
    /// A copy with other requirements.
    func replacingRequirements(_ requirements: [Requirement]) -> APIRule {
        APIRule(id: id, aliases: aliases, family: family, title: title, summary: summary, requests: requests, success: success,
                requirements: requirements, notes: notes, propagation: propagation, examples: examples, file: file)
    }
}
