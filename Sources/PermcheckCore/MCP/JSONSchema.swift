/// The small JSON Schema subset the MCP tools use, to build schemas and to check arguments against them before a
/// tool runs: `type` (a name or a list), `properties`, `required`, `additionalProperties: false`, `items`, `enum`,
/// `minimum`, `maximum`. Anything else in a schema is documentation for the client and is not checked here.
public enum JSONSchema {
    /// An object with these properties; unknown properties are refused (a misspelt evidence key must not be ignored).
    public static func object(_ properties: [String: JSONValue], required: [String] = [], description: String? = nil) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties), "additionalProperties": false]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    public static func string(_ description: String, enum values: [String]? = nil) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "string", "description": .string(description)]
        if let values { schema["enum"] = .array(values.map(JSONValue.string)) }
        return .object(schema)
    }

    public static func integer(_ description: String, minimum: Int? = nil, maximum: Int? = nil) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "integer", "description": .string(description)]
        if let minimum { schema["minimum"] = .number(JSONNumber(minimum)) }
        if let maximum { schema["maximum"] = .number(JSONNumber(maximum)) }
        return .object(schema)
    }

    public static func array(_ items: JSONValue, _ description: String) -> JSONValue {
        ["type": "array", "items": items, "description": .string(description)]
    }

    /// Any of the given JSON types (e.g. an evidence value: a path, or the export's JSON inline).
    public static func types(_ names: [String], _ description: String) -> JSONValue {
        ["type": .array(names.map(JSONValue.string)), "description": .string(description)]
    }

    /// The first way `value` breaks `schema`, as a sentence naming the argument (`'at' must be a string, found number`),
    /// or `nil` when it conforms.
    public static func violation(of schema: JSONValue, by value: JSONValue, at path: String = "") -> String? {
        let name = path.isEmpty ? "the arguments" : "'\(path)'"
        if let type = schema["type"] {
            let allowed = type.stringValue.map { [$0] } ?? (type.arrayValue ?? []).compactMap(\.stringValue)
            guard allowed.contains(where: { matches(value, type: $0) }) else {
                return "\(name) must be \(allowed.map(article).joined(separator: " or ")), found \(value.typeName)"
            }
        }
        if let values = schema["enum"]?.arrayValue, !values.contains(value) {
            return "\(name) must be one of \(values.map { JSONWriter.write($0) }.joined(separator: ", "))"
        }
        if case .number(let number) = value, let double = number.double {
            if let minimum = schema["minimum"]?.numberValue?.double, double < minimum { return "\(name) must be at least \(minimum.formatted)" }
            if let maximum = schema["maximum"]?.numberValue?.double, double > maximum { return "\(name) must be at most \(maximum.formatted)" }
        }
        if case .object(let members) = value, schema["type"]?.stringValue == "object" {
            let properties = schema["properties"]?.objectValue ?? [:]
            for key in (schema["required"]?.arrayValue ?? []).compactMap(\.stringValue) where members[key] == nil {
                return "\(path.isEmpty ? "" : "\(name): ")missing the required argument '\(key)'"
            }
            for key in members.keys.sorted() {
                guard let property = properties[key] else {
                    if schema["additionalProperties"] == .bool(false) {
                        let hint = Suggest.closest(to: key, in: Array(properties.keys), limit: 1).first.map { " (did you mean '\($0)'?)" } ?? ""
                        return "unknown argument '\(path.isEmpty ? key : path + "." + key)'\(hint)"
                    }
                    continue
                }
                if let problem = violation(of: property, by: members[key]!, at: path.isEmpty ? key : path + "." + key) { return problem }
            }
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (index, element) in elements.enumerated() {
                if let problem = violation(of: items, by: element, at: "\(path)[\(index)]") { return problem }
            }
        }
        return nil
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("boolean", .bool), ("object", .object), ("array", .array), ("null", .null), ("number", .number): true
        case ("integer", .number(let number)): number.int64 != nil
        default: false
        }
    }

    private static func article(_ type: String) -> String {
        ["object", "array", "integer"].contains(type) ? "an \(type)" : type == "null" ? "null" : "a \(type)"
    }
}

private extension Double {
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self) }
}
