/// A way a Microsoft Graph permission can be granted, as named by the upstream permissions data.
public enum GraphPermissionScheme: String, Sendable, CaseIterable, Comparable {
    /// Delegated permission for a work or school account (token claim `scp`).
    case delegatedWork = "DelegatedWork"
    /// Application permission (app-only token, claim `roles`).
    case application = "Application"
    /// Delegated permission for a personal Microsoft account (token claim `scp`).
    case delegatedPersonal = "DelegatedPersonal"

    /// The order of the scheme columns in the catalogue: delegated work, application, delegated personal.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
