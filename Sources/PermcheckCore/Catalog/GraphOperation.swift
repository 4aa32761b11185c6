/// One Microsoft Graph operation (HTTP method + path template) and the permissions that allow it,
/// per scheme — one line of the catalogue.
public struct GraphOperation: Sendable, Equatable {
    /// The HTTP method in upper case: `GET`, `POST`, `PATCH`, `PUT` or `DELETE`.
    public let method: String
    /// The canonical template (see ``GraphPathCanonicalizer``), e.g. `/users/{id}/exportpersonaldata`.
    public let pathTemplate: String
    /// The upstream spelling of the template, for display (equal to `pathTemplate` when they agree).
    public let displayTemplate: String
    /// Delegated (work or school) permissions, least-privileged first; empty means not supported.
    public let delegatedWork: [String]
    /// Application permissions, least-privileged first; empty means not supported.
    public let application: [String]
    /// Delegated (personal account) permissions, least-privileged first; empty means not supported.
    public let delegatedPersonal: [String]
    /// How many leading entries of `delegatedWork` upstream marks as least-privileged.
    public let leastDelegatedWorkCount: Int
    /// How many leading entries of `application` upstream marks as least-privileged.
    public let leastApplicationCount: Int
    /// How many leading entries of `delegatedPersonal` upstream marks as least-privileged.
    public let leastDelegatedPersonalCount: Int
    /// Upstream `AlsoRequires` notes: permission → the other permissions it needs alongside.
    /// Upstream does not say whether the list means any one of them or all of them.
    public let alsoRequires: [String: [String]]

    /// Creates an operation; the permission lists must already be ordered least-privileged first.
    public init(
        method: String, pathTemplate: String, displayTemplate: String? = nil,
        delegatedWork: [String], application: [String], delegatedPersonal: [String],
        leastDelegatedWorkCount: Int, leastApplicationCount: Int, leastDelegatedPersonalCount: Int,
        alsoRequires: [String: [String]] = [:]
    ) {
        self.method = method
        self.pathTemplate = pathTemplate
        self.displayTemplate = displayTemplate ?? pathTemplate
        self.delegatedWork = delegatedWork
        self.application = application
        self.delegatedPersonal = delegatedPersonal
        self.leastDelegatedWorkCount = leastDelegatedWorkCount
        self.leastApplicationCount = leastApplicationCount
        self.leastDelegatedPersonalCount = leastDelegatedPersonalCount
        self.alsoRequires = alsoRequires
    }

    /// All permissions accepted under `scheme`, least-privileged first.
    public func permissions(for scheme: GraphPermissionScheme) -> [String] {
        switch scheme {
        case .delegatedWork: delegatedWork
        case .application: application
        case .delegatedPersonal: delegatedPersonal
        }
    }

    /// The permissions upstream marks as least-privileged under `scheme` (may be empty even when
    /// the scheme is supported: upstream marks none for some operations).
    public func leastPrivileged(for scheme: GraphPermissionScheme) -> [String] {
        let count: Int
        switch scheme {
        case .delegatedWork: count = leastDelegatedWorkCount
        case .application: count = leastApplicationCount
        case .delegatedPersonal: count = leastDelegatedPersonalCount
        }
        return Array(permissions(for: scheme).prefix(count))
    }

    /// Whether any permission at all allows this operation under `scheme`.
    public func supports(_ scheme: GraphPermissionScheme) -> Bool {
        !permissions(for: scheme).isEmpty
    }

    /// The schemes under which no permission allows this operation.
    public var unsupportedSchemes: [GraphPermissionScheme] {
        GraphPermissionScheme.allCases.filter { !supports($0) }
    }
}
