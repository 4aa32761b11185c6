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
}
