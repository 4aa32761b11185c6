// Times the embedded Graph catalogue: full load (every line validated) + one match, a match alone, and a reverse
// look-up. Built by Benchmarks/graph-catalog.sh as one module with the core sources (internal API visible).

@main
struct GraphCatalogTiming {
    static func main() throws {
        let rounds = 20
        let clock = ContinuousClock()
        let request = "POST https://graph.microsoft.com/v1.0/users/4f3c0000-0000-4000-8000-000000000001/exportPersonalData"
        var matched = 0
        let load = try clock.measure {
            for _ in 0..<rounds {
                let catalog = try GraphCatalog(text: GraphCatalogData.text)
                if catalog.match(try RequestTarget.parse(request)) != nil { matched += 1 }
            }
        }
        let catalog = GraphCatalog.embedded
        let target = try RequestTarget.parse(request)
        let matchOnly = clock.measure { for _ in 0..<1000 { _ = catalog.match(target) } }
        let reverse = clock.measure { _ = catalog.operations(grantedBy: "User.Read.All") }
        precondition(matched == rounds, "the request did not match")
        print("graph catalogue: load+match \(load / rounds) each; match \(matchOnly / 1000) each;"
            + " reverse look-up \(reverse); \(catalog.count) operations, \(GraphCatalogData.text.utf8.count) bytes")
    }
}
