import Foundation
import Testing
@testable import PermcheckCore

/// Issue 15.6: Purview metadata policies as the service writes them, and exports that are partial.
@Suite struct PurviewServiceShapeTests {
    static let curatorOnRoot = "c0c0c0c0-2222-4222-8222-00000000f1a0"
    static let rootAdmin = "c0c0c0c0-4444-4444-8444-00000000f1a0"
    static let readersGroup = "9a9a9a9a-0000-4000-8000-0000000000e1"

    static func access(policies: String?, collections: String? = nil, encoding: EvidenceRefusalTests.Encoding = .plain) throws -> PurviewAccess {
        func load(_ file: String) throws -> (String, JSONValue) {
            (file, try EvidenceReader.json(try EvidenceRefusalTests.bytes("fixtures/evidence/\(file)", encoding), path: file))
        }
        return try PurviewEvidenceReader.read(policies: try policies.map(load), collections: try collections.map(load))
    }

    static func result(oid: String, groups: [String]? = nil, roles: [String] = ["data-curator"], collection: String?, url: String? = nil, access: PurviewAccess) throws -> CheckResult {
        var payload = #"{"aud":"https://purview.azure.net","idtyp":"app","oid":"\#(oid)","appid":"c0c0c0c0-0000-4000-8000-00000000a990","iat":1793696400,"exp":1793700900"#
        if let groups { payload += #","groups":[\#(groups.map { "\"\($0)\"" }.joined(separator: ","))]"# }
        var evidence = Evidence()
        evidence.purview = access
        evidence.collectionName = collection
        var input = EvaluationInput(token: try TestSupport.decode(TestSupport.token(payload: payload + "}")), evidence: evidence, at: Date(timeIntervalSince1970: 1_793_697_000))
        input.request.url = url
        return RequirementChecker(input: input).collectionRole(roles)
    }

    @Test(arguments: EvidenceRefusalTests.Encoding.allCases)
    func inheritanceWithoutFromRuleIsReadAsInheritance(_ encoding: EvidenceRefusalTests.Encoding) throws {
        let access = try Self.access(policies: "purview-policies-no-fromrule.json", encoding: encoding)
        #expect(access.collections["fin123"]?.restrictsInheritance == false)
        // The child's policy carries only the collection-administrator rule: Data Curator arrives through the parent term.
        let result = try Self.result(oid: Self.curatorOnRoot, collection: "fin123", access: access)
        #expect(result.outcome == .met, "\(result.message)")
    }

    @Test func groupsAreReadUnderBothAttributeNames() throws {
        let access = try Self.access(policies: "purview-policies-no-fromrule.json")
        #expect(access.assignments.contains { $0.role == "purview-reader" && $0.groupIDs == [Self.readersGroup] })
        #expect(try Self.result(oid: "c0c0c0c0-9999-4999-8999-00000000f1a0", groups: [Self.readersGroup], roles: ["purview-reader"], collection: "fin123", access: access).outcome == .met)
    }

    @Test(arguments: EvidenceRefusalTests.Encoding.allCases)
    func aMissingParentPolicyIsUnknownNamingTheCollectionToExport(_ encoding: EvidenceRefusalTests.Encoding) throws {
        let access = try Self.access(policies: "purview-policy-child-only.json", encoding: encoding)
        let result = try Self.result(oid: Self.curatorOnRoot, collection: "fin123", access: access)
        #expect(result.outcome == .unknown, "\(result.message)")
        #expect(result.message.contains("'contosopurview'"), "\(result.message)")
        #expect(result.collect?.contains("/policystore/collections/contosopurview/metadataPolicy") == true)
    }

    @Test func collectionsAloneOrAnEmptyPolicyListAreUnknownNotHoldsNoRole() throws {
        let alone = try Self.result(oid: Self.curatorOnRoot, collection: "fin123", access: try Self.access(policies: nil, collections: "purview-collections.json"))
        #expect(alone.outcome == .unknown && alone.collect?.contains("/policystore/collections/fin123/metadataPolicy") == true, "\(alone.message)")
        let empty = try Self.result(oid: Self.curatorOnRoot, collection: "fin123", access: try Self.access(policies: "purview-policies-empty.json"))
        #expect(empty.outcome == .unknown, "\(empty.message)")
    }

    @Test func aDuplicateFriendlyNameIsAmbiguousListingTheGeneratedNames() throws {
        let access = try Self.access(policies: "purview-policies-duplicate-names.json", collections: "purview-collections-duplicate-names.json")
        for _ in 0..<5 {
            let result = try Self.result(oid: Self.curatorOnRoot, collection: "Finance", access: access)
            #expect(result.outcome == .unknown)
            #expect(result.message.contains("'fin123', 'fin999'"), "\(result.message)")
        }
        #expect(try Self.result(oid: Self.curatorOnRoot, collection: "fin123", access: access).outcome == .met)
    }

    @Test func theTargetCollectionIsReadFromTheRequestURLAndAFriendlyNameThereIsFlagged() throws {
        let access = try Self.access(policies: "purview-policies-no-fromrule.json", collections: "purview-collections.json")
        let byName = try Self.result(oid: Self.rootAdmin, roles: ["collection-administrator"], collection: nil,
                                     url: "https://contosopurview.purview.azure.com/policystore/collections/fin123/metadataPolicy?api-version=2021-07-01", access: access)
        #expect(byName.outcome == .met && byName.hint == nil, "\(byName.message)")
        let byQuery = try Self.result(oid: Self.rootAdmin, roles: ["collection-administrator"], collection: nil,
                                      url: "https://contosopurview.purview.azure.com/policystore/metadataPolicies?collectionName=Finance&api-version=2021-07-01", access: access)
        #expect(byQuery.hint?.contains("friendly name") == true, "\(byQuery.hint ?? "no hint")")
    }
}
