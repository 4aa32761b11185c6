import PermcheckCore

/// The MCP tools' descriptors: names, descriptions, input schemas and output schemas of the structured results
/// (the shapes the CLI's `--format json` prints, so a client can validate them).
enum MCPSchemas {
    typealias S = JSONSchema

    static let token = S.string("The access token's text (a compact JWT, 'Bearer <jwt>', or the JSON of az account get-access-token). Decoded offline and never echoed; results show a fingerprint.")
    static let tokenFile = S.string("Path to a file holding the token (instead of 'token'). Relative paths resolve against the server's working directory.")
    static let at = S.string("Evaluate at this ISO 8601 time (default: now), e.g. 2026-11-03T09:30:00Z.")
    static let status = S.integer("The HTTP status the call returned (401 or 403).", minimum: 100, maximum: 599)
    static let headers = S.array(S.string("'Name: value'"), "Headers the request sends, e.g. [\"X-AllowAADTokenHeader: true\"].")
    static let cloud = S.string("The national cloud the call targets.", enum: ["global", "gcc", "gcc-high", "dod", "china"])
    static let request = S.string("The request as \"METHOD URL\", e.g. \"GET https://graph.microsoft.com/v1.0/me/messages\".")
    static let response = S.string("What the service answered: the error body JSON, the raw HTTP response, a WWW-Authenticate value, or AADSTS text.")

    static var checkInput: JSONValue {
        var properties: [String: JSONValue] = [
            "api": S.string("The API rule id or alias (see the explain tool or the permcheck://rules resource), e.g. export-download."),
            "request": S.string("Instead of 'api': \"METHOD URL\"; hand-written rules first, then any Microsoft Graph operation of the built-in catalogue."),
            "case": S.string("The eDiscovery case the call targets."),
            "collection": S.string("The Purview collection the call targets."),
            "changedAt": S.string("When the grant was changed (ISO 8601): flags tokens issued before it."),
            "token": token, "tokenFile": tokenFile, "status": status, "response": response, "at": at, "headers": headers, "cloud": cloud,
        ]
        for key in MCPCheckTool.evidenceKeys {
            let export = MCPCheckTool.exportCommand(key).map { " Export: \($0)" } ?? ""
            properties[key] = S.types(["string", "object", "array"], "Evidence: a path to the exported JSON file, or that JSON inline.\(export)")
        }
        return S.object(properties)
    }

    static let nullableString = S.types(["string", "null"], "")
    static let strings = S.array(S.types(["string"], ""), "")

    /// The diagnosis JSON contract (`permcheck … --format json`, `DiagnosisJSON`).
    static let diagnosis = S.object([
        "api": S.string("The API rule id."), "apiTitle": S.string("What the API does."),
        "verdict": S.string("The verdict.", enum: ["allowed", "denied", "indeterminate"]),
        "predictedStatus": S.types(["integer", "null"], "The status the service answers with (null when allowed)."),
        "observedStatus": S.types(["integer", "null"], "The status given as 'status' or read from 'response'."),
        "reasons": strings, "evaluatedAt": nullableString, "case": nullableString, "collection": nullableString,
        "principal": S.types(["object"], "kind, id, name"),
        "token": S.types(["object"], "audience, appId, tenantId, issuer, cloud, scopes, roles, fingerprint, …; never the token text"),
        "findings": S.array(S.types(["object"], "requirement, kind, outcome (met|unmet|unknown), status, message, fix, collect, sources, confidence"), "One per requirement, in the order the service checks them."),
        "fixes": S.array(S.types(["string"], ""), "What to change, least privilege first."),
        "missingEvidence": S.array(S.types(["string"], ""), "The exact export command for each evidence still missing."),
        "hints": S.array(S.types(["object"], ""), ""),
        "observedResponse": S.types(["object"], "The 'response' explained (present only when given)."),
    ]).withRequired(["api", "verdict", "findings", "fixes", "missingEvidence", "token"])

    static let descriptors: [MCPToolDescriptor] = [
        MCPToolDescriptor(
            name: "check", title: "Check a token against an API's rule",
            description: "Why did this Microsoft API call return 401/403, and what is the least privilege that fixes it? The keys of a permcheck pre-flight plan check: the token, 'api' or 'request', and the evidence the token cannot show (file paths or inline JSON). Returns the verdict, the predicted status, one finding per requirement, the fixes and the export command of any evidence still missing. Offline.",
            inputSchema: checkInput, outputSchema: diagnosis),
        MCPToolDescriptor(
            name: "can", title: "May this token call this request?",
            description: "Token + \"METHOD URL\" → verdict and the least-privileged permission(s) for the operation, from the hand-written rules and the built-in Microsoft Graph permissions catalogue (like 'permcheck can').",
            inputSchema: S.object(["token": token, "tokenFile": tokenFile, "request": request, "at": at, "status": status, "headers": headers, "cloud": cloud], required: ["request"]),
            outputSchema: diagnosis),
        MCPToolDescriptor(
            name: "can_list", title: "Every Graph operation the token allows",
            description: "Token → the Microsoft Graph operations its permissions allow (like 'permcheck can --list'), filtered by 'grep' and capped at 'limit'.",
            inputSchema: S.object(["token": token, "tokenFile": tokenFile,
                                   "grep": S.string("Keep operations whose \"METHOD path\" contains this text (case-insensitive)."),
                                   "limit": S.integer("Most operations returned (default 100).", minimum: 1, maximum: 100_000)]),
            outputSchema: S.object([
                "scheme": nullableString, "permissions": strings, "count": S.integer("Operations allowed (before the cap; after 'grep')."),
                "grep": S.types(["string"], "The filter, when given."), "allowedOperations": S.integer("With 'grep': operations allowed before it filtered."),
                "catalogueOperations": S.integer("Operations in the catalogue."), "shown": S.integer("Operations returned."),
                "truncated": S.types(["boolean"], "Whether 'limit' cut the list."), "operations": S.array(S.types(["object"], "method, path, resource, grantedBy, leastPrivileged"), ""),
            ]).withRequired(["count", "operations"])),
        MCPToolDescriptor(
            name: "decode", title: "Decode a token's claims",
            description: "Token → every claim with its meaning, the principal kind, cloud, version and lifetime (like 'permcheck decode'). The signature is not verified and the token text is never returned.",
            inputSchema: S.object(["token": token, "tokenFile": tokenFile, "at": at]),
            outputSchema: S.object([
                "fingerprint": S.string("SHA-256 fingerprint of the token."), "kind": S.string("user, application or managedIdentity."),
                "claims": S.types(["object"], "claim → {value, meaning, name}"), "header": S.types(["object"], ""),
                "cloud": nullableString, "version": nullableString, "lifetime": S.string(""),
            ]).withRequired(["fingerprint", "claims"])),
        MCPToolDescriptor(
            name: "explain", title: "An API's requirements, fixes and sources",
            description: "API rule id or alias → its requirements in the order the service checks them, each with the failure status, fix, confidence and source URLs, then the least-privilege sets (like 'permcheck explain').",
            inputSchema: S.object(["api": S.string("The API rule id or alias, e.g. export-download.")], required: ["api"]),
            outputSchema: S.object([
                "id": S.string(""), "title": S.string(""), "family": S.string(""), "aliases": strings,
                "requests": S.array(S.types(["object"], "method, urlTemplates"), ""), "requirements": S.array(S.types(["object"], ""), ""),
                "leastPrivilege": S.types(["object"], "user / application → grants"), "notes": S.array(S.types(["object"], ""), ""),
            ]).withRequired(["id", "requirements"])),
        MCPToolDescriptor(
            name: "permissions", title: "What a Graph permission grants",
            description: "Microsoft Graph permission name → the operations it grants; with 'for' (\"METHOD URL\"), whether it suffices for that operation and the least-privileged alternatives (like 'permcheck permissions').",
            inputSchema: S.object(["name": S.string("The permission, e.g. Mail.Read."), "for": request], required: ["name"]),
            outputSchema: S.object([
                "permission": S.string(""), "count": S.integer(""), "operations": S.array(S.types(["object"], ""), ""),
                "for": S.types(["object", "null"], "method, path, allowedAs, accepted, leastPrivileged"),
            ]).withRequired(["permission", "operations"])),
        MCPToolDescriptor(
            name: "triage", title: "Explain a pasted request and/or error",
            description: "A pasted request (raw HTTP request or \"METHOD URL\") and/or the error the service answered → what it means, the API it hits, and which evidence to collect. When the pasted request carries an 'Authorization: Bearer' token, the full check runs as well (the token is never echoed).",
            inputSchema: S.object(["request": S.string("The raw HTTP request (browser/Fiddler 'copy as raw') or \"METHOD URL\"."),
                                   "response": response, "api": S.string("The API rule id, when the request is not given."), "at": at]),
            outputSchema: S.object([
                "api": nullableString, "apiTitle": nullableString, "request": S.types(["string", "null"], "METHOD URL"),
                "observedResponse": S.types(["object", "null"], ""), "next": S.string("What to do next."),
                "evidence": S.array(S.types(["object"], "key, option, requirement, export"), "The evidence the API's rule needs beyond the token."),
                "diagnosis": S.types(["object", "null"], "The check's result, when the request carried a token."),
            ]).withRequired(["next", "evidence"])),
    ]
}

extension JSONValue {
    /// An output schema: `required` set, other members allowed (the JSON contracts may gain fields).
    func withRequired(_ keys: [String]) -> JSONValue {
        guard case .object(var schema) = self else { return self }
        schema["required"] = .array(keys.map(JSONValue.string))
        schema["additionalProperties"] = nil
        return .object(schema)
    }
}
