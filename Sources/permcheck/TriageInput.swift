import Foundation
import PermcheckCore

/// What a ticket provides besides the token: a raw request (`--request-file`) and the service's answer (`--response`).
enum TriageInput {
    /// Reads and parses `--request-file`, if given.
    static func requestFile(_ args: Arguments) throws(PermcheckError) -> (path: String, request: RawHTTPRequest)? {
        guard let path = args.value("--request-file") else { return nil }
        if args.value("--request") != nil {
            throw .usage("give either --request \"METHOD URL\" or --request-file FILE, not both. See 'permcheck --help'.")
        }
        let text = try readText(path, describe: "request file")
        return (path, try RawHTTPRequest.parse(text, source: "request file '\(path)'"))
    }

    /// Reads and parses `--response`, if given, and checks it agrees with `--status`.
    static func response(_ args: Arguments) throws(PermcheckError) -> ObservedResponse? {
        guard let path = args.value("--response") else { return nil }
        let response = try ObservedResponse.parse(try readText(path, describe: "response file"), source: "response file '\(path)'")
        if let given = try CommonOptions.status(args), let seen = response.status, response.statusBasis == "status line", given != seen {
            throw .usage("--status \(given) disagrees with the status line of '\(path)' (HTTP \(seen)); drop one of them.")
        }
        return response
    }

    /// The token bytes from the request file's `Authorization: Bearer …` header (never echoed), and their source.
    static func bearerToken(_ file: (path: String, request: RawHTTPRequest)) throws(PermcheckError) -> (bytes: [UInt8], source: String) {
        let bearer = file.request.bearerToken ?? ""
        let source = "the Authorization header of request file '\(file.path)'"
        guard !bearer.isEmpty else {
            throw .tokenUnreadable(source: source, detail: "it says 'Bearer' with no token (Graph answers such a call with 401 InvalidAuthenticationToken 'Access token is empty')")
        }
        return (Array(bearer.utf8), source)
    }

    /// The headers for the header checks: the request file's (credentials left out), then `--header` ones.
    static func headers(_ file: (path: String, request: RawHTTPRequest)?, extra: [(name: String, value: String)]?) -> [(name: String, value: String)]? {
        guard let file else { return extra }
        return file.request.contextHeaders.map { ($0.name, $0.value) } + (extra ?? [])
    }

    static func readText(_ path: String, describe: String) throws(PermcheckError) -> String {
        let bytes = try InputFiles.read(path, limit: InputLimits.fileBytes, describe: describe)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .inputInvalid(source: "\(describe) '\(path)'", detail: "it is not UTF-8 text")
        }
        return text
    }
}
