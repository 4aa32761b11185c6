import Foundation
import PermcheckCore

extension GraphRoleImporter {
    /// The parsed sources and the decision per operation.
    struct Model {
        struct Role { let id: String; let name: String; let privileged: Bool }
        struct Observation { let rank: (Int, Int); let object: JSONValue }
        struct Area { let prefix: [String]; let read: JSONValue; let write: JSONValue }

        let roles: [Role]
        let byName: [String: Role]
        let includeRoles: [String: [String]]
        let observations: [String: Observation]
        let areas: [Area]
        let overrides: [String: JSONValue]
        let selfPrefixes: [[String]]
        let selfBasis: String, selfSource: String
        let directorySubresources: [[String]: Set<String>]
        let workloadBasis: String, workloadSource: String
        /// Names the docs use for roles the role dump calls otherwise.
        static let aliases = ["power bi administrator": "fabric administrator"]
        /// Default-user roles: "any member", never a qualifying admin role.
        static let defaultUserRoles: Set<String> = ["user", "guest user", "restricted guest user"]

        init(_ sources: Sources) throws {
            func parse(_ data: Data, _ what: String) throws -> JSONValue {
                do { return try JSONParser.parse(Array(data)) } catch { throw ImportError("\(what): \(error)") }
            }
            var roles: [Role] = []
            for item in try parse(sources.roles, "entra-roles.json").arrayValue ?? [] {
                guard let id = item["id"]?.stringValue, let name = item["name"]?.stringValue else { continue }
                roles.append(Role(id: id, name: name, privileged: item["isPrivileged"]?.boolValue ?? false))
            }
            self.roles = roles
            byName = Dictionary(roles.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
            var includeRoles: [String: [String]] = [:]
            for data in sources.includes {
                for (name, body) in try parse(data, "includes").objectValue ?? [:] {
                    includeRoles[name] = (body["entraRoles"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
                }
            }
            self.includeRoles = includeRoles
            var observations: [String: Observation] = [:]
            for text in sources.observations {
                for (number, line) in text.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    let object = try parse(Data(line.utf8), "observation line \(number + 1)")
                    let rank = (object["version"]?.stringValue == "v1.0" ? 0 : 1,
                                object["confidence"]?.stringValue == "documented" ? 0 : 1)
                    for http in object["http"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                        guard let space = http.firstIndex(of: " ") else { continue }
                        let method = http[..<space].uppercased()
                        let path = GraphPathCanonicalizer.canonicalPath(String(http[http.index(after: space)...]))
                        var keys = [GraphRoleTable.key(method, path)]
                        // Aliases the catalogue may list instead: function arguments as placeholders
                        // (`filterByCurrentUser(on='reviewer')` → `(on={id})`), no trailing `$ref`/`$value`.
                        let general = Self.generalisingArguments(path)
                        if general != path { keys.append(GraphRoleTable.key(method, general)) }
                        for suffix in ["/$ref", "/$value"] where general.hasSuffix(suffix) {
                            keys.append(GraphRoleTable.key(method, String(general.dropLast(suffix.count))))
                        }
                        for (index, key) in keys.enumerated() {
                            // The literal form beats a `$ref`-stripped alias.
                            let keyed = Observation(rank: (rank.0 + index * 2, rank.1), object: object)
                            if let old = observations[key], old.rank <= keyed.rank { continue }
                            observations[key] = keyed
                        }
                    }
                }
            }
            self.observations = observations
            let inference = try parse(sources.inference, "inference.json")
            func segments(_ path: String) -> [String] { path.split(separator: "/").map(String.init) }
            areas = (inference["areas"]?.arrayValue ?? []).compactMap { area in
                guard let prefix = area["prefix"]?.stringValue, let read = area["read"], let write = area["write"] else { return nil }
                return Area(prefix: segments(prefix), read: read, write: write)
            }
            var overrides: [String: JSONValue] = [:]
            for (key, value) in inference["operations"]?.objectValue ?? [:] where !key.hasPrefix("$") {
                let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw ImportError("inference.json operations: bad key '\(key)'") }
                overrides[GraphRoleTable.key(parts[0], GraphPathCanonicalizer.canonicalPath(parts[1]))] = value
            }
            self.overrides = overrides
            selfPrefixes = (inference["self"]?["prefixes"]?.arrayValue ?? []).compactMap(\.stringValue).map(segments)
            selfBasis = inference["self"]?["basis"]?.stringValue ?? ""
            selfSource = inference["self"]?["source"]?.stringValue ?? ""
            var directory: [[String]: Set<String>] = [:]
            for (prefix, list) in inference["workloads"]?["directory"]?.objectValue ?? [:] {
                directory[segments(prefix)] = Set((list.arrayValue ?? []).compactMap(\.stringValue))
            }
            directorySubresources = directory
            workloadBasis = inference["workloads"]?["basis"]?.stringValue ?? ""
            workloadSource = inference["workloads"]?["source"]?.stringValue ?? ""
        }

        /// `path` with every `name=value` function argument's value replaced by `{id}`.
        static func generalisingArguments(_ path: String) -> String {
            var out = "", inArgs = false, inValue = false
            for character in path {
                switch character {
                case "(": inArgs = true; out.append(character)
                case ")": if inValue { out += "{id}"; inValue = false }; inArgs = false; out.append(character)
                case "=" where inArgs: out.append(character); inValue = true
                case "," where inArgs: if inValue { out += "{id}"; inValue = false }; out.append(character)
                default: if !inValue { out.append(character) }
                }
            }
            return out
        }

        /// Role references for names, in the given order; unknown and default-user names dropped, duplicates removed.
        func refs(_ names: [String]) -> [DirectoryRoleRef] {
            var seen: Set<String> = []
            return names.compactMap { name in
                let key = Self.aliases[name.lowercased()] ?? name.lowercased()
                guard !Self.defaultUserRoles.contains(key), let role = byName[key], seen.insert(role.id).inserted else { return nil }
                return DirectoryRoleRef(id: role.id, name: role.name)
            }
        }

        /// Include roles: non-privileged first, Global Administrator last, otherwise in the include's order.
        func ordered(_ refs: [DirectoryRoleRef]) -> [DirectoryRoleRef] {
            func rank(_ ref: DirectoryRoleRef) -> Int {
                ref.name == "Global Administrator" ? 2 : (byName[ref.name.lowercased()]?.privileged == true ? 1 : 0)
            }
            return refs.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        }

        func requirement(method: String, path: String) -> GraphRoleRequirement? {
            let key = GraphRoleTable.key(method, path)
            let segments = path.split(separator: "/").map(String.init)
            let override = overrides[key]
            if let observation = observations[key] ?? (path.hasSuffix("/$ref") ? nil : observations[key + "/$ref"]) {
                return fromObservation(observation.object, method: method, segments: segments, override: override)
            }
            if selfPrefixes.contains(where: { segments.starts(with: $0) }) {
                return GraphRoleRequirement(access: .selfAccess, confidence: .inferred, roles: [], source: selfSource, basis: selfBasis)
            }
            if segments.count >= 3, let directory = directorySubresources[[segments[0], "{id}"]], segments[1] == "{id}" {
                var sub = segments[2]
                if sub.hasPrefix("microsoft.graph.") { sub.removeFirst("microsoft.graph.".count) }
                sub = String(sub.prefix { $0 != "(" })
                if !directory.contains(sub) {
                    return GraphRoleRequirement(access: .targetResource, confidence: .inferred, roles: [],
                                                otherRoles: ["access to the target \(segments[0] == "users" ? "user's" : "group's") \(sub)"],
                                                source: workloadSource, basis: workloadBasis)
                }
            }
            return areaDefault(method: method, segments: segments, override: override)
        }

        func area(for segments: [String]) -> Area? {
            // An OData key segment (`applications(appId={id})`) belongs to its entity set's area.
            let segments = segments.map { String($0.prefix { $0 != "(" }) }
            func matches(_ prefix: [String]) -> Bool {
                guard prefix.count <= segments.count else { return false }
                for (index, part) in prefix.enumerated() {
                    if part.hasSuffix("*") { if !segments[index].hasPrefix(part.dropLast()) { return false } }
                    else if part != segments[index] { return false }
                }
                return true
            }
            return areas.filter { matches($0.prefix) }.max { $0.prefix.count < $1.prefix.count }
        }

        func areaDefault(method: String, segments: [String], override: JSONValue?, note: String = "", source: String? = nil) -> GraphRoleRequirement? {
            guard let area = area(for: segments) else { return nil }
            let rule = method == "GET" ? area.read : area.write
            var names = (rule["roles"]?.arrayValue ?? []).compactMap(\.stringValue)
            if let include = rule["include"]?.stringValue {
                names += includeRoles[include] ?? []
            }
            let accessName = override?["access"]?.stringValue ?? rule["access"]?.stringValue ?? "unmapped"
            let access = GraphRoleRequirement.Access(rawValue: accessName) ?? .unmapped
            let basis = [note, override?["basis"]?.stringValue, "inferred from the area: " + (rule["basis"]?.stringValue ?? "")]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
            return GraphRoleRequirement(
                access: access, confidence: .inferred, roles: access.listsRoles ? ordered(refs(names)) : [],
                actions: strings(override?["actions"]),
                otherRoles: strings(override?["otherRoles"]) + strings(rule["otherRoles"]).filter { _ in override?["otherRoles"] == nil },
                source: source ?? rule["source"]?.stringValue ?? "", basis: basis)
        }

        func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

        func fromObservation(_ o: JSONValue, method: String, segments: [String], override: JSONValue?) -> GraphRoleRequirement? {
            let url = o["url"]?.stringValue ?? ""
            let names = strings(o["entraRoles"])
            let others = strings(o["otherRoles"])
            let documented = o["confidence"]?.stringValue == "documented"
            var basis = o["basis"]?.stringValue ?? ""
            if let include = o["include"]?.stringValue { basis = "include \(include); " + basis }
            let access: GraphRoleRequirement.Access
            switch o["requirement"]?.stringValue {
            case "self": access = .selfAccess
            case "any-member": access = .anyMember
            case "target-resource": access = .targetResource
            case "roles": access = names.isEmpty ? (others.isEmpty ? .unmapped : .otherRoles) : .roles
            default:
                // none-stated: the page states no role, which never means "no role needed".
                guard let fallback = areaDefault(method: method, segments: segments, override: override,
                                                 note: "the page states no delegated role", source: url) else {
                    return GraphRoleRequirement(access: .unmapped, confidence: .inferred, roles: refs(names), source: url,
                                                basis: "the page states no delegated role; " + basis)
                }
                let extra = refs(names).filter { !fallback.roles.contains($0) }
                return GraphRoleRequirement(access: fallback.access, confidence: .inferred, roles: fallback.roles + extra,
                                            actions: fallback.actions, otherRoles: fallback.otherRoles,
                                            source: url, basis: fallback.basis)
            }
            var actions = strings(o["directoryActions"])
            if actions.isEmpty { actions = strings(override?["actions"]) }
            return GraphRoleRequirement(
                access: access, confidence: documented ? .documented : .inferred,
                roles: access.listsRoles ? refs(names) : [], actions: access.listsRoles ? actions : [],
                otherRoles: others, source: url, basis: basis)
        }
    }
}
