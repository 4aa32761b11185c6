import Foundation

/// A user, group, role group or service principal as PowerShell or Graph exports list it
/// (`Get-ComplianceCaseMember`, `Get-RoleGroupMember`, `Get-eDiscoveryCaseAdmin`, or a plain name).
public struct DirectoryEntry: Sendable, Equatable {
    /// `Name` (often the alias), or the plain string given.
    public var name: String?
    /// `DisplayName`.
    public var displayName: String?
    /// `Alias`.
    public var alias: String?
    /// `WindowsLiveID`: the sign-in name (UPN).
    public var windowsLiveID: String?
    /// `PrimarySmtpAddress`.
    public var primarySmtpAddress: String?
    /// `ExternalDirectoryObjectId` (Entra object id), or `ObjectId`/`id` in other shapes.
    public var objectID: String?
    /// `AppId` for service principals.
    public var appID: String?
    /// `RecipientType`, e.g. `UserMailbox`, `MailUniversalSecurityGroup`, `RoleGroup`.
    public var recipientType: String?
    /// `WhenChangedUTC` or `WhenCreatedUTC`, when exported.
    public var changedAt: Date?

    /// An entry known only by one name.
    public init(name: String) { self.name = name }

    /// An empty entry, filled field by field by the evidence reader.
    public init() {}

    /// Whether the entry is a group (mail-enabled security group or similar) rather than a person or app.
    public var isSecurityGroup: Bool {
        guard let type = recipientType?.lowercased() else { return false }
        return type.contains("group") && type != "rolegroup"
    }

    /// Whether the entry is a role group (role groups can be case members).
    public var isRoleGroup: Bool { recipientType?.lowercased() == "rolegroup" }

    /// A short label for output: display name, else name, else an id.
    public var label: String { displayName ?? name ?? windowsLiveID ?? primarySmtpAddress ?? objectID ?? appID ?? "(unnamed)" }
}

/// How an evidence entry was matched to the token's principal; strong matches use ids or sign-in names.
public struct PrincipalMatch: Sendable, Equatable {
    /// The entry field that matched, e.g. `WindowsLiveID` or `ExternalDirectoryObjectId`.
    public let field: String
    /// Whether the match is by a unique identifier (object id, UPN, app id) rather than an alias.
    public let isStrong: Bool
}

/// The result of comparing one evidence entry with the token's principal.
public enum IdentityComparison: Sendable, Equatable {
    /// The same principal, by the strongest identifier both sides have.
    case same(PrincipalMatch)
    /// Not this principal: a shared identifier differs (an object id or UPN outranks a matching alias), or nothing matches.
    case different
    /// The two sides share no kind of identifier (e.g. names only against a token with only `oid`).
    case cannotTell
}

extension DirectoryEntry {
    /// Identifiers that are object ids or app ids: `ExternalDirectoryObjectId`, `AppId`, or a GUID-shaped `Name`.
    var idKeys: [String] {
        var keys: [String] = []
        if let objectID { keys.append(objectID.lowercased()) }
        if let appID { keys.append(appID.lowercased()) }
        if let name, Identifier.isGUID(name) { keys.append(name.lowercased()) }
        return keys
    }

    /// Sign-in names and e-mail addresses (`WindowsLiveID`, `PrimarySmtpAddress`, a `Name` with `@`), normalised.
    var signInKeys: [String] {
        [windowsLiveID, primarySmtpAddress, name.flatMap { $0.contains("@") ? $0 : nil }].compactMap { $0 }.flatMap(Identifier.signInForms)
    }

    /// Aliases: `Alias` and a plain `Name` (neither an address nor an id).
    var aliasKeys: [String] {
        [alias, name.flatMap { $0.contains("@") || Identifier.isGUID($0) ? nil : $0 }].compactMap { $0?.lowercased() }.filter { !$0.isEmpty }
    }
}

/// Normalisation of identifiers, done once per identifier.
enum Identifier {
    /// `8-4-4-4-12` hex.
    static func isGUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) { if byte != UInt8(ascii: "-") { return false } } else if !byte.isHexDigit { return false }
        }
        return true
    }

    /// A sign-in name in lower case, plus for a guest (`alice_fabrikam.com#EXT#@contoso.onmicrosoft.com`) the
    /// home address `alice@fabrikam.com`; `live.com#` (v1 `unique_name` of a personal account) is stripped.
    static func signInForms(_ text: String) -> [String] {
        // ASCII (every sign-in name in practice) byte by byte: every token of a batch pays this (Principal).
        var text = text
        if let forms = text.withUTF8({ asciiSignInForms($0) }) { return forms }
        var lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        if lower.hasPrefix("live.com#") { lower.removeFirst("live.com#".count) }
        guard !lower.isEmpty else { return [] }
        guard let ext = lower.range(of: "#ext#") else { return [lower] }
        let local = lower[..<ext.lowerBound]
        guard let underscore = local.lastIndex(of: "_") else { return [lower] }
        return [lower, local[..<underscore] + "@" + local[local.index(after: underscore)...]]
    }

    /// ``signInForms(_:)`` for ASCII text (`nil` otherwise): the same steps on bytes, without Foundation.
    static func asciiSignInForms(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        var lower = bytes[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if lower.starts(with: "live.com#".utf8) { lower.removeFirst("live.com#".utf8.count) }
        guard !lower.isEmpty else { return [] }
        let whole = String(decoding: lower, as: UTF8.self)
        let marker = Array("#ext#".utf8)
        guard let ext = lower.indices.dropLast(marker.count - 1).first(where: { lower[$0..<($0 + marker.count)].elementsEqual(marker) })
        else { return [whole] }
        let local = lower[..<ext]
        guard let underscore = local.lastIndex(of: UInt8(ascii: "_")) else { return [whole] }
        return [whole, String(decoding: local[..<underscore], as: UTF8.self) + "@" + String(decoding: local[(underscore + 1)...], as: UTF8.self)]
    }

    /// The local part of an address (`megan.manager` from `megan.manager@contoso.example`).
    static func localPart(_ text: String) -> String? {
        guard let at = text.firstIndex(of: "@"), at != text.startIndex else { return nil }
        return String(text[..<at])
    }
}

private extension UInt8 {
    var isHexDigit: Bool { (0x30...0x39).contains(self) || (0x61...0x66).contains(self) || (0x41...0x46).contains(self) }
}

extension Principal {
    /// The token's ids in lower case: `oid`, and for applications the app id.
    var idKeys: [String] {
        var keys: [String] = objectID.map { [$0.lowercased()] } ?? []
        if kind == .application, let appID { keys.append(appID.lowercased()) }
        return keys
    }

    /// Compares one entry, strongest identifier first: object id, then sign-in name / e-mail, then alias. A shared
    /// kind of identifier that differs decides "different"; a weaker one is not consulted.
    public func compare(_ entry: DirectoryEntry) -> IdentityComparison {
        let ids = idKeys
        if !ids.isEmpty {
            if let objectID = entry.objectID?.lowercased() {
                return ids.contains(objectID) ? .same(PrincipalMatch(field: "ExternalDirectoryObjectId", isStrong: true)) : .different
            }
            if let appID = entry.appID?.lowercased(), kind == .application {
                return ids.contains(appID) ? .same(PrincipalMatch(field: "AppId", isStrong: true)) : .different
            }
            if let name = entry.name, Identifier.isGUID(name) {
                return ids.contains(name.lowercased()) ? .same(PrincipalMatch(field: kind == .application && name.lowercased() == appID?.lowercased() ? "AppId" : "Name (object id)", isStrong: true)) : .different
            }
        } else if !entry.idKeys.isEmpty && signInKeys.isEmpty {
            return .cannotTell
        }
        let mine = signInKeys
        let theirs = entry.signInKeys
        if !mine.isEmpty && !theirs.isEmpty {
            if let shared = theirs.first(where: mine.contains) {
                let field = entry.windowsLiveID.map { Identifier.signInForms($0).contains(shared) } == true ? "WindowsLiveID"
                    : entry.primarySmtpAddress.map { Identifier.signInForms($0).contains(shared) } == true ? "PrimarySmtpAddress" : "Name"
                return .same(PrincipalMatch(field: field, isStrong: true))
            }
            // A differing UPN is someone else, whatever the alias says.
            if entry.windowsLiveID != nil { return .different }
        }
        let aliases = entry.aliasKeys
        if !aliases.isEmpty {
            let locals = Set(mine.compactMap(Identifier.localPart))
            if let alias = aliases.first(where: locals.contains) {
                return .same(PrincipalMatch(field: alias == entry.alias?.lowercased() ? "Alias" : "Name (alias)", isStrong: false))
            }
        }
        if kind == .application { return .different }  // applications are listed by object id or app id
        let comparable = (!mine.isEmpty && (!theirs.isEmpty || !aliases.isEmpty)) || (!ids.isEmpty && !entry.idKeys.isEmpty)
        return comparable ? .different : .cannotTell
    }

    /// The entry is this principal (see `compare`).
    public func match(_ entry: DirectoryEntry) -> PrincipalMatch? {
        if case .same(let match) = compare(entry) { return match }
        return nil
    }

    /// Whether the token's `groups` claim lists this group entry's object id.
    public func isInGroup(_ entry: DirectoryEntry) -> Bool {
        guard let id = entry.objectID else { return false }
        return groupIDs.contains { $0.equalsIgnoringCase(id) }
    }
}
