/// Human names for well-known application ids, directory role template ids and claims, read from the embedded
/// `rules/data/known-ids.json`. Used for display only, never to decide a verdict.
public struct KnownIDs: Sendable {
    /// A first-party application and the App ID URIs that stand for it in `aud`.
    public struct Application: Sendable, Equatable {
        public let id: String
        public let name: String
        public let uris: [String]
    }

    /// Applications by lower-cased id.
    public let applications: [String: Application]
    /// Directory role names by lower-cased template id.
    public let directoryRoles: [String: String]
    /// One-line claim meanings by claim name.
    public let claimMeanings: [String: String]

    /// The embedded table, read strictly once (see ``DataFiles``).
    public static let shared: KnownIDs = DataFiles.embedded(DataFiles.knownIDs, KnownIDs.init(reading:))

    init(applications: [String: Application], directoryRoles: [String: String], claimMeanings: [String: String]) {
        self.applications = applications
        self.directoryRoles = directoryRoles
        self.claimMeanings = claimMeanings
    }

    /// Reads `known-ids.json`: `applications` (id, name, uris, confidence), `directoryRoles` (id, name),
    /// `claims` (name → meaning), `sources`.
    init(reading root: RuleObject) throws(PermcheckError) {
        try root.onlyKeys(["$comment", "applications", "directoryRoles", "claims", "sources"])
        _ = try root.requiredStrings("sources")
        var applications: [String: Application] = [:]
        for item in try root.children("applications") {
            try item.onlyKeys(["id", "name", "uris", "confidence"])
            let id = try item.requiredString("id")
            _ = try item.confidence()
            applications[id.lowercased()] = Application(id: id, name: try item.requiredString("name"), uris: try item.strings("uris") ?? [])
        }
        var roles: [String: String] = [:]
        for item in try root.children("directoryRoles") {
            try item.onlyKeys(["id", "name"])
            roles[try item.requiredString("id").lowercased()] = try item.requiredString("name")
        }
        guard !applications.isEmpty, !roles.isEmpty else { throw root.fail(nil, "'applications' and 'directoryRoles' must not be empty") }
        self.init(applications: applications, directoryRoles: roles, claimMeanings: try root.requiredChild("claims").stringMap())
    }

    /// The application an id or App ID URI stands for.
    public func application(_ idOrURI: String) -> Application? {
        let key = RequirementChecker.normalisedAudience(idOrURI)
        if let app = applications[key] { return app }
        return applications.values.first { app in app.uris.contains { RequirementChecker.normalisedAudience($0) == key } }
    }

    /// The applications alone, from the table `permcheck-generate` writes from the same file (same content as
    /// ``shared``'s; a test checks it), so naming an audience does not parse the whole JSON file on every check.
    static let applicationsOnly: KnownIDs = {
        var applications: [String: Application] = [:]
        for app in EmbeddedRules.knownApplications {
            applications[app.id.lowercased()] = Application(id: app.id, name: app.name, uris: app.uris)
        }
        return KnownIDs(applications: applications, directoryRoles: [:], claimMeanings: [:])
    }()

    /// The application an id or App ID URI stands for (see ``application(_:)``).
    public static func application(_ idOrURI: String) -> Application? {
        applicationsOnly.application(idOrURI)
    }

    /// "Microsoft Graph (https://graph.microsoft.com)" or the bare value when unknown.
    public static func describeAudience(_ value: String) -> String {
        guard let app = application(value) else { return "'\(value)'" }
        return "\(app.name) ('\(value)')"
    }

    /// The name of a directory role template id.
    public static func directoryRoleName(_ id: String) -> String? {
        shared.directoryRoles[id.lowercased()]
    }
}
