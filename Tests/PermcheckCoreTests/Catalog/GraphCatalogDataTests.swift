import Foundation
import Testing
@testable import PermcheckCore

@Suite("Embedded Graph catalogue")
struct GraphCatalogDataTests {
    @Test("the compiled-in catalogue is exactly the committed rules/graph/catalog.tsv")
    func compiledCatalogueIsTheCommittedFile() throws {
        #expect(GraphCatalogData.text == (try RepositoryFiles.text("rules/graph/catalog.tsv")),
                "run `swift run permcheck-generate`")
    }

    @Test("the embedded catalogue loads every operation and names its upstream commit")
    func embeddedCatalogueLoads() {
        let catalog = GraphCatalog.embedded
        #expect(catalog.count > 11_000)
        #expect(catalog.headerValue("operations") == String(catalog.count))
        #expect(catalog.headerValue("upstream-commit") == "6cbd6bbd665a877560fdefbad74f3bdb5b57af88")
    }

    @Test("the embedded text passes the full per-line check that fast loading skips")
    func embeddedTextIsWellFormed() throws {
        #expect(try GraphCatalog(text: GraphCatalogData.text).count == GraphCatalog.embedded.count)
    }

    @Test("the byte-level template segmentation agrees with the request tokeniser on every template")
    func segmentationAgreesWithTokeniser() {
        let catalog = GraphCatalog.embedded
        for (line, operation) in catalog.operations.enumerated() {
            let target = RequestTarget(method: operation.method, rawPath: operation.pathTemplate)
            #expect(catalog.segmentCounts(ofLine: line).segments == target.canonicalSegments.count, "\(operation.pathTemplate)")
        }
    }
}
