/// JUnit XML for CI systems that show test reports: one test case per check, a `failure` for denied,
/// `skipped` for indeterminate (nothing failed, but evidence was missing).
public enum JUnitReport {
    /// The XML document; `suite` names the plan file.
    public static func render(_ results: [NamedDiagnosis], suite: String) -> String {
        var tally = VerdictTally()
        for result in results { tally.add(result.diagnosis.verdict) }
        let counts = "tests=\"\(tally.total)\" failures=\"\(tally.denied)\" errors=\"0\" skipped=\"\(tally.indeterminate)\""
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"permcheck preflight\" \(counts)>\n"
        out += "  <testsuite name=\"\(escape(suite))\" \(counts)>\n"
        for result in results {
            let head = "    <testcase classname=\"\(escape(result.diagnosis.apiID))\" name=\"\(escape(result.name))\""
            let body = escape(result.explanation.joined(separator: "\n"))
            switch result.diagnosis.verdict {
            case .allowed:
                out += head + "/>\n"
            case .denied:
                out += head + ">\n      <failure type=\"denied\" message=\"\(escape(result.headline))\">\(body)</failure>\n    </testcase>\n"
            case .indeterminate:
                out += head + ">\n      <skipped message=\"\(escape(result.headline + ": " + result.failingFindings.map(\.requirementID).joined(separator: ", ")))\"/>\n"
                out += "      <system-out>\(body)</system-out>\n    </testcase>\n"
            }
        }
        return out + "  </testsuite>\n</testsuites>\n"
    }

    /// Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t", "\r": out += "&#\(scalar.value);"
            default:
                // XML 1.0 allows no other C0 controls, no surrogates (not representable anyway), no U+FFFE/U+FFFF.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { out += "\u{FFFD}" } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
