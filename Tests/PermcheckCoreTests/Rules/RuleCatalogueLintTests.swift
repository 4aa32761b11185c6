import Testing
@testable import PermcheckCore

@Suite("Rule lint against the Graph catalogue")
struct RuleCatalogueLintTests {
    /// A Graph rule file for POST /users/{id}/exportPersonalData with the given scope, app role and identity.
    static func ruleText(scopes: [String], roles: [String], allowed: [String] = ["user", "application"],
                         url: String = "https://graph.microsoft.com/{version}/users/{userId}/exportPersonalData") -> String {
        func list(_ items: [String]) -> String { "[" + items.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
        return """
        {
          "id": "graph.test-export",
          "family": "graph",
          "title": "Test",
          "summary": "Test rule.",
          "request": { "method": "POST", "urls": ["\(url)"] },
          "requirements": [
            {
              "id": "identity",
              "kind": "identity",
              "allowed": \(list(allowed)),
              "description": "d", "status": 401, "fix": "f",
              "sources": ["https://learn.microsoft.com/en-us/graph/api/user-exportpersonaldata"], "confidence": "documented"
            },
            {
              "id": "export-scope",
              "kind": "scope",
              "anyOf": \(list(scopes)),
              "appliesTo": ["user"],
              "description": "d", "status": 403, "fix": "f",
              "sources": ["https://learn.microsoft.com/en-us/graph/api/user-exportpersonaldata"], "confidence": "documented"
            },
            {
              "id": "export-role",
              "kind": "appRole",
              "anyOf": \(list(roles)),
              "appliesTo": ["application"],
              "description": "d", "status": 403, "fix": "f",
              "sources": ["https://learn.microsoft.com/en-us/graph/api/user-exportpersonaldata"], "confidence": "documented"
            }
          ]
        }
        """
    }

    func conflicts(_ text: String) throws -> [String] {
        let rule = try RuleLoader.load(Array(text.utf8), path: "rules/graph/test.json")
        return RuleLinter.catalogueConflicts([rule], fileText: { _ in text }).map(\.description)
    }

    @Test("a rule that agrees with the catalogue has no conflicts")
    func agreeing() throws {
        #expect(try conflicts(Self.ruleText(scopes: ["User.Export.All"], roles: ["User.Export.All"])) == [])
    }

    @Test("a least-privileged scope the catalogue does not accept is reported at its requirement's line")
    func wrongScope() throws {
        let found = try conflicts(Self.ruleText(scopes: ["User.Read"], roles: ["User.Export.All"]))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("rules/graph/test.json:16: ") == true)
        #expect(found.first?.contains("least-privileged permission 'User.Read'") == true)
        #expect(found.first?.contains("accepted: User.Export.All") == true)
    }

    @Test("an app role the catalogue does not accept is reported")
    func wrongRole() throws {
        let found = try conflicts(Self.ruleText(scopes: ["User.Export.All"], roles: ["User.Export.All", "Directory.Read.All"]))
        #expect(found.count == 1)
        #expect(found.first?.contains("permission 'Directory.Read.All'") == true)
        #expect(found.first?.hasPrefix("rules/graph/test.json:24: ") == true)
    }

    @Test("an identity requirement forbidding a scheme the catalogue supports is reported")
    func identityForbidsSupportedScheme() throws {
        let found = try conflicts(Self.ruleText(scopes: ["User.Export.All"], roles: ["User.Export.All"], allowed: ["user"]))
        #expect(found.count == 1)
        #expect(found.first?.contains("forbids application (app-only) calls") == true)
        #expect(found.first?.hasPrefix("rules/graph/test.json:9: ") == true)
    }

    @Test("templates on other hosts, or that the catalogue does not know, are not compared")
    func nonGraphTemplates() throws {
        #expect(try conflicts(Self.ruleText(scopes: ["X"], roles: ["Y"], url: "https://example.com/{version}/users/{id}/exportPersonalData")) == [])
        #expect(try conflicts(Self.ruleText(scopes: ["X"], roles: ["Y"], url: "https://graph.microsoft.com/v1.0/no/such/thing")) == [])
    }
}
