import Foundation
import Testing
@testable import PermcheckCore

/// Reading the Metadata Policy API export, the collections list and the plain form.
@Suite struct PurviewEvidenceReaderTests {
    static func json(_ relative: String) throws -> (String, JSONValue) {
        (relative, try JSONParser.parse(try TestSupport.fixture(relative)))
    }

    static func fixtureAccess() throws -> PurviewAccess {
        try PurviewEvidenceReader.read(policies: try json("fixtures/evidence/purview-policies.json"),
                                       collections: try json("fixtures/evidence/purview-collections.json"))
    }

    @Test func thePolicyExportYieldsOneAssignmentPerRoleWithPrincipalsAndGroups() throws {
        let access = try Self.fixtureAccess()
        let summary = access.assignments.map { "\($0.collection)/\($0.role): \($0.principalIDs.count) ids, \($0.groupIDs.count) groups" }.sorted()
        #expect(summary == [
            "contosopurview/collection-administrator: 1 ids, 0 groups",
            "contosopurview/data-curator: 1 ids, 0 groups",
            "contosopurview/purview-reader: 0 ids, 1 groups",
            "fin123/data-curator: 1 ids, 0 groups",
            "mkt456/data-source-administrator: 1 ids, 0 groups",
        ])
    }

    @Test func parentsComeFromPoliciesAndFriendlyNamesFromTheCollectionsList() throws {
        let access = try Self.fixtureAccess()
        #expect(access.collections["fin123"]?.parentName == "contosopurview")
        #expect(access.collections["pay789"]?.parentName == "fin123")
        #expect(access.collections["contosopurview"]?.parentName == nil)
        #expect(access.collectionKey(for: "Finance") == "fin123")
        #expect(access.collectionKey(for: "PAYROLL") == "pay789")
    }

    @Test func aPermissionRuleWithoutTheParentBranchMeansRestrictedInheritance() throws {
        let access = try Self.fixtureAccess()
        #expect(access.collections["pay789"]?.restrictsInheritance == true)
        #expect(access.collections["fin123"]?.restrictsInheritance == false)
        #expect(access.collections["contosopurview"]?.restrictsInheritance == false)
    }

    @Test func aPolicyWithoutAnyPermissionRuleIsNotTakenAsRestricted() throws {
        let policy = #"{"values":[{"name":"policy_x","properties":{"attributeRules":[],"collection":{"referenceName":"x"},"parentCollectionName":"root"}}]}"#
        let access = try PurviewEvidenceReader.read(policies: ("p.json", try JSONParser.parse(policy)), collections: nil)
        #expect(access.collections["x"]?.restrictsInheritance == false)
    }

    @Test func aSinglePolicyObjectIsAcceptedLikeTheList() throws {
        let policy = #"{"name":"policy_fin","id":"1","version":1,"properties":{"attributeRules":[{"id":"purviewmetadatarole_builtin_data-curator:fin","dnfCondition":[[{"attributeName":"principal.microsoft.id","attributeValueIncludedIn":["abc"]}]]}],"collection":{"type":"CollectionReference","referenceName":"fin"}}}"#
        let access = try PurviewEvidenceReader.read(policies: ("p.json", try JSONParser.parse(policy)), collections: nil)
        #expect(access.assignments == [PurviewRoleAssignment(collection: "fin", role: "data-curator", principalIDs: ["abc"])])
    }

    @Test func thePlainFormGivesTheSameTreeAndAssignments() throws {
        let plain = try PurviewEvidenceReader.read(policies: try Self.json("fixtures/evidence/purview-roles-plain.json"), collections: nil)
        #expect(plain.collections["pay789"]?.restrictsInheritance == true)
        #expect(plain.collections["fin123"]?.parentName == "contosopurview")
        #expect(plain.assignments.contains(PurviewRoleAssignment(collection: "fin123", role: "data-curator", principalIDs: ["c0c0c0c0-1111-4111-8111-00000000f1a0"])))
    }

    @Test(arguments: [
        ("Data Curator", "data-curator"), ("data reader", "purview-reader"), ("purviewmetadatarole_builtin_purview-reader", "purview-reader"),
        ("purviewmetadatarole_builtin_collection-administrator:fin123", "collection-administrator"), ("Collection Admin", "collection-administrator"),
        ("Data Source Administrator", "data-source-administrator"),
    ])
    func portalAndPolicyRoleNamesNormaliseToOneKey(name: String, key: String) {
        #expect(RequirementChecker.roleKey(name) == key)
    }

    @Test(arguments: [
        (#"{"values":[{"name":"policy_x"}]}"#, "needs 'properties'"),
        (#"{"values":[{"properties":{"attributeRules":[]}}]}"#, "collection.referenceName"),
        (#"{"fin":["abc"]}"#, "expected an object of role"),
    ])
    func malformedPolicyExportsAreRejectedWithTheLocation(text: String, fragment: String) throws {
        let value = try JSONParser.parse(text)
        let error = #expect(throws: PermcheckError.self) { try PurviewEvidenceReader.read(policies: ("p.json", value), collections: nil) }
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "no error")")
    }
}
