/// One tool an MCP server offers: its name, what it does, and JSON Schemas of its arguments and structured result.
public struct MCPToolDescriptor: Sendable {
    public let name: String
    public let title: String
    public let description: String
    public let inputSchema: JSONValue
    public let outputSchema: JSONValue?

    public init(name: String, title: String, description: String, inputSchema: JSONValue, outputSchema: JSONValue?) {
        self.name = name
        self.title = title
        self.description = description
        self.inputSchema = inputSchema
        self.outputSchema = outputSchema
    }

    /// The `tools/list` entry. `structured` is false for protocol versions before 2025-06-18 (no `outputSchema`, `title`).
    func json(structured: Bool) -> JSONValue {
        var object: [String: JSONValue] = [
            "name": .string(name), "description": .string(description), "inputSchema": inputSchema,
            // permcheck only reads local inputs: nothing it does changes anything or reaches the network.
            "annotations": ["title": .string(title), "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false],
        ]
        if structured {
            object["title"] = .string(title)
            if let outputSchema { object["outputSchema"] = outputSchema }
        }
        return .object(object)
    }
}

/// What a tool call returns: a short text rendering, the structured result (matching the tool's `outputSchema`),
/// and whether it is an error (a tool error is a result, not a JSON-RPC error, so the model can read it).
public struct MCPToolResult: Sendable, Equatable {
    public var text: String
    public var structured: JSONValue?
    public var isError: Bool

    public init(text: String, structured: JSONValue? = nil, isError: Bool = false) {
        self.text = text
        self.structured = structured
        self.isError = isError
    }

    /// An error result whose text is the line the CLI prints: `error: MESSAGE`.
    public static func error(_ error: PermcheckError) -> MCPToolResult {
        MCPToolResult(text: "error: \(error.message)", isError: true)
    }

    /// The result with `transform` applied to the text and to every string of the structured result (redaction).
    public func mapStrings(_ transform: (String) -> String) -> MCPToolResult {
        func map(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let text): .string(transform(text))
            case .array(let elements): .array(elements.map(map))
            case .object(let members): .object(members.mapValues(map))
            default: value
            }
        }
        return MCPToolResult(text: transform(text), structured: structured.map(map), isError: isError)
    }

    /// The `tools/call` result. Before 2025-06-18 there is no `structuredContent`: the JSON goes in a second text block.
    func json(structured supportsStructured: Bool) -> JSONValue {
        var content: [JSONValue] = [["type": "text", "text": .string(text)]]
        var object: [String: JSONValue] = ["isError": .bool(isError)]
        if let structured {
            if supportsStructured { object["structuredContent"] = structured } else {
                content.append(["type": "text", "text": .string(JSONWriter.write(structured, pretty: true))])
            }
        }
        object["content"] = .array(content)
        return .object(object)
    }
}

/// A readable resource (`resources/list`, `resources/read`).
public struct MCPResource: Sendable, Equatable {
    public let uri: String
    public let name: String
    public let description: String
    public let mimeType: String

    public init(uri: String, name: String, description: String, mimeType: String) {
        self.uri = uri
        self.name = name
        self.description = description
        self.mimeType = mimeType
    }
}

/// What the server delegates to: the tools (and resources) and their implementations, which may do file I/O.
public protocol MCPToolProvider {
    var tools: [MCPToolDescriptor] { get }
    /// Runs a tool on arguments already validated against its `inputSchema`. Input problems the CLI would report
    /// (unreadable file, unknown API, malformed token) are returned as `MCPToolResult.error`, not thrown.
    func call(_ name: String, arguments: [String: JSONValue]) -> MCPToolResult
    var resources: [MCPResource] { get }
    /// The text of a resource, or `nil` for an unknown URI.
    func read(_ uri: String) -> String?
}

extension MCPToolProvider {
    public var resources: [MCPResource] { [] }
    public func read(_ uri: String) -> String? { nil }
}
