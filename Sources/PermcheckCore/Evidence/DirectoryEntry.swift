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

extension Principal {
    /// Matches this principal against an evidence entry, case-insensitively: object id, sign-in name, e-mail,
    /// app id, then alias (the UPN's local part against `Name`/`Alias`).
    public func match(_ entry: DirectoryEntry) -> PrincipalMatch? {
        func same(_ a: String?, _ b: String?) -> Bool {
            guard let a, let b, !a.isEmpty else { return false }
            return a.equalsIgnoringCase(b)
        }
        if same(entry.objectID, objectID) { return PrincipalMatch(field: "ExternalDirectoryObjectId", isStrong: true) }
        if same(entry.name, objectID) { return PrincipalMatch(field: "Name (object id)", isStrong: true) }
        if same(entry.windowsLiveID, username) { return PrincipalMatch(field: "WindowsLiveID", isStrong: true) }
        if same(entry.primarySmtpAddress, username) { return PrincipalMatch(field: "PrimarySmtpAddress", isStrong: true) }
        if same(entry.name, username) { return PrincipalMatch(field: "Name", isStrong: true) }
        if kind == .application, same(entry.appID, appID) || same(entry.name, appID) {
            return PrincipalMatch(field: "AppId", isStrong: true)
        }
        if let username, let at = username.firstIndex(of: "@") {
            let local = String(username[..<at])
            if same(entry.alias, local) { return PrincipalMatch(field: "Alias", isStrong: false) }
            if same(entry.name, local) { return PrincipalMatch(field: "Name (alias)", isStrong: false) }
        }
        return nil
    }

    /// Whether the token's `groups` claim lists this group entry's object id.
    public func isInGroup(_ entry: DirectoryEntry) -> Bool {
        guard let id = entry.objectID else { return false }
        return groupIDs.contains { $0.equalsIgnoringCase(id) }
    }
}
