/// The Model Context Protocol server logic, without I/O: each incoming line maps to the lines to write back.
///
/// Handles `initialize` (version negotiation: the client's version when supported, else the latest), `ping`,
/// `tools/list`, `tools/call`, `resources/list`, `resources/read`; `notifications/initialized` and
/// `notifications/cancelled` are accepted (requests are answered one at a time, so a cancelled request has already
/// been answered or has not been read yet); other notifications are ignored. Every outgoing line passes `TokenScrubber`.
public final class MCPServer {
    /// Newest first; the first is offered when the client asks for a version the server does not know.
    public static let supportedVersions = ["2025-06-18", "2025-03-26", "2024-11-05"]

    public let name: String
    public let version: String
    public let instructions: String
    public let provider: any MCPToolProvider
    /// The largest accepted message, in bytes (the CLI's file limit: a call can carry evidence inline).
    public let maxMessageBytes: Int
    /// The protocol version agreed in `initialize`; `nil` before it.
    public private(set) var negotiatedVersion: String?

    public init(name: String, version: String, instructions: String, provider: any MCPToolProvider, maxMessageBytes: Int) {
        self.name = name
        self.version = version
        self.instructions = instructions
        self.provider = provider
        self.maxMessageBytes = maxMessageBytes
    }

    /// The encoded lines answering one input line (none for notifications, responses and blank lines).
    public func handle(line: some Collection<UInt8>) -> [String] {
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return [] }
        guard line.count <= maxMessageBytes else { return [JSONRPC.encode(JSONRPC.error(id: .null, oversized))] }
        let value: JSONValue
        do {
            value = try JSONParser.parse(Array(line), limits: JSONLimits(maxDepth: InputLimits.fileJSONDepth, maxBytes: maxMessageBytes))
        } catch {
            // Position only: the parser quotes offending text, and the line may hold a token or personal data.
            let detail = error.message.contains("'") ? "" : ": \(error.message)"
            return [JSONRPC.encode(JSONRPC.error(id: .null, JSONRPCError(code: JSONRPCError.parseError,
                message: "the message is not valid JSON (line \(error.line), column \(error.column)\(detail))")))]
        }
        if case .array(let batch) = value {
            // JSON-RPC batches (protocol 2025-03-26 allows them): the answers of the batch's requests, as one array.
            guard !batch.isEmpty else {
                return [JSONRPC.encode(JSONRPC.error(id: .null, JSONRPCError(code: JSONRPCError.invalidRequest, message: "an empty batch")))]
            }
            let answers = batch.compactMap(handle(message:))
            return answers.isEmpty ? [] : [JSONRPC.encode(.array(answers))]
        }
        return handle(message: value).map { [JSONRPC.encode($0)] } ?? []
    }

    /// The error answering a line longer than `maxMessageBytes` (its id is unknown: the line is not parsed).
    public var oversized: JSONRPCError {
        JSONRPCError(code: JSONRPCError.invalidRequest, message: "the message is larger than permcheck's limit of \(maxMessageBytes >> 20) MiB; pass large evidence as a file path instead of inline JSON")
    }

    /// The answer to one message, or `nil` when it needs none.
    public func handle(message value: JSONValue) -> JSONValue? {
        switch JSONRPC.classify(value) {
        case .failure(let failure):
            return JSONRPC.error(id: failure.id, failure.error)
        case .success(.response), .success(.notification):
            // `notifications/initialized`, `notifications/cancelled` and unknown notifications need no answer.
            return nil
        case .success(.request(let id, let method, let params)):
            switch respond(method, params: params?.objectValue ?? [:]) {
            case .success(let result): return JSONRPC.result(id: id, result)
            case .failure(let error): return JSONRPC.error(id: id, error)
            }
        }
    }

    private func respond(_ method: String, params: [String: JSONValue]) -> Result<JSONValue, JSONRPCError> {
        if method == "initialize" { return initialize(params) }
        if method == "ping" { return .success([:]) }
        let known = ["tools/list", "tools/call", "resources/list", "resources/read", "resources/templates/list"]
        guard known.contains(method) else {
            return .failure(JSONRPCError(code: JSONRPCError.methodNotFound, message: "method '\(method)' is not supported"))
        }
        guard negotiatedVersion != nil else {
            return .failure(JSONRPCError(code: JSONRPCError.invalidRequest, message: "send 'initialize' before '\(method)'"))
        }
        switch method {
        case "tools/list":
            return .success(["tools": .array(provider.tools.map { $0.json(structured: structured) })])
        case "tools/call":
            return callTool(params)
        case "resources/list":
            return .success(["resources": .array(provider.resources.map { resource in
                ["uri": .string(resource.uri), "name": .string(resource.name), "description": .string(resource.description), "mimeType": .string(resource.mimeType)]
            })])
        case "resources/templates/list":
            return .success(["resourceTemplates": []])
        default:
            guard let uri = params["uri"]?.stringValue else { return .failure(.invalidParams("'uri' must be a string")) }
            guard let resource = provider.resources.first(where: { $0.uri == uri }), let text = provider.read(uri) else {
                return .failure(JSONRPCError(code: -32002, message: "no resource '\(uri)'; see resources/list"))
            }
            return .success(["contents": [["uri": .string(uri), "mimeType": .string(resource.mimeType), "text": .string(text)]]])
        }
    }

    /// Whether results may carry `structuredContent` and tools `outputSchema` (protocol 2025-06-18 and later).
    private var structured: Bool { (negotiatedVersion ?? "") >= "2025-06-18" }

    private func initialize(_ params: [String: JSONValue]) -> Result<JSONValue, JSONRPCError> {
        guard let requested = params["protocolVersion"]?.stringValue else {
            return .failure(.invalidParams("'protocolVersion' must be a string such as \"\(Self.supportedVersions[0])\""))
        }
        let version = Self.supportedVersions.contains(requested) ? requested : Self.supportedVersions[0]
        negotiatedVersion = version
        var capabilities: [String: JSONValue] = ["tools": ["listChanged": false]]
        if !provider.resources.isEmpty { capabilities["resources"] = ["listChanged": false, "subscribe": false] }
        return .success([
            "protocolVersion": .string(version),
            "capabilities": .object(capabilities),
            "serverInfo": ["name": .string(name), "title": "permcheck", "version": .string(self.version)],
            "instructions": .string(instructions),
        ])
    }

    private func callTool(_ params: [String: JSONValue]) -> Result<JSONValue, JSONRPCError> {
        guard let name = params["name"]?.stringValue else { return .failure(.invalidParams("'name' must be the tool's name (a string)")) }
        guard let tool = provider.tools.first(where: { $0.name == name }) else {
            let hint = Suggest.closest(to: name, in: provider.tools.map(\.name), limit: 1).first.map { " (did you mean '\($0)'?)" } ?? ""
            return .failure(.invalidParams("unknown tool '\(name)'\(hint); see tools/list"))
        }
        let arguments = params["arguments"] ?? [:]
        if let problem = JSONSchema.violation(of: tool.inputSchema, by: arguments) {
            return .failure(.invalidParams("tool '\(name)': \(problem)"))
        }
        return .success(provider.call(name, arguments: arguments.objectValue ?? [:]).json(structured: structured))
    }
}
