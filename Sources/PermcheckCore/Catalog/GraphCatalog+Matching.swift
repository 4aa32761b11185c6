/// Matching a request against the catalogue.
extension GraphCatalog {
    /// The most specific operation for `target`, or `nil` when the catalogue has none.
    ///
    /// A literal template segment matches case-insensitively and `{id}` matches any one segment
    /// (or the matching part of an OData key or function argument). When the direct form is not
    /// in the catalogue the matcher retries, in this order, ignoring `microsoft.graph.…` casts,
    /// swapping `/me` ↔ `/users/{id}`, and dropping a trailing `$count`/`$value`/`$ref`;
    /// ``GraphCatalogMatch/adjustments`` says which it used. Among candidates, more literal
    /// segments win, then more literal characters, then catalogue order.
    public func match(_ target: RequestTarget) -> GraphCatalogMatch? {
        let method = GraphHTTPMethod.code(target.method)
        guard method != 255 else { return nil }
        for attempt in Self.attempts(target) {
            if let line = bestLine(segments: attempt.segments, method: method, ignoreCasts: attempt.ignoreCasts) {
                return GraphCatalogMatch(operation: operation(at: line), target: target, adjustments: attempt.adjustments)
            }
        }
        return nil
    }

    /// The segment lists ``match(_:)`` tries, in order: as given, `/me` ↔ `/users/{id}`, each also ignoring
    /// casts, then the same without a trailing `$count`/`$value`/`$ref`.
    static func attempts(_ target: RequestTarget) -> [(segments: [String], ignoreCasts: Bool, adjustments: [GraphCatalogMatch.Adjustment])] {
        var lists: [([String], [GraphCatalogMatch.Adjustment])] = [(target.canonicalSegments, [])]
        if let last = target.canonicalSegments.last, ["$count", "$value", "$ref"].contains(last) {
            lists.append((Array(target.canonicalSegments.dropLast()), [.dollarSegmentDropped]))
        }
        var result: [(segments: [String], ignoreCasts: Bool, adjustments: [GraphCatalogMatch.Adjustment])] = []
        for (segments, dropped) in lists {
            for (variant, adjustments) in meUserVariants(segments) {
                for ignoreCasts in [false, true] {
                    result.append((variant, ignoreCasts, adjustments + (ignoreCasts ? [.castIgnored] : []) + dropped))
                }
            }
        }
        return result
    }

    /// The request segments ``bestLine(segments:method:ignoreCasts:)`` matches, casts removed when ignored.
    static func lookupSegments(_ segments: [String], ignoreCasts: Bool) -> [String] {
        segments.filter { !ignoreCasts || !$0.hasPrefix("microsoft.graph.") }
    }

    /// The request segments as given, then with `/me` ↔ `/users/{id}` swapped.
    static func meUserVariants(_ segments: [String]) -> [([String], [GraphCatalogMatch.Adjustment])] {
        var variants: [([String], [GraphCatalogMatch.Adjustment])] = [(segments, [])]
        if segments.first == "me" {
            variants.append((["users", "{id}"] + segments.dropFirst(), [.meAsUser]))
        } else if segments.first == "users", segments.count >= 2 {
            variants.append((["me"] + segments.dropFirst(2), [.userAsMe]))
        }
        return variants
    }

    /// The index in `lines` of the best template for these request segments.
    func bestLine(segments: [String], method: UInt8, ignoreCasts: Bool) -> Int? {
        let request = RequestBytes(Self.lookupSegments(segments, ignoreCasts: ignoreCasts))
        guard let firstKey = request.key, let runs = index[firstKey] else { return nil }
        let wanted = request.ranges.count
        var best: (line: Int, literals: Int, bytes: Int)?
        withBytes { template in
            request.bytes.withUnsafeBufferPointer { value in
                for run in runs {
                    for line in Int(run.lowerBound)..<Int(run.upperBound) {
                        let info = lines[line]
                        guard info.method == method else { continue }
                        let pathEnd = Self.pathEnd(template, info)
                        var count = 0
                        GraphPathSegments.forEachSegment(in: template, from: Int(info.pathStart), to: pathEnd) {
                            if !ignoreCasts || !GraphPathSegments.isCast(template, $0) { count += 1 }
                        }
                        guard count == wanted else { continue }
                        var parts = GraphPathSegments.ranges(in: template, from: Int(info.pathStart), to: pathEnd)
                        if ignoreCasts { parts.removeAll { GraphPathSegments.isCast(template, $0) } }
                        guard parts.count == wanted else { continue }
                        var literals = 0
                        var literalBytes = 0
                        var ok = true
                        for (part, want) in zip(parts, request.ranges) {
                            // A `microsoft.graph.…` segment is a cast or namespace, never an {id}.
                            guard GraphPathSegments.isCast(value, want) == GraphPathSegments.isCast(template, part),
                                  GraphPathSegments.matches(pattern: template, part, value: value, want)
                            else { ok = false; break }
                            if GraphPathSegments.isLiteral(template, part) { literals += 1 }
                            literalBytes += part.count
                        }
                        guard ok else { continue }
                        if best == nil || (literals, literalBytes) > (best!.literals, best!.bytes) {
                            best = (line, literals, literalBytes)
                        }
                    }
                }
            }
        }
        return best?.line
    }
}

/// Request segments laid out in one byte array, for matching without per-segment allocations.
struct RequestBytes {
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []

    init(_ segments: [String]) {
        for segment in segments {
            let start = bytes.count
            bytes.append(contentsOf: segment.utf8)
            ranges.append(start..<bytes.count)
        }
    }

    /// The index key of the first segment: its text before any `(`.
    var key: String? {
        guard let first = ranges.first else { return nil }
        let end = bytes[first].firstIndex(of: GraphPathSegments.openParen) ?? first.upperBound
        return String(decoding: bytes[first.lowerBound..<end], as: UTF8.self)
    }
}
