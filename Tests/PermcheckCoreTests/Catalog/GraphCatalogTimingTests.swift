import Foundation
import Testing
@testable import PermcheckCore

@Suite("Graph catalogue timing")
struct GraphCatalogTimingTests {
    @Test("loading the catalogue and matching one request is timed and printed, not asserted")
    func printTimings() throws {
        let rounds = 20
        let clock = ContinuousClock()
        let request = "POST https://graph.microsoft.com/v1.0/users/4f3c0000-0000-4000-8000-000000000001/exportPersonalData"
        var matched = 0
        let load = clock.measure {
            for _ in 0..<rounds {
                if let catalog = try? GraphCatalog(text: GraphCatalogData.text),
                   catalog.match(try! GraphRequestTarget.parse(request)) != nil { matched += 1 }
            }
        }
        let catalog = GraphCatalog.embedded
        let target = try GraphRequestTarget.parse(request)
        let matchOnly = clock.measure { for _ in 0..<1000 { _ = catalog.match(target) } }
        let reverse = clock.measure { _ = catalog.operations(grantedBy: "User.Read.All") }
        print("graph catalogue: load+match \(load / rounds) each; match \(matchOnly / 1000) each;"
            + " reverse look-up \(reverse); \(catalog.count) operations, \(GraphCatalogData.text.utf8.count) bytes")
        #expect(matched == rounds)
    }
}
