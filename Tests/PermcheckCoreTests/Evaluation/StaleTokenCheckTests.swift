import Foundation
import Testing
@testable import PermcheckCore

@Suite struct StaleTokenCheckTests {
    /// Megan's proxy token (iat 09:00) with eDiscovery Manager changed at `changed`, evaluated at `at`.
    func hints(groupChangedAt changed: String, at: String, changedAt: String? = nil, token: String = "manager-proxy") throws -> [Hint] {
        var evidence = try CompareFixtures.evidence()
        evidence.roleGroups = evidence.roleGroups!.map { group in
            var group = group
            group.changedAt = group.name == "eDiscoveryManager" ? ISO8601.parse(changed) : nil
            return group
        }
        evidence.changedAt = changedAt.flatMap(ISO8601.parse)
        let input = try CompareFixtures.input(token, evidence, at: ISO8601.parse(at)!)
        return Evaluator.evaluate(CompareFixtures.rule, input).hints.filter { ["stale-token", "propagation-window"].contains($0.id) }
    }

    @Test func aRoleGroupChangedAfterTheTokenWasIssuedSaysTheFixIsANewTokenNotANewGrant() throws {
        let found = try hints(groupChangedAt: "2026-11-03T09:10:00Z", at: "2026-11-03T09:30:00Z")
        let stale = try #require(found.first { $0.id == "stale-token" })
        #expect(stale.text.contains("issued at 2026-11-03T09:00:00Z, before role group 'eDiscovery Manager'"))
        #expect(stale.text.contains("the fix is a new token, not a new grant"))
        #expect(stale.confidence == .inferred, "role groups are not token claims, so this is reasoning, not documentation")
    }

    @Test func aRecentChangeReportsTheTimeLeftInTheRulesPropagationWindow() throws {
        let found = try hints(groupChangedAt: "2026-11-03T09:10:00Z", at: "2026-11-03T09:30:00Z")
        let window = try #require(found.first { $0.id == "propagation-window" })
        #expect(window.text.contains("reported to take up to 2 h"))
        #expect(window.text.contains("1 h 40 min left (until 2026-11-03T11:10:00Z)"))
        #expect(window.confidence == .reported)
        #expect(!window.text.contains("24 h"))
    }

    @Test(arguments: [
        ("2026-11-03T08:50:00Z", "2026-11-03T09:30:00Z", ["propagation-window"]),  // before iat, window still open
        ("2026-11-03T09:10:00Z", "2026-11-03T11:30:00Z", ["stale-token"]),         // after iat, window over
        ("2026-11-02T09:00:00Z", "2026-11-03T09:30:00Z", []),                      // long before: nothing
        ("2026-11-03T09:40:00Z", "2026-11-03T09:30:00Z", []),                      // after --at: a replay cannot see it
    ])
    func whichHintsAppearDependsOnIatTheChangeAndTheEvaluationTime(changed: String, at: String, expected: [String]) throws {
        #expect(try hints(groupChangedAt: changed, at: at).map(\.id) == expected)
    }

    @Test func aChangeToARoleGroupTheCallerIsNotInIsIgnored() throws {
        // Rita is only in Case Reviewers; the eDiscovery Manager change is not hers.
        #expect(try hints(groupChangedAt: "2026-11-03T09:10:00Z", at: "2026-11-03T09:30:00Z", token: "reviewer-no-export").isEmpty)
    }

    @Test func changedAtFlagsTheTokenAsOlderThanTheGrantWithDocumentedConfidence() throws {
        let found = try hints(groupChangedAt: "2026-11-01T00:00:00Z", at: "2026-11-03T09:30:00Z", changedAt: "2026-11-03T09:20:00Z")
        let stale = try #require(found.first { $0.id == "stale-token" })
        #expect(stale.text.contains("before the change you made (--changed-at) at 2026-11-03T09:20:00Z"))
        #expect(stale.text.contains("the fix is a new token, not a new grant"))
        #expect(stale.confidence == .documented)
        #expect(found.contains { $0.id == "propagation-window" && $0.text.contains("1 h 50 min left") })
    }

    @Test func aWindowForEveryCloudDoesNotNameTheTokensCloud() throws {
        let found = try hints(groupChangedAt: "2026-11-03T09:10:00Z", at: "2026-11-03T09:30:00Z")
        #expect(found.allSatisfy { !$0.text.contains("in GCC") }, "the export-download windows apply to every cloud")
    }

    @Test(arguments: [(59.0, "59 s"), (3600.0, "1 h"), (6000.0, "1 h 40 min"), (90_000.0, "1 d 1 h")])
    func durationsReadAsTheTwoLargestUnits(seconds: Double, text: String) {
        #expect(Duration.describe(seconds) == text)
    }
}
