import Testing
@testable import PermcheckCore

/// A provider with one tool that echoes its `text` argument (or fails), to drive the protocol layer alone.
private struct EchoTools: MCPToolProvider {
    var tools: [MCPToolDescriptor] {
        [MCPToolDescriptor(name: "echo", title: "Echo", description: "Echoes 'text'.",
                           inputSchema: JSONSchema.object(["text": JSONSchema.string("what to echo"), "times": JSONSchema.integer("repeat", minimum: 1)],
                                                          required: ["text"]),
                           outputSchema: JSONSchema.object(["echo": JSONSchema.string("")]))]
    }

    func call(_ name: String, arguments: [String: JSONValue]) -> MCPToolResult {
        let text = arguments["text"]?.stringValue ?? ""
        if text == "fail" { return .error(.usage("the tool failed.")) }
        return MCPToolResult(text: "echo:\n\(text)", structured: ["echo": .string(text)])
    }

    var resources: [MCPResource] { [MCPResource(uri: "test://a", name: "a", description: "A.", mimeType: "text/plain")] }
    func read(_ uri: String) -> String? { uri == "test://a" ? "alpha" : nil }
}

@Suite("MCP server (JSON-RPC layer)")
struct MCPServerTests {
    func server() -> MCPServer {
        MCPServer(name: "permcheck", version: "9.9", instructions: "Use it.", provider: EchoTools(), maxMessageBytes: 4096)
    }

    /// Sends one line and returns the decoded answers.
    func send(_ server: MCPServer, _ line: String) throws -> [JSONValue] {
        try server.handle(line: Array(line.utf8)).map { encoded in
            #expect(!encoded.contains("\n"), "an answer must be one line")
            return try JSONParser.parse(encoded)
        }
    }

    func initialized(_ version: String = "2025-06-18") throws -> MCPServer {
        let server = server()
        _ = try send(server, #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"\#(version)","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#)
        return server
    }

    func call(_ server: MCPServer, _ arguments: String, id: Int = 7) throws -> JSONValue {
        try #require(try send(server, #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"echo","arguments":\#(arguments)}}"#).first)
    }

    @Test("initialize answers with the client's version when supported, else the latest")
    func negotiation() throws {
        for (asked, agreed) in [("2025-06-18", "2025-06-18"), ("2025-03-26", "2025-03-26"), ("2024-11-05", "2024-11-05"), ("2031-01-01", "2025-06-18")] {
            let server = server()
            let answer = try send(server, #"{"jsonrpc":"2.0","id":"a","method":"initialize","params":{"protocolVersion":"\#(asked)","capabilities":{}}}"#)
            #expect(answer.first?["id"] == "a")
            #expect(answer.first?["result"]?["protocolVersion"] == .string(agreed))
            #expect(answer.first?["result"]?["serverInfo"]?["name"] == "permcheck")
            #expect(answer.first?["result"]?["capabilities"]?["tools"] != nil)
            #expect(answer.first?["result"]?["capabilities"]?["resources"] != nil)
            #expect(server.negotiatedVersion == agreed)
        }
        let missing = try send(server(), #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#)
        #expect(missing.first?["error"]?["code"] == .number(JSONNumber(-32602)))
    }

    @Test("tools/list needs initialize; outputSchema and title only from 2025-06-18")
    func toolsList() throws {
        let early = try send(server(), #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)
        #expect(early.first?["error"]?["code"] == .number(JSONNumber(-32600)))
        let tools = try send(try initialized(), #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#).first?["result"]?["tools"]?.arrayValue
        #expect(tools?.count == 1)
        #expect(tools?.first?["name"] == "echo")
        #expect(tools?.first?["inputSchema"]?["required"] == ["text"])
        #expect(tools?.first?["outputSchema"] != nil)
        #expect(tools?.first?["annotations"]?["readOnlyHint"] == true)
        let old = try send(try initialized("2024-11-05"), #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#).first?["result"]?["tools"]?.arrayValue
        #expect(old?.first?["outputSchema"] == nil)
        #expect(old?.first?["inputSchema"] != nil)
    }

    @Test("tools/call returns content and structuredContent; older versions get the JSON as a second text block")
    func toolsCall() throws {
        let result = try call(try initialized(), #"{"text":"hi"}"#)["result"]
        #expect(result?["isError"] == false)
        #expect(result?["structuredContent"] == ["echo": "hi"])
        #expect(result?["content"]?.arrayValue?.first == ["type": "text", "text": "echo:\nhi"])
        let old = try call(try initialized("2025-03-26"), #"{"text":"hi"}"#)["result"]
        #expect(old?["structuredContent"] == nil)
        #expect(old?["content"]?.arrayValue?.count == 2)
        #expect(try old?["content"]?.arrayValue?.last?["text"]?.stringValue.map { try JSONParser.parse($0) } == ["echo": "hi"])
    }

    @Test("tool errors are results with isError and the CLI's error line")
    func toolError() throws {
        let result = try call(try initialized(), #"{"text":"fail"}"#)["result"]
        #expect(result?["isError"] == true)
        #expect(result?["content"]?.arrayValue?.first?["text"] == "error: the tool failed.")
    }

    @Test("arguments that break the input schema and unknown tools are -32602 with a clear message")
    func invalidParams() throws {
        let server = try initialized()
        let cases: [(String, String)] = [
            (#"{"text":3}"#, "tool 'echo': 'text' must be a string, found number"),
            (#"{}"#, "tool 'echo': missing the required argument 'text'"),
            (#"{"text":"a","tmes":2}"#, "tool 'echo': unknown argument 'tmes' (did you mean 'times'?)"),
            (#"{"text":"a","times":0}"#, "tool 'echo': 'times' must be at least 1"),
            (#"{"text":"a","times":1.5}"#, "tool 'echo': 'times' must be an integer, found number"),
            (#"[1]"#, "tool 'echo': the arguments must be an object, found array"),
        ]
        for (arguments, message) in cases {
            let answer = try call(server, arguments, id: 9)
            #expect(answer["id"] == 9)
            #expect(answer["error"]?["code"] == .number(JSONNumber(-32602)))
            #expect(answer["error"]?["message"] == .string(message))
        }
        let unknown = try send(server, #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"ecco"}}"#).first
        #expect(unknown?["error"]?["message"] == "unknown tool 'ecco' (did you mean 'echo'?); see tools/list")
    }

    @Test("ping answers an empty result, before and after initialize")
    func ping() throws {
        #expect(try send(server(), #"{"jsonrpc":"2.0","id":"p","method":"ping"}"#) == [["jsonrpc": "2.0", "id": "p", "result": [:]]])
        #expect(try send(try initialized(), #"{"jsonrpc":"2.0","id":3,"method":"ping"}"#).first?["result"] == [:])
    }

    @Test("notifications (initialized, cancelled, unknown), responses and blank lines get no answer")
    func notifications() throws {
        let server = try initialized()
        for line in [#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
                     #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":4,"reason":"user"}}"#,
                     #"{"jsonrpc":"2.0","method":"notifications/whatever"}"#,
                     #"{"jsonrpc":"2.0","id":5,"result":{}}"#, "", "   \r"] {
            #expect(try send(server, line).isEmpty, "\(line)")
        }
    }

    @Test("unknown methods are -32601 with the request's id")
    func unknownMethod() throws {
        let answer = try send(try initialized(), #"{"jsonrpc":"2.0","id":"x-1","method":"sampling/createMessage"}"#).first
        #expect(answer?["id"] == "x-1")
        #expect(answer?["error"]?["code"] == .number(JSONNumber(-32601)))
    }

    @Test("parse errors are -32700 with id null and never quote the input")
    func parseError() throws {
        let answer = try send(try initialized(), #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"token": secret-value}}"#).first
        #expect(answer?["id"] == .null)
        #expect(answer?["error"]?["code"] == .number(JSONNumber(-32700)))
        let message = answer?["error"]?["message"]?.stringValue ?? ""
        #expect(message.hasPrefix("the message is not valid JSON (line 1, column "))
        #expect(!message.contains("secret"))
    }

    @Test("malformed messages are -32600: no jsonrpc 2.0, no method, bad id, params not structured")
    func invalidRequest() throws {
        let server = try initialized()
        let cases = [#"{"id":1,"method":"ping"}"#, #"{"jsonrpc":"2.0","id":1}"#, #"{"jsonrpc":"2.0","id":null,"method":"ping"}"#,
                     #"{"jsonrpc":"2.0","id":1.5,"method":"ping"}"#, #"3"#, #"[]"#]
        for line in cases {
            #expect(try send(server, line).first?["error"]?["code"] == .number(JSONNumber(-32600)), "\(line)")
        }
        #expect(try send(server, #"{"jsonrpc":"2.0","id":1,"method":"ping","params":"x"}"#).first?["error"]?["code"] == .number(JSONNumber(-32602)))
    }

    @Test("messages over the limit are rejected without being parsed")
    func oversized() throws {
        let line = #"{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":""# + String(repeating: "x", count: 5000) + #""}}"#
        let answer = try send(try initialized(), line).first
        #expect(answer?["id"] == .null)
        #expect(answer?["error"]?["code"] == .number(JSONNumber(-32600)))
        #expect(answer?["error"]?["message"]?.stringValue?.contains("larger than permcheck's limit") == true)
    }

    @Test("a batch is answered with one array of the requests' answers")
    func batch() throws {
        let answers = try send(try initialized(), #"[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/x"},{"jsonrpc":"2.0","id":2,"method":"nope"}]"#)
        #expect(answers.first?.arrayValue?.count == 2)
        #expect(answers.first?.arrayValue?.last?["error"]?["code"] == .number(JSONNumber(-32601)))
    }

    @Test("every outgoing line is scrubbed: a token-shaped value in a result never leaves the server")
    func scrubbed() throws {
        let token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"
        let lines = try initialized().handle(line: Array(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"\#(token)"}}}"#.utf8))
        #expect(lines.count == 1)
        #expect(!lines[0].contains(token))
        #expect(try JSONParser.parse(lines[0])["result"]?["structuredContent"]?["echo"] == .string(TokenScrubber.placeholder))
    }

    @Test("resources/list and resources/read; an unknown URI is an error")
    func resources() throws {
        let server = try initialized()
        #expect(try send(server, #"{"jsonrpc":"2.0","id":1,"method":"resources/list"}"#).first?["result"]?["resources"]?.arrayValue?.first?["uri"] == "test://a")
        #expect(try send(server, #"{"jsonrpc":"2.0","id":2,"method":"resources/read","params":{"uri":"test://a"}}"#).first?["result"]?["contents"]?.arrayValue?.first?["text"] == "alpha")
        #expect(try send(server, #"{"jsonrpc":"2.0","id":3,"method":"resources/read","params":{"uri":"test://b"}}"#).first?["error"]?["code"] == .number(JSONNumber(-32002)))
    }
}
