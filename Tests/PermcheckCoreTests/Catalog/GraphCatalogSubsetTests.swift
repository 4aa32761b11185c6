import Testing
@testable import PermcheckCore

/// `can` and `--request` look a request up in ``GraphCatalog/embedded(for:)``, the catalogue lines under the
/// request's first path segment found by binary search; it must answer exactly like the whole catalogue.
@Suite struct GraphCatalogSubsetTests {
    /// Requests built from every 20th catalogue operation (placeholders filled in), in the forms the matcher adjusts.
    static let requests: [RequestTarget] = {
        let operations = GraphCatalog.embedded.operations.enumerated().filter { $0.offset % 20 == 0 }.map(\.element)
        return operations.flatMap { operation -> [RequestTarget] in
            let path = operation.pathTemplate.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("{") ? "x1" : String($0) }.joined(separator: "/")
            return [path, path + "/$count", "/me" + path, "/users/x1" + path].map {
                RequestTarget(method: operation.method, host: "graph.microsoft.com", apiVersion: "v1.0", rawPath: $0)
            }
        } + ["/me/messages", "/users/x1/microsoft.graph.user/messages", "/nothing/here", "/", "/Users/x1"].map {
            RequestTarget(method: "GET", host: nil, apiVersion: "v1.0", rawPath: $0)
        }
    }()

    @Test func theEmbeddedCatalogueIsSortedByFirstPathSegmentInByteOrder() {
        let runs = GraphCatalog.embedded.index.map { (key: $0.key, runs: $0.value) }
        #expect(runs.allSatisfy { $0.runs.count == 1 }, "each first segment's lines must be contiguous")
        let byPosition = runs.sorted { $0.runs[0].lowerBound < $1.runs[0].lowerBound }.map(\.key)
        #expect(byPosition == byPosition.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    @Test func theSubsetMatchesEveryRequestLikeTheWholeCatalogue() {
        for target in Self.requests {
            #expect(GraphCatalog.embedded(for: target).match(target) == GraphCatalog.embedded.match(target), "\(target.method) \(target.path)")
        }
    }

    @Test func theSubsetKeepsTheHeader() {
        let target = RequestTarget(method: "GET", host: nil, apiVersion: "v1.0", rawPath: "/me")
        #expect(GraphCatalog.embedded(for: target).header == GraphCatalog.embedded.header)
    }
}
