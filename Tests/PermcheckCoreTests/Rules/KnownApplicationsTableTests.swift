import Testing
@testable import PermcheckCore

/// Audience names come from the application table `permcheck-generate` writes from `rules/data/known-ids.json`.
@Suite struct KnownApplicationsTableTests {
    @Test func theGeneratedApplicationTableHoldsExactlyTheApplicationsOfTheDataFile() {
        #expect(KnownIDs.applicationsOnly.applications == KnownIDs.shared.applications, "run `swift run permcheck-generate`")
        #expect(!KnownIDs.applicationsOnly.applications.isEmpty)
    }

    @Test func anAudienceIsNamedByIdOrAppIDURI() {
        #expect(KnownIDs.describeAudience("https://graph.microsoft.com") == "Microsoft Graph ('https://graph.microsoft.com')")
        #expect(KnownIDs.describeAudience("00000003-0000-0000-C000-000000000000") == "Microsoft Graph ('00000003-0000-0000-C000-000000000000')")
        #expect(KnownIDs.describeAudience("api://unknown") == "'api://unknown'")
    }

    @Test func theMCPServerForEnterpriseAndVSCodeClientsAreNamed() {
        // learn.microsoft.com/en-us/graph/mcp-server/get-started lists both app ids.
        #expect(KnownIDs.application("e8c77dc2-69b3-43f4-bc51-3213c9d915b4")?.name == "Microsoft MCP Server for Enterprise")
        #expect(KnownIDs.application("AEBC6443-996D-45C2-90F0-388FF96FAA56")?.name == "Visual Studio Code")
    }
}
