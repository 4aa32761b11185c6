import Foundation
import Testing
@testable import PermcheckCore
@testable import PermcheckGenerator

@Suite("Graph catalogue importer")
struct GraphCatalogImporterTests {
    let commit = "6cbd6bbd665a877560fdefbad74f3bdb5b57af88"

    func sliceText() throws -> String {
        try GraphCatalogImporter.makeCatalogText(
            permissionsJSON: repository.data("fixtures/graph/permissions-slice.json"),
            upstreamCommit: commit, licenseNotice: repository.text("rules/graph/source/LICENSE"))
    }

    @Test("importing the committed slice reproduces the committed expected catalogue byte for byte")
    func sliceMatchesFixture() throws {
        #expect(try sliceText() == repository.text("fixtures/graph/catalog-slice.tsv"))
    }

    @Test("importing the same input twice gives identical text")
    func importIsDeterministic() throws {
        #expect(try sliceText() == sliceText())
    }

    @Test("the header names the upstream repository and commit and carries the MIT notice")
    func headerCarriesProvenance() throws {
        let catalog = try GraphCatalog(text: sliceText())
        #expect(catalog.headerValue("upstream") == GraphCatalogImporter.upstreamRepository)
        #expect(catalog.headerValue("upstream-commit") == commit)
        #expect(catalog.header.contains { $0.contains("Permission is hereby granted, free of charge") })
        #expect(catalog.headerValue("operations") == String(catalog.count))
    }

    @Test("least-privileged permissions come first, then the rest by privilege level and name")
    func orderingFollowsLeastThenLevel() throws {
        let catalog = try GraphCatalog(text: sliceText())
        let operation = try #require(catalog.match(RequestTarget.parse("GET /v1.0/me/messages"))?.operation)
        #expect(operation.leastPrivileged(for: .delegatedWork) == ["Mail.ReadBasic", "Mail.ReadWrite"])
        #expect(operation.delegatedWork == ["Mail.ReadBasic", "Mail.ReadWrite", "Mail.Read"])
    }

    @Test("AlsoRequires notes and the upstream spelling of a template survive the import")
    func alsoRequiresAndDisplayTemplateSurvive() throws {
        let catalog = try GraphCatalog(text: sliceText())
        let tokens = try #require(catalog.match(RequestTarget.parse(
            "GET /v1.0/applications(appId='0a1b')/tokenIssuancePolicies"))?.operation)
        #expect(tokens.alsoRequires["Application.ReadWrite.OwnedBy"] == ["Policy.Read.All"])
        #expect(tokens.displayTemplate == "/applications(appid={value})/tokenissuancepolicies")
        #expect(tokens.unsupportedSchemes == [.delegatedPersonal])
    }

    @Test("an operation line survives rendering and parsing unchanged")
    func lineRoundTrips() throws {
        let catalog = try GraphCatalog(text: sliceText())
        for operation in catalog.operations {
            #expect(try GraphCatalogLine.parse(Substring(GraphCatalogLine.render(operation))) == operation)
        }
    }

    @Test("a line with the wrong number of columns is rejected with its line number")
    func malformedLineIsRejected() {
        #expect(throws: GraphCatalogLine.FormatError.self) {
            try GraphCatalog(text: "# header\nGET\t/me\n")
        }
    }
}
