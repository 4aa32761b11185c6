/// Renders pre-flight results as text or JSON. The CI formats are `WorkflowCommands`, `JUnitReport` and `SARIFReport`.
public enum PreflightReport {
    /// One line per check (`✓ allowed  name  api  …`) and a summary line.
    public static func text(_ results: [NamedDiagnosis], style: ConsoleStyle = .plain) -> String {
        var tally = VerdictTally()
        let width = min(40, results.map(\.name.count).max() ?? 0)
        var out = ""
        for result in results {
            tally.add(result.diagnosis.verdict)
            let mark = style.mark(result.diagnosis.verdict)
            let name = result.name.padding(toLength: max(width, result.name.count), withPad: " ", startingAt: 0)
            var line = "\(mark) \(name)  \(result.headline) · \(result.diagnosis.apiID)"
            let reasons = result.failingFindings.map(\.requirementID)
            if !reasons.isEmpty { line += " · " + reasons.joined(separator: ", ") }
            out += line + "\n"
        }
        return out + style.heading(tally.summary(noun: "check")) + "\n"
    }

    /// A JSON array, one object per check: the diagnosis JSON contract plus `check` (the name).
    public static func json(_ results: [NamedDiagnosis]) -> String {
        let items: [JSONValue] = results.map { result in
            guard case .object(var object) = DiagnosisJSON.value(result.diagnosis) else { return .null }
            object["check"] = .string(result.name)
            return .object(object)
        }
        return JSONWriter.write(.array(items), pretty: true) + "\n"
    }
}
