/// The report for `--response` without a token: what the service said and what it means, no verdict.
/// A token endpoint error (AADSTS…) means no token was issued, so there is nothing to check against the API;
/// the CLI exits 3 (no verdict) after printing it.
public enum ResponseReport {
    /// The report in one format. `api` names the resolved request's rule, when a request was given.
    public static func render(_ response: ObservedResponse, api: String?, format: OutputFormat) -> String {
        switch format {
        case .json:
            var object: [String: JSONValue] = [
                "verdict": .null,
                "api": api.map(JSONValue.string) ?? .null,
                "observedResponse": ObservedResponseSummary.json(response),
                "next": .string(nextStep(response)),
            ]
            object["observedStatus"] = response.evaluationStatus.map { .number(JSONNumber($0)) } ?? .null
            return JSONWriter.write(.object(object), pretty: true) + "\n"
        case .markdown:
            var lines = ["## permcheck: NO VERDICT · \(api ?? "no API given") · the service's answer explained", ""]
            lines += MarkdownRenderer.observedResponse(response)
            lines += ["", "### Next step", "", nextStep(response)]
            let sources = sourceList(response)
            if !sources.isEmpty { lines += ["", "### Sources", ""] + sources.map { "- <\($0)>" } }
            return lines.joined(separator: "\n") + "\n"
        case .text:
            var lines = ["NO VERDICT · \(api ?? "no API given") · the service's answer explained", "",
                         "The service said: " + ObservedResponseSummary.headline(response)]
            lines += ObservedResponseSummary.detailLines(response).map { "  " + $0 }
            lines += response.meanings.map { "  - " + ObservedResponseSummary.meaningLine($0) }
            lines += ["", "Next step: " + nextStep(response)]
            let sources = sourceList(response)
            if !sources.isEmpty { lines += ["", "Sources:"] + sources.map { "  " + $0 } }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// What to do next: fix the token request, or give the token so permcheck can check it.
    static func nextStep(_ response: ObservedResponse) -> String {
        if response.kind == .tokenError {
            return "The token request failed, so no token reached the API: fix the cause above and request the token again. Once you have a token, run permcheck with it to check the API call."
        }
        return "Give the token that was sent (a TOKEN argument, --token-env VAR, or a --request-file whose Authorization header holds it) to check it against the API's requirements."
    }

    static func sourceList(_ response: ObservedResponse) -> [String] {
        var seen: [String] = []
        for source in response.meanings.flatMap(\.sources) where !seen.contains(source) { seen.append(source) }
        return seen
    }
}
