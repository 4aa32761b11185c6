/// One operation a permission allows, found by ``GraphCatalog/operations(grantedBy:)``.
public struct GraphPermissionGrant: Sendable, Equatable {
    /// The operation.
    public let operation: GraphOperation
    /// The schemes under which the permission allows it, in column order.
    public let schemes: [GraphPermissionScheme]
    /// Whether upstream marks the permission least-privileged for the operation under any of `schemes`.
    public let isLeastPrivileged: Bool

    /// Creates a grant.
    public init(operation: GraphOperation, schemes: [GraphPermissionScheme], isLeastPrivileged: Bool) {
        self.operation = operation
        self.schemes = schemes
        self.isLeastPrivileged = isLeastPrivileged
    }
}

/// Reverse look-up: what a permission allows.
extension GraphCatalog {
    /// Every operation `permission` allows (name compared case-insensitively), in catalogue order.
    public func operations(grantedBy permission: String) -> [GraphPermissionGrant] {
        let needle = Array(permission.lowercased().utf8)
        guard !needle.isEmpty else { return [] }
        var result: [GraphPermissionGrant] = []
        let candidates = withBytes { bytes in lines.indices.filter { lineMentions(bytes, $0, needle) } }
        for line in candidates {
            let operation = operation(at: line)
            var schemes: [GraphPermissionScheme] = []
            var least = false
            for scheme in GraphPermissionScheme.allCases {
                let all = operation.permissions(for: scheme)
                guard let position = all.firstIndex(where: { $0.lowercased() == permission.lowercased() }) else { continue }
                schemes.append(scheme)
                if position < operation.leastPrivileged(for: scheme).count { least = true }
            }
            if !schemes.isEmpty {
                result.append(GraphPermissionGrant(operation: operation, schemes: schemes, isLeastPrivileged: least))
            }
        }
        return result
    }

    /// A cheap pre-filter: whether the line's permission columns contain `needle` (lowercase ASCII).
    private func lineMentions(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Int, _ needle: [UInt8]) -> Bool {
        let info = lines[line]
        let start = Self.pathEnd(bytes, info)
        let end = Int(info.end) - needle.count
        guard start <= end else { return false }
        var k = start
        while k <= end {
            var j = 0
            while j < needle.count, lowercase(bytes[k + j]) == needle[j] { j += 1 }
            if j == needle.count { return true }
            k += 1
        }
        return false
    }

    private func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}
