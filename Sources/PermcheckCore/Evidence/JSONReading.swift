import Foundation

/// Reads typed fields from evidence JSON, building errors that name the file and the JSON location.
struct EvidenceJSON {
    let path: String

    func fail(_ location: String, _ detail: String) -> PermcheckError {
        .evidenceInvalid(path: path, location: location, detail: detail)
    }

    /// A field that may be absent or null; otherwise must be a string.
    func string(_ object: [String: JSONValue], _ keys: [String], at location: String) throws(PermcheckError) -> String? {
        for key in keys {
            guard let value = object[key] else { continue }
            switch value {
            case .null: continue
            case .string(let text): return text
            default: throw fail("\(location).\(key)", "expected a string, found \(value.typeName)")
            }
        }
        return nil
    }

    /// A list of strings; a single string is accepted as a one-element list (PowerShell emits scalars for one value).
    func strings(_ object: [String: JSONValue], _ keys: [String], at location: String) throws(PermcheckError) -> [String]? {
        for key in keys {
            guard let value = object[key] else { continue }
            switch value {
            case .null: return []
            case .string(let text): return [text]
            case .array(let items):
                var result: [String] = []
                for (index, item) in items.enumerated() {
                    guard case .string(let text) = item else {
                        throw fail("\(location).\(key)[\(index)]", "expected a string, found \(item.typeName)")
                    }
                    result.append(text)
                }
                return result
            default:
                throw fail("\(location).\(key)", "expected an array of strings, found \(value.typeName)")
            }
        }
        return nil
    }

    /// A date: ISO 8601 or PowerShell 5.1's `/Date(ms)/`.
    func date(_ object: [String: JSONValue], _ keys: [String], at location: String) throws(PermcheckError) -> Date? {
        for key in keys {
            guard let text = try string(object, [key], at: location) else { continue }
            guard let date = ISO8601.parse(text) else {
                throw fail("\(location).\(key)", "'\(text.prefix(40))' is not a date (expected ISO 8601 or /Date(ms)/)")
            }
            return date
        }
        return nil
    }

    /// A single object or an array of objects (ConvertTo-Json emits an object for one result).
    func objects(_ value: JSONValue, at location: String) throws(PermcheckError) -> [(location: String, object: [String: JSONValue])] {
        switch value {
        case .object(let object):
            return [(location, object)]
        case .array(let items):
            guard items.count <= InputLimits.evidenceEntries else {
                throw .inputTooLarge(source: "evidence file '\(path)'", limit: "\(InputLimits.evidenceEntries) entries")
            }
            var result: [(String, [String: JSONValue])] = []
            for (index, item) in items.enumerated() {
                guard case .object(let object) = item else {
                    throw fail("\(location)[\(index)]", "expected an object, found \(item.typeName)")
                }
                result.append(("\(location)[\(index)]", object))
            }
            return result
        default:
            throw fail(location, "expected an object or an array of objects, found \(value.typeName)")
        }
    }

    /// A directory entry from a PowerShell object (PascalCase keys) or a Graph object (camelCase keys), or a plain string.
    func entry(_ value: JSONValue, at location: String) throws(PermcheckError) -> DirectoryEntry {
        switch value {
        case .string(let text):
            return DirectoryEntry(name: text)
        case .object(let object):
            var entry = DirectoryEntry()
            entry.name = try string(object, ["Name", "name", "Identity"], at: location)
            entry.displayName = try string(object, ["DisplayName", "displayName"], at: location)
            entry.alias = try string(object, ["Alias", "alias", "mailNickname"], at: location)
            entry.windowsLiveID = try string(object, ["WindowsLiveID", "userPrincipalName", "UserPrincipalName"], at: location)
            entry.primarySmtpAddress = try string(object, ["PrimarySmtpAddress", "mail", "email", "Email"], at: location)
            entry.objectID = try string(object, ["ExternalDirectoryObjectId", "ObjectId", "objectId", "id"], at: location)
            entry.appID = try string(object, ["AppId", "appId"], at: location)
            entry.recipientType = try string(object, ["RecipientType", "RecipientTypeDetails", "@odata.type"], at: location)
            entry.changedAt = try date(object, ["WhenChangedUTC", "WhenCreatedUTC"], at: location)
            if entry == DirectoryEntry() {
                throw fail(location, "the entry has none of Name, WindowsLiveID, PrimarySmtpAddress, ExternalDirectoryObjectId or AppId")
            }
            return entry
        default:
            throw fail(location, "expected a member object or a name, found \(value.typeName)")
        }
    }

    /// A list of directory entries: one object, an array, or an array of names.
    func entries(_ value: JSONValue, at location: String) throws(PermcheckError) -> [DirectoryEntry] {
        switch value {
        case .array(let items):
            guard items.count <= InputLimits.evidenceEntries else {
                throw .inputTooLarge(source: "evidence file '\(path)'", limit: "\(InputLimits.evidenceEntries) entries")
            }
            var result: [DirectoryEntry] = []
            result.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                result.append(try entry(item, at: "\(location)[\(index)]"))
            }
            return result
        case .null:
            return []
        default:
            return [try entry(value, at: location)]
        }
    }
}
