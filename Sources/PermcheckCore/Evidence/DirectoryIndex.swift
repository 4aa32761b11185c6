/// A list of directory entries indexed by normalised identifier, so finding a principal among 100 000 entries is a
/// few hash look-ups: each identifier is normalised once when the list is read, never once per comparison.
public struct DirectoryIndex: Sendable, Equatable {
    private var byID: [String: [Int]] = [:]
    private var bySignIn: [String: [Int]] = [:]
    private var byAlias: [String: [Int]] = [:]
    /// Entries without an object id / app id (only names or addresses): a token with only `oid` cannot be compared.
    private(set) var withoutIDs = 0
    /// Entries with only ids: a token without `oid` cannot be compared with them.
    private(set) var idsOnly = 0
    /// Positions of security groups (by `RecipientType`) and of untyped entries with an object id (possibly groups).
    private(set) var groupPositions: [Int] = []

    public static func == (lhs: DirectoryIndex, rhs: DirectoryIndex) -> Bool { true }  // derived from the entries

    init(_ entries: [DirectoryEntry]) {
        for (position, entry) in entries.enumerated() {
            let ids = entry.idKeys
            for key in ids { byID[key, default: []].append(position) }
            let signIns = entry.signInKeys
            for key in signIns { bySignIn[key, default: []].append(position) }
            for key in entry.aliasKeys { byAlias[key, default: []].append(position) }
            if ids.isEmpty { withoutIDs += 1 }
            if !ids.isEmpty && signIns.isEmpty && entry.aliasKeys.isEmpty { idsOnly += 1 }
            if entry.isSecurityGroup || entry.objectID != nil && entry.recipientType == nil { groupPositions.append(position) }
        }
    }

    /// The entries that could be `principal`, in list order.
    func candidates(for principal: Principal) -> [Int] {
        var positions: Set<Int> = []
        for key in principal.idKeys { positions.formUnion(byID[key] ?? []) }
        for key in principal.signInKeys {
            positions.formUnion(bySignIn[key] ?? [])
            if let local = Identifier.localPart(key) { positions.formUnion(byAlias[local] ?? []) }
        }
        return positions.sorted()
    }
}

/// The outcome of looking a principal up in a list.
public enum ListLookup: Sendable, Equatable {
    /// Listed, with the strongest match found.
    case listed(PrincipalMatch)
    /// Not listed.
    case notListed
    /// Some entries share no identifier kind with the token (how many), so the list cannot say.
    case cannotTell(Int)
}

extension Principal {
    /// Looks this principal up in `entries` through `index`: a strong match wins over a weak (alias) one.
    func lookup(in entries: [DirectoryEntry], index: DirectoryIndex) -> ListLookup {
        var weak: PrincipalMatch?
        for position in index.candidates(for: self) {
            guard case .same(let match) = compare(entries[position]) else { continue }
            if match.isStrong { return .listed(match) }
            if weak == nil { weak = match }
        }
        if let weak { return .listed(weak) }
        if kind != .application, signInKeys.isEmpty, index.withoutIDs > 0 { return .cannotTell(index.withoutIDs) }
        if objectID == nil, index.idsOnly > 0 { return .cannotTell(index.idsOnly) }
        return .notListed
    }

    /// Looks this principal up in a plain list (builds the index once).
    func lookup(in entries: [DirectoryEntry]) -> ListLookup {
        lookup(in: entries, index: DirectoryIndex(entries))
    }

    /// Whether an eDiscovery Administrator (or other) list names this principal.
    func isListed(in entries: [DirectoryEntry]) -> PrincipalMatch? {
        if case .listed(let match) = lookup(in: entries) { return match }
        return nil
    }
}
