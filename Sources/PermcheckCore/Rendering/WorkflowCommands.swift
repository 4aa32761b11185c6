/// GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), so checks show up as annotations.
///
/// Escaping follows the runner's rules: in the message `%`, `\r`, `\n` become `%25`, `%0D`, `%0A`; in property
/// values `:` and `,` are escaped as well (`%3A`, `%2C`).
public enum WorkflowCommands {
    /// One command per result: `error` for denied, `warning` for indeterminate, `notice` for allowed.
    public static func render(_ results: [NamedDiagnosis], file: String) -> String {
        var out = ""
        for result in results {
            let command = switch result.diagnosis.verdict {
            case .allowed: "notice"
            case .denied: "error"
            case .indeterminate: "warning"
            }
            var properties = ["file=" + escapeProperty(file)]
            if result.line > 0 { properties.append("line=\(result.line)") }
            properties.append("title=" + escapeProperty("\(result.name): \(result.headline)"))
            let message = "\(result.diagnosis.apiID): " + result.explanation.joined(separator: "\n")
            out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }
        return out
    }

    /// Escapes a command's message.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Escapes a property value (also `:` and `,`, which delimit properties).
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
