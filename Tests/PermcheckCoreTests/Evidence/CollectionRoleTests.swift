import Foundation
import Testing
@testable import PermcheckCore

/// The collectionRole check against the fixture account: contosopurview (root) → Finance (fin123) → Payroll (pay789,
/// restricts inheritance), and Marketing (mkt456) beside Finance.
@Suite struct CollectionRoleTests {
    static let curatorOnFinance = "c0c0c0c0-1111-4111-8111-00000000f1a0"
    static let curatorOnRoot = "c0c0c0c0-2222-4222-8222-00000000f1a0"
    static let rootAdmin = "c0c0c0c0-4444-4444-8444-00000000f1a0"
    static let readersGroup = "9a9a9a9a-0000-4000-8000-0000000000e1"

    static func outcome(oid: String, appid: String = "c0c0c0c0-0000-4000-8000-00000000a990", groups: [String]? = nil,
                        roles: [String], collection: String?, access: PurviewAccess? = nil) throws -> CheckResult {
        var payload = #"{"aud":"https://purview.azure.net","idtyp":"app","oid":"\#(oid)","appid":"\#(appid)","iat":1793696400,"exp":1793700900"#
        if let groups { payload += #","groups":[\#(groups.map { "\"\($0)\"" }.joined(separator: ","))]"# }
        payload += "}"
        var evidence = Evidence()
        evidence.purview = try access ?? PurviewEvidenceReaderTests.fixtureAccess()
        evidence.collectionName = collection
        let input = EvaluationInput(token: try TestSupport.decode(TestSupport.token(payload: payload)), evidence: evidence,
                                    at: Date(timeIntervalSince1970: 1_793_697_000))
        return RequirementChecker(input: input).collectionRole(roles)
    }

    @Test(arguments: [
        (curatorOnFinance, "fin123", Outcome.met),        // on the target
        (curatorOnFinance, "Finance", .met),              // friendly name
        (curatorOnRoot, "fin123", .met),                  // inherited from the parent
        (curatorOnFinance, "mkt456", .unmet),             // a sibling's role does not reach
        (curatorOnFinance, "contosopurview", .unmet),     // a child's role does not reach the parent
        (curatorOnRoot, "pay789", .unmet),                // restricted inheritance stops the root's role
        (curatorOnFinance, "pay789", .unmet),             // … and the parent's
    ])
    func dataCuratorReachesTheTargetOnlyDownTheTree(oid: String, collection: String, expected: Outcome) throws {
        #expect(try Self.outcome(oid: oid, roles: ["data-curator"], collection: collection).outcome == expected)
    }

    @Test func collectionAdministratorsInheritEvenIntoRestrictedCollections() throws {
        let result = try Self.outcome(oid: Self.rootAdmin, roles: ["collection-administrator"], collection: "pay789")
        #expect(result.outcome == .met)
        #expect(result.message.contains("inherited by 'Payroll' (pay789)"))
    }

    @Test func aRestrictedRoleIsExplainedAsSuch() throws {
        let result = try Self.outcome(oid: Self.curatorOnRoot, roles: ["data-curator"], collection: "Payroll")
        #expect(result.message.contains("inheritance is restricted"))
    }

    @Test func groupAssignmentsOfTheWantedRoleNeedTheGroupsClaim() throws {
        let nobody = "c0c0c0c0-3333-4333-8333-00000000f1a0"
        #expect(try Self.outcome(oid: nobody, roles: ["purview-reader"], collection: "fin123").outcome == .unknown)
        #expect(try Self.outcome(oid: nobody, groups: [Self.readersGroup], roles: ["purview-reader"], collection: "fin123").outcome == .met)
        #expect(try Self.outcome(oid: nobody, groups: ["00000000-0000-4000-8000-000000000000"], roles: ["purview-reader"], collection: "fin123").outcome == .unmet)
        // A group holding another role does not make a Data Curator check unknown.
        #expect(try Self.outcome(oid: nobody, roles: ["data-curator"], collection: "fin123").outcome == .unmet)
    }

    @Test func anAssignmentToTheClientIDInsteadOfTheObjectIDIsPointedOut() throws {
        let access = PurviewAccess(collections: ["fin": PurviewCollection(name: "fin")],
                                   assignments: [PurviewRoleAssignment(collection: "fin", role: "data-curator", principalIDs: ["app-client-id"])])
        let result = try Self.outcome(oid: "sp-object-id", appid: "app-client-id", roles: ["data-curator"], collection: "fin", access: access)
        #expect(result.outcome == .unmet)
        #expect(result.hint?.contains("object id") == true)
    }

    @Test func withoutATargetCollectionOrAssignmentsTheCheckIsUnknown() throws {
        #expect(try Self.outcome(oid: Self.curatorOnFinance, roles: ["data-curator"], collection: nil).outcome == .unknown)
        let unknownCollection = try Self.outcome(oid: Self.curatorOnFinance, roles: ["data-curator"], collection: "nosuch")
        #expect(unknownCollection.outcome == .unknown)
    }
}
