/// What one evidence file contributed, for the `evidence` section of the JSON contract and the text's "Evidence read:"
/// block: a ticket shows what the verdict rests on. Counts and shapes only, never names or addresses (pure).
public struct EvidenceRead: Sendable, Equatable {
    /// The file as given.
    public var file: String
    /// Entries read: members, role groups, administrators, collections or policies.
    public var entries: Int
    /// The shape recognised, e.g. "Get-RoleGroup output".
    public var shape: String
    /// What the reader could not establish from this file.
    public var warnings: [String]

    /// Summarises what `kind` read from `value` into `evidence`: the row counts the entries and names what is missing.
    static func summary(kind: EvidenceKind, value: JSONValue, path: String, evidence: Evidence) -> EvidenceRead {
        let shape = EvidenceShape.detect(value)
        // A file the reader accepted is of its kind even when the shape detector has no name for it.
        let shown = shape == .unrecognised ? kind.summary : shape.rawValue
        return EvidenceRead(file: path, entries: kind.entryCount(evidence), shape: shown, warnings: kind.warnings(evidence, shape))
    }

    /// The warning for user entries without an object id, which a token carrying only `oid` cannot be matched to.
    static func entriesWithoutIDs(_ list: [DirectoryEntry]) -> [String] {
        let count = list.filter { $0.objectID == nil && $0.appID == nil && !$0.isRoleGroup }.count
        return count > 0 ? ["\(count) entr\(count == 1 ? "y has" : "ies have") no object id: a token with only 'oid' cannot be matched against them"] : []
    }

    /// The JSON form (`evidence.<kind>` in the contract).
    var json: JSONValue {
        .object(["file": .string(file), "entries": .number(JSONNumber(entries)), "shape": .string(shape), "warnings": .array(warnings.map(JSONValue.string))])
    }
}
