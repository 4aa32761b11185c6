/// A JSON-RPC 2.0 error object (https://www.jsonrpc.org/specification#error_object).
public struct JSONRPCError: Error, Sendable, Equatable {
    /// The standard codes MCP uses.
    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603

    public let code: Int
    /// One line, no token text (the whole outgoing message is scrubbed as well).
    public let message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static func invalidParams(_ message: String) -> JSONRPCError { JSONRPCError(code: invalidParams, message: message) }
}

/// One incoming JSON-RPC message, classified by the members it has.
public enum JSONRPCMessage: Sendable, Equatable {
    /// Has `method` and `id`: must be answered with a result or an error carrying the same id.
    case request(id: JSONValue, method: String, params: JSONValue?)
    /// Has `method`, no `id`: never answered.
    case notification(method: String, params: JSONValue?)
    /// Has `result` or `error`: an answer to a request of ours (the server sends none, so these are dropped).
    case response(id: JSONValue)
}

/// Framing and classification of JSON-RPC 2.0 messages as MCP's stdio transport carries them: one compact JSON
/// value per line, UTF-8, no embedded newlines.
public enum JSONRPC {
    /// Classifies a parsed message. The error carries the id to answer with (`null` when the id cannot be read).
    public static func classify(_ value: JSONValue) -> Result<JSONRPCMessage, JSONRPCFailure> {
        guard case .object(let object) = value else {
            return .failure(JSONRPCFailure(id: .null, error: JSONRPCError(code: JSONRPCError.invalidRequest,
                message: "a JSON-RPC message must be an object, found \(value.typeName)")))
        }
        let id = object["id"]
        if let id, !isValidID(id) {
            return .failure(JSONRPCFailure(id: .null, error: JSONRPCError(code: JSONRPCError.invalidRequest,
                message: "'id' must be a string or an integer, found \(id.typeName)")))
        }
        guard object["jsonrpc"] == .string("2.0") else {
            return .failure(JSONRPCFailure(id: id ?? .null, error: JSONRPCError(code: JSONRPCError.invalidRequest,
                message: "'jsonrpc' must be \"2.0\"")))
        }
        guard let methodValue = object["method"] else {
            if let id, object["result"] != nil || object["error"] != nil { return .success(.response(id: id)) }
            return .failure(JSONRPCFailure(id: id ?? .null, error: JSONRPCError(code: JSONRPCError.invalidRequest,
                message: "the message has no 'method'")))
        }
        guard case .string(let method) = methodValue, !method.isEmpty else {
            return .failure(JSONRPCFailure(id: id ?? .null, error: JSONRPCError(code: JSONRPCError.invalidRequest,
                message: "'method' must be a non-empty string")))
        }
        let params = object["params"]
        if let params, params.objectValue == nil, params.arrayValue == nil {
            return .failure(JSONRPCFailure(id: id ?? .null, error: .invalidParams("'params' must be an object, found \(params.typeName)")))
        }
        guard let id else { return .success(.notification(method: method, params: params)) }
        return .success(.request(id: id, method: method, params: params))
    }

    /// MCP request ids are strings or integers (not null, not fractions).
    static func isValidID(_ value: JSONValue) -> Bool {
        switch value {
        case .string: return true
        case .number(let number): return number.int64 != nil
        default: return false
        }
    }

    /// `{"jsonrpc":"2.0","id":…,"result":…}`.
    public static func result(id: JSONValue, _ result: JSONValue) -> JSONValue {
        .object(["jsonrpc": "2.0", "id": id, "result": result])
    }

    /// `{"jsonrpc":"2.0","id":…,"error":{"code":…,"message":…}}`.
    public static func error(id: JSONValue, _ error: JSONRPCError) -> JSONValue {
        .object(["jsonrpc": "2.0", "id": id, "error": .object(["code": .number(JSONNumber(error.code)), "message": .string(error.message)])])
    }

    /// The line to write for `message`: compact JSON (strings escape newlines, so the line has none), without the
    /// trailing newline. `TokenScrubber` runs over every string (and key) before escaping — in the escaped text a
    /// token right after a newline reads `\neyJ…` and is not token-shaped any more — and over the line once more.
    /// Scrubbing keeps the JSON valid: the placeholder has no quote, backslash or control character.
    public static func encode(_ message: JSONValue) -> String {
        TokenScrubber.scrub(JSONWriter.write(scrubbed(message)))
    }

    static func scrubbed(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(TokenScrubber.scrub(text))
        case .array(let elements): .array(elements.map(scrubbed))
        case .object(let members): .object(Dictionary(members.map { (TokenScrubber.scrub($0.key), scrubbed($0.value)) }, uniquingKeysWith: { first, _ in first }))
        default: value
        }
    }
}

/// A message that could not be accepted, and the id its error answer carries.
public struct JSONRPCFailure: Error, Sendable, Equatable {
    public let id: JSONValue
    public let error: JSONRPCError
}
