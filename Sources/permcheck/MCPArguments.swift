import Foundation
import PermcheckCore

/// A tool call's arguments, already checked against the tool's input schema (types, unknown keys), read with the
/// same checks and messages as the CLI options they stand for.
struct MCPArguments {
    let values: [String: JSONValue]

    func string(_ key: String) -> String? { values[key]?.stringValue }
    func has(_ key: String) -> Bool { values[key] != nil }

    /// The token from `token` (its text) or `tokenFile` (a path); errors name the argument, never the text.
    func token(required: Bool = true) throws(PermcheckError) -> AccessToken? {
        guard required || has("token") || has("tokenFile") else { return nil }
        let (bytes, source) = try tokenBytes()
        return try TokenDecoder.decode(bytes, source: source)
    }

    /// The token's bytes and how errors name them (decoding is the pipeline's).
    func tokenBytes() throws(PermcheckError) -> (bytes: [UInt8], source: String) {
        switch (string("token"), string("tokenFile")) {
        case (_?, _?): throw .usage("give the token either as 'token' (its text) or as 'tokenFile' (a path), not both.")
        case (let text?, nil):
            guard text.utf8.count <= InputLimits.tokenBytes else {
                throw .inputTooLarge(source: "the argument 'token'", limit: InputFiles.formatBytes(InputLimits.tokenBytes))
            }
            return (Array(text.utf8), "the argument 'token'")
        case (nil, let path?):
            return try TokenInput.fileBytes(path)
        case (nil, nil):
            throw .usage("missing the token: give 'token' (the token text; it is never echoed) or 'tokenFile' (a path to a file holding it).")
        }
    }

    /// `at`, an ISO 8601 time (default: now).
    func time(_ key: String) throws(PermcheckError) -> Date? {
        guard let text = string(key) else { return nil }
        guard let date = ISO8601.parseInstant(text) else {
            throw .usage("'\(key)' '\(text)' \(ISO8601.instantProblem(text) ?? "is not a time").")
        }
        return date
    }

    /// `status`, the HTTP status the call returned.
    func status() throws(PermcheckError) -> Int? {
        guard let number = values["status"]?.numberValue else { return nil }
        guard let status = number.int64, (100...599).contains(status) else {
            throw .usage("'status' \(number.text) is not an HTTP status code such as 401 or 403.")
        }
        return Int(status)
    }

    /// `cloud`, the national cloud the call targets.
    func cloud() throws(PermcheckError) -> Cloud? {
        guard let text = string("cloud") else { return nil }
        guard let cloud = Cloud(userInput: text) else {
            throw .usage("'cloud' '\(text)' is not a cloud; use global, gcc, gcc-high, dod or china.")
        }
        return cloud
    }

    /// `headers`, `["Name: value", …]`, as the header checks read them.
    func headers() throws(PermcheckError) -> RequestContext {
        guard let list = values["headers"]?.arrayValue, !list.isEmpty else { return RequestContext() }
        var headers: [(name: String, value: String)] = []
        for element in list {
            let header = element.stringValue ?? ""
            guard let colon = header.firstIndex(of: ":"), colon != header.startIndex else {
                throw .usage("'headers' element '\(header)' is not 'Name: value'.")
            }
            headers.append((header[..<colon].trimmingCharacters(in: .whitespaces),
                            header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return RequestContext(headers: headers)
    }

    /// `response`: what the service answered (error body, raw response, WWW-Authenticate or AADSTS text), checked
    /// against `status` like `--response` against `--status`.
    func response() throws(PermcheckError) -> ObservedResponse? {
        guard let text = string("response") else { return nil }
        let response = try ObservedResponse.parse(text, source: "the argument 'response'")
        if let given = try status(), let seen = response.status, response.statusBasis == "status line", given != seen {
            throw .usage("'status' \(given) disagrees with the status line of 'response' (HTTP \(seen)); drop one of them.")
        }
        return response
    }
}
