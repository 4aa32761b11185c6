/// Suggestions for requests the catalogue does not know.
extension GraphCatalog {
    /// Up to `limit` catalogue entries that look closest to `target`, best first, each as
    /// `"METHOD /displayTemplate"` — for "unknown path" messages.
    ///
    /// Ranking: the longest run of leading segments that match, then the same method, then the
    /// closest segment count, then the most segments shared anywhere, then catalogue order.
    public func closestTemplates(to target: RequestTarget, limit: Int) -> [String] {
        guard limit > 0 else { return [] }
        let method = GraphHTTPMethod.code(target.method)
        let request = RequestBytes(target.canonicalSegments)
        var candidates: [Int]
        if let key = request.key, let runs = index[key] {
            candidates = runs.flatMap { Int($0.lowerBound)..<Int($0.upperBound) }
        } else {
            candidates = Array(lines.indices)
        }
        if candidates.isEmpty { return [] }
        var scored: [(score: [Int], line: Int)] = []
        withBytes { template in
            request.bytes.withUnsafeBufferPointer { value in
                for line in candidates {
                    let info = lines[line]
                    let parts = GraphPathSegments.ranges(in: template, from: Int(info.pathStart), to: Self.pathEnd(template, info))
                    var leading = 0
                    for (part, want) in zip(parts, request.ranges) {
                        guard GraphPathSegments.matches(pattern: template, part, value: value, want) else { break }
                        leading += 1
                    }
                    var shared = 0
                    for want in request.ranges where parts.contains(where: {
                        GraphPathSegments.isLiteral(template, $0) && template[$0].elementsEqual(value[want])
                    }) { shared += 1 }
                    let sameMethod = info.method == method ? 1 : 0
                    scored.append(([leading, sameMethod, -abs(parts.count - request.ranges.count), shared], line))
                }
            }
        }
        scored.sort { $0.score != $1.score ? $1.score.lexicographicallyPrecedes($0.score) : $0.line < $1.line }
        var seen: Set<String> = []
        var result: [String] = []
        for entry in scored where result.count < limit {
            let operation = operation(at: entry.line)
            let text = operation.method + " " + operation.displayTemplate
            if seen.insert(text).inserted { result.append(text) }
        }
        return result
    }
}
