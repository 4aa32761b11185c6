/// `ConvertTo-Json` without `-Depth` (default 2) writes nested values as their .NET type name or as a PowerShell
/// hashtable string. Such a file looks valid but has lost what permcheck needs, so it is refused (pure).
enum PowerShellTruncation {
    /// The first marker in `value` and its JSON location, e.g. (`$[0].Members[1]`, `'System.Object[]'`).
    static func find(in value: JSONValue, at location: String) -> (location: String, marker: String)? {
        switch value {
        case .string(let text):
            return marker(text).map { (location, $0) }
        case .array(let items):
            for (index, item) in items.enumerated() {
                if let hit = find(in: item, at: "\(location)[\(index)]") { return hit }
            }
            return nil
        case .object(let object):
            for key in object.keys.sorted() {
                if let hit = find(in: object[key]!, at: "\(location).\(key)") { return hit }
            }
            return nil
        default:
            return nil
        }
    }

    /// A short description of the marker (never the text itself, which may hold names and addresses).
    static func marker(_ text: String) -> String? {
        guard text.count >= 6 else { return nil }
        if text == "System.Object[]" { return "'System.Object[]'" }
        if text.hasPrefix("System.Collections.") { return "'\(text.prefix(40).split(separator: "[").first ?? "")'" }
        if text.hasPrefix("Microsoft.Graph.PowerShell.Models.") { return "'\(text.prefix(60))'" }
        if text.hasPrefix("System.Management.Automation.PSCustomObject") { return "'System.Management.Automation.PSCustomObject'" }
        if text.contains("Microsoft.Exchange.Data.Directory.ADMultiValuedProperty") { return "'Microsoft.Exchange.Data.Directory.ADMultiValuedProperty'" }
        if text.hasPrefix("@{"), text.hasSuffix("}"), text.contains("=") { return "a '@{Name=…; …}' object string" }
        return nil
    }
}

/// `null`, `""`, `{}` and `{"members": null}` are not "nobody": PowerShell writes them when a command returned nothing
/// or the wrong variable was exported. They are refused (exit 2); an empty list `[]` is left to the reader.
enum EvidenceEmptiness {
    static func refuse(_ value: JSONValue, path: String, target: EvidenceTarget) throws(PermcheckError) {
        func fail(_ location: String, _ what: String) -> PermcheckError {
            .evidenceInvalid(path: path, location: location,
                             detail: "\(what), which says nothing about who holds access (not \"nobody\"); re-run the export and check that the command returned results")
        }
        switch value {
        case .null: throw fail("", "the export is null")
        case .string(let text) where text.allSatisfy(\.isWhitespace): throw fail("", "the export is an empty string")
        case .object(let object):
            if object.isEmpty { throw fail("", "the export is an empty object {}") }
            for key in ["members", "Members", "value", "values"] where object[key]?.isNull == true && object.count <= 3 {
                throw fail("$.\(key)", "'\(key)' is null")
            }
        default: return
        }
    }
}
