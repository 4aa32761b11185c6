import Foundation
import Testing
@testable import PermcheckCore

/// The hand-written Graph rules and the generated directory-role table must agree: eDiscovery operations need
/// Purview roles (never Entra roles), and a hand-written directoryRole requirement names roles the data also names.
@Suite("Hand-written rules agree with the directory-role data")
struct HandWrittenRoleAgreementTests {
    /// (rule, catalogue operation, role-table line) for every hand-written Graph request the table covers.
    func pairs() throws -> [(APIRule, GraphOperation, GraphRoleRequirement)] {
        var result: [(APIRule, GraphOperation, GraphRoleRequirement)] = []
        for rule in try RuleSet.builtIn().rules {
            for request in rule.requests {
                for template in request.urlTemplates where template.contains("graph.microsoft.com/") {
                    let path = template.replacingOccurrences(of: "https://graph.microsoft.com/{version}", with: "")
                        .replacingOccurrences(of: "https://graph.microsoft.com/v1.0", with: "").replacingOccurrences(of: "https://graph.microsoft.com/beta", with: "")
                    guard let match = GraphCatalog.embedded.match(try RequestTarget.parse("\(request.method) \(path)")),
                          let role = GraphRoleTable.embedded.requirement(for: match.operation) else { continue }
                    result.append((rule, match.operation, role))
                }
            }
        }
        return result
    }

    @Test("eDiscovery operations: the data names Purview roles (other-roles, no Entra role), the rules check Purview roles and no directory role")
    func eDiscoveryIsPurview() throws {
        let ediscovery = try pairs().filter { $0.1.pathTemplate.hasPrefix("/security/cases/ediscoverycases") }
        #expect(!ediscovery.isEmpty)
        for (rule, operation, role) in ediscovery {
            #expect(role.access == .otherRoles && role.roles.isEmpty, "\(operation.method) \(operation.pathTemplate)")
            #expect(role.otherRoles.allSatisfy { $0.contains("(Purview)") })
            let kinds = Set(rule.requirements.map(\.check.kind))
            #expect(!kinds.contains(.directoryRole), "\(rule.id)")
            if !kinds.contains(.deprecated) { #expect(kinds.contains(.purviewRole), "\(rule.id)") }
        }
    }

    @Test("exportPersonalData: the rule's Global Administrator requirement is the data's documented role")
    func exportPersonalData() throws {
        let export = try pairs().filter { $0.1.pathTemplate == "/users/{id}/exportpersonaldata" }
        #expect(!export.isEmpty)
        for (rule, _, role) in export {
            #expect(role.access == .roles && role.confidence == .documented)
            for requirement in rule.requirements {
                guard case .directoryRole(let need) = requirement.check else { continue }
                #expect(Set(need.anyOf.map(\.id)) == Set(role.roles.map(\.id)))
            }
        }
    }
}
