import Foundation
import PermcheckCore

extension GraphCatalogImporter {
    /// An operation the Graph API reference defines that upstream `permissions.json` lacks, with the permissions its
    /// page states (`rules/graph/rbac/observations/*-permissions-gaps.jsonl`).
    public struct GapOperation: Sendable, Equatable {
        public let operation: GraphOperation
        /// The page the permissions were read from.
        public let url: String
    }

    /// The gap operations of one `.jsonl` text: one per request line of each entry (`$ref` kept, a trailing `/`
    /// dropped). The first permission of each list is taken as the least privileged (the pages list it first).
    public static func gapOperations(jsonl: String) throws -> [GapOperation] {
        var result: [GapOperation] = []
        for (number, line) in jsonl.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let object: JSONValue
            do { object = try JSONParser.parse(String(line)) } catch {
                throw ImportError.unexpectedShape("permissions-gaps line \(number + 1): \(error)")
            }
            func list(_ key: String) -> [String] { object[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
            guard let url = object["url"]?.stringValue, url.hasPrefix("https://") else {
                throw ImportError.unexpectedShape("permissions-gaps line \(number + 1): needs an https 'url'")
            }
            for http in list("http") {
                let parts = http.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw ImportError.unexpectedShape("permissions-gaps line \(number + 1): '\(http)'") }
                var display = parts[1]
                while display.count > 1, display.hasSuffix("/") { display.removeLast() }
                let (work, app, personal) = (list("delegatedWork"), list("application"), list("delegatedPersonal"))
                result.append(GapOperation(operation: GraphOperation(
                    method: parts[0].uppercased(), pathTemplate: GraphPathCanonicalizer.canonicalPath(display), displayTemplate: display,
                    delegatedWork: work, application: app, delegatedPersonal: personal,
                    leastDelegatedWorkCount: min(1, work.count), leastApplicationCount: min(1, app.count),
                    leastDelegatedPersonalCount: min(1, personal.count)), url: url))
            }
        }
        return result
    }

    /// `operations` plus the gap operations whose (method, path) they lack, sorted like the importer sorts.
    static func merging(_ operations: [GraphOperation], gaps: [GapOperation]) -> (operations: [GraphOperation], added: [GapOperation]) {
        var keys = Set(operations.map { OperationKey(method: $0.method, path: $0.pathTemplate) })
        var added: [GapOperation] = []
        for gap in gaps where keys.insert(OperationKey(method: gap.operation.method, path: gap.operation.pathTemplate)).inserted {
            added.append(gap)
        }
        let merged = (operations + added.map(\.operation)).sorted {
            OperationKey(method: $0.method, path: $0.pathTemplate) < OperationKey(method: $1.method, path: $1.pathTemplate)
        }
        return (merged, added)
    }
}
