import PermcheckCore

/// Everything the importer learns about one (method, path) before it becomes a ``GraphOperation``.
struct Accumulator {
    /// Per scheme: permission → whether upstream marks it least-privileged there.
    var permissions: [GraphPermissionScheme: [String: Bool]] = [:]
    var alsoRequires: [String: Set<String>] = [:]
    var templates: Set<String> = []

    mutating func add(permission: String, schemes: [GraphPermissionScheme], note: PathNote, template: String) {
        for scheme in schemes {
            let least = note.leastSchemes.contains(scheme.rawValue)
            permissions[scheme, default: [:]][permission] = (permissions[scheme]?[permission] ?? false) || least
        }
        if !note.alsoRequires.isEmpty {
            alsoRequires[permission, default: []].formUnion(note.alsoRequires)
        }
        templates.insert(template)
    }

    /// Least-privileged first; within each group by upstream `privilegeLevel` (missing sorts after 5),
    /// then by name.
    func operation(key: OperationKey, levels: [String: Int]) -> GraphOperation {
        var lists: [GraphPermissionScheme: (all: [String], least: Int)] = [:]
        for scheme in GraphPermissionScheme.allCases {
            let entries = permissions[scheme] ?? [:]
            func rank(_ name: String) -> (Int, Int) {
                (entries[name]! ? 0 : 1, levels[name + "\t" + scheme.rawValue] ?? 6)
            }
            let sorted = entries.keys.sorted { lhs, rhs in
                let (l, r) = (rank(lhs), rank(rhs))
                return l != r ? l < r : GraphCatalogLine.byteOrder(lhs, rhs)
            }
            lists[scheme] = (sorted, entries.values.filter { $0 }.count)
        }
        let display = templates.contains(key.path)
            ? key.path : templates.sorted(by: GraphCatalogLine.byteOrder).first ?? key.path
        return GraphOperation(
            method: key.method, pathTemplate: key.path, displayTemplate: display,
            delegatedWork: lists[.delegatedWork]!.all, application: lists[.application]!.all,
            delegatedPersonal: lists[.delegatedPersonal]!.all,
            leastDelegatedWorkCount: lists[.delegatedWork]!.least,
            leastApplicationCount: lists[.application]!.least,
            leastDelegatedPersonalCount: lists[.delegatedPersonal]!.least,
            alsoRequires: alsoRequires.mapValues { $0.sorted(by: GraphCatalogLine.byteOrder) })
    }
}
