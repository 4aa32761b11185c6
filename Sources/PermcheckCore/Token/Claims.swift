import Foundation

/// The access-token claims permcheck reasons about, read strictly from a JWT payload.
///
/// A claim that is absent stays `nil`; a claim of the wrong type is an error (see `Claims.init(payload:source:)`),
/// never coerced. `raw` keeps every claim as decoded so `permcheck decode` can show the ones not modelled here.
public struct Claims: Sendable, Equatable {
    /// `aud`: the API the token is for (GUID or App ID URI).
    public var audience: String?
    /// `iss`: the token service and tenant that issued the token.
    public var issuer: String?
    /// `tid`: the tenant the caller signed in to.
    public var tenantID: String?
    /// `appid` (v1) or `azp` (v2): the client application.
    public var appID: String?
    /// `oid`: the object id of the user or service principal.
    public var objectID: String?
    /// `sub`: the pairwise subject (not comparable across apps).
    public var subject: String?
    /// `upn`, `unique_name`, `preferred_username` or `email`, the first present.
    public var username: String?
    /// `email`, when present.
    public var email: String?
    /// `upn`, `unique_name` and `preferred_username` one by one (``Principal/signInKeys`` reads every sign-in name,
    /// not only the first): modelled so that reading them never parses the whole payload.
    public var upn: String?
    public var uniqueName: String?
    public var preferredUsername: String?
    /// `name`: display name.
    public var displayName: String?
    /// `idtyp`: `app` for app-only tokens, `user` where the API asked for it.
    public var identityType: String?
    /// `scp`: delegated scopes; `nil` when the claim is absent.
    public var scopes: [String]?
    /// `roles`: application permissions (app-only) or app roles assigned to the user.
    public var roles: [String]?
    /// `wids`: directory role template ids.
    public var directoryRoleIDs: [String]?
    /// `groups`: group object ids.
    public var groups: [String]?
    /// `true` when the token says group membership was left out (`hasgroups` or `_claim_names.groups`).
    public var hasGroupsOverage: Bool
    /// `ver`: `1.0` or `2.0`.
    public var version: String?
    /// `iat`, `nbf`, `exp` as dates.
    public var issuedAt: Date?
    public var notBefore: Date?
    public var expiresAt: Date?
    /// `amr`: authentication methods.
    public var authenticationMethods: [String]?
    /// `tenant_region_scope` (optional claim) and `tenant_region_sub_scope` (discovery-document value, accepted if present).
    public var tenantRegionScope: String?
    public var tenantRegionSubScope: String?
    /// `xms_mirid`: present on managed-identity tokens.
    public var managedIdentityResourceID: String?
    /// `appidacr` / `azpacr`: 0 public client, 1 secret, 2 certificate.
    public var clientAuthenticationMethod: String?
    /// `ipaddr`: the IP the user signed in from.
    public var ipAddress: String?
    /// `uti`: per-token unique id.
    public var tokenIdentifier: String?
    /// Every claim, as decoded. A token decoded by ``TokenDecoder`` keeps its payload bytes and parses them only
    /// when this is read (`permcheck decode`, `compare`, redaction), so a batch never builds it.
    public var raw: [String: JSONValue] {
        get { rawStorage.object }
        set { rawStorage = LazyJSONObject(newValue) }
    }
    var rawStorage: LazyJSONObject

    /// An empty claim set.
    public init() {
        hasGroupsOverage = false
        rawStorage = LazyJSONObject([:])
    }
}

/// A JSON object kept either parsed or as bytes the strict parser has accepted (or a scan vouched for), parsed on
/// first use. Equality compares the objects.
struct LazyJSONObject: Sendable, Equatable {
    private enum Storage: Sendable {
        case parsed([String: JSONValue])
        case bytes([UInt8])
    }
    private let storage: Storage

    init(_ object: [String: JSONValue]) { storage = .parsed(object) }
    /// `bytes` must be a JSON object the strict parser accepts (with the token limits).
    init(validated bytes: [UInt8]) { storage = .bytes(bytes) }

    var object: [String: JSONValue] {
        switch storage {
        case .parsed(let object): return object
        case .bytes(let bytes):
            let value = try? JSONParser.parse(bytes, limits: JSONLimits(maxDepth: InputLimits.tokenJSONDepth, maxBytes: InputLimits.tokenBytes))
            return value?.objectValue ?? [:]
        }
    }

    static func == (lhs: LazyJSONObject, rhs: LazyJSONObject) -> Bool { lhs.object == rhs.object }
}

extension Claims {
    /// The consumer (personal Microsoft account) tenant id.
    public static let personalAccountTenantID = "9188040d-6c67-4c5b-b112-36a304b66dad"

    /// Reads claims from a decoded payload object.
    /// - Parameters:
    ///   - payload: the JSON object of the token's payload (or a rule example's `claims`).
    ///   - source: names the input in error messages.
    /// - Throws: `PermcheckError.claimInvalid` when a modelled claim has the wrong type or value.
    public init(payload: [String: JSONValue], source: String) throws(PermcheckError) {
        try self.init(reading: ClaimReader(source: source, lookup: DictionaryLookup(payload: payload)))
        rawStorage = LazyJSONObject(payload)
    }

    /// Reads the modelled claims through `reader`, whatever holds them (a parsed payload, or a scan of its bytes).
    init<Lookup>(reading reader: ClaimReader<Lookup>) throws(PermcheckError) {
        self.init()
        audience = try reader.audience()
        issuer = try reader.string(.iss)
        tenantID = try reader.string(.tid)
        appID = try reader.firstString(.appid, .azp)
        objectID = try reader.string(.oid)
        subject = try reader.string(.sub)
        email = try reader.string(.email)
        username = try reader.firstString(.upn, .uniqueName, .preferredUsername, .email)
        // Strict only up to the first present name (as `username`); a later one of another type is left out, as before.
        upn = (try? reader.string(.upn)) ?? nil
        uniqueName = (try? reader.string(.uniqueName)) ?? nil
        preferredUsername = (try? reader.string(.preferredUsername)) ?? nil
        displayName = try reader.string(.name)
        identityType = try reader.string(.idtyp)
        scopes = try reader.scopes()
        roles = try reader.stringArray(.roles)
        directoryRoleIDs = try reader.stringArray(.wids)
        groups = try reader.stringArray(.groups)
        hasGroupsOverage = try reader.groupsOverage()
        version = try reader.string(.ver)
        issuedAt = try reader.date(.iat)
        notBefore = try reader.date(.nbf)
        expiresAt = try reader.date(.exp)
        authenticationMethods = try reader.stringArray(.amr)
        tenantRegionScope = try reader.string(.tenantRegionScope)
        tenantRegionSubScope = try reader.string(.tenantRegionSubScope)
        managedIdentityResourceID = try reader.string(.xmsMirid)
        clientAuthenticationMethod = try reader.firstString(.appidacr, .azpacr)
        ipAddress = try reader.string(.ipaddr)
        tokenIdentifier = try reader.string(.uti)
    }
}

/// Reads individual claims with strict types, naming the claim in every error.
struct ClaimReader<Lookup: ClaimLookup> {
    let source: String
    let lookup: Lookup

    init(source: String, lookup: Lookup) {
        self.source = source
        self.lookup = lookup
    }

    private func invalid(_ claim: ClaimName, _ detail: String) -> PermcheckError {
        .claimInvalid(source: source, claim: claim.text, detail: detail)
    }

    func string(_ name: ClaimName) throws(PermcheckError) -> String? {
        guard let value = lookup[name] else { return nil }
        switch value {
        case .null: return nil
        case .string(let text): return text
        default: throw invalid(name, "expected a string, found \(value.typeName)")
        }
    }

    /// The first of these claims that is present.
    func firstString(_ names: ClaimName...) throws(PermcheckError) -> String? {
        for name in names { if let value = try string(name) { return value } }
        return nil
    }

    func stringArray(_ name: ClaimName) throws(PermcheckError) -> [String]? {
        guard let value = lookup[name] else { return nil }
        switch value {
        case .null:
            return nil
        case .array(let items):
            var strings: [String] = []
            strings.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    throw invalid(name, "element \(index) is a \(item.typeName), expected a string")
                }
                strings.append(text)
            }
            return strings
        case .string:
            throw invalid(name, "expected an array of strings, found a string (Entra issues '\(name.text)' as a JSON array)")
        default:
            throw invalid(name, "expected an array of strings, found \(value.typeName)")
        }
    }

    /// `scp` is a space-separated string; an array would mean the token was not issued by Entra as-is.
    func scopes() throws(PermcheckError) -> [String]? {
        guard let value = lookup[.scp] else { return nil }
        switch value {
        case .null: return nil
        case .string(let text): return Self.splitScopes(text)
        case .array: throw invalid(.scp, "expected a space-separated string, found an array (Entra issues 'scp' as one string)")
        default: throw invalid(.scp, "expected a space-separated string, found \(value.typeName)")
        }
    }

    /// Space- or tab-separated words; ASCII text split byte by byte, other text by `Character` (a combining mark
    /// after a space makes one character, not a separator).
    static func splitScopes(_ text: String) -> [String] {
        var text = text
        let ascii: [String]? = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var words: [String] = []
            words.reserveCapacity(bytes.reduce(1) { $0 + ($1 == 0x20 || $1 == 0x09 ? 1 : 0) })
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x20 || bytes[i] == 0x09 {
                if i > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
            return words
        }
        return ascii ?? text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    /// `aud` is a string; a one-element array (allowed by RFC 7519) is accepted.
    func audience() throws(PermcheckError) -> String? {
        guard let value = lookup[.aud] else { return nil }
        switch value {
        case .null: return nil
        case .string(let text): return text
        case .array(let items) where items.count == 1:
            if case .string(let text) = items[0] { return text }
            throw invalid(.aud, "the array holds a \(items[0].typeName), expected a string")
        case .array(let items):
            throw invalid(.aud, "expected one audience, found an array of \(items.count)")
        default:
            throw invalid(.aud, "expected a string, found \(value.typeName)")
        }
    }

    func groupsOverage() throws(PermcheckError) -> Bool {
        if let value = lookup[.hasgroups] {
            guard case .bool(let flag) = value else { throw invalid(.hasgroups, "expected true or false, found \(value.typeName)") }
            if flag { return true }
        }
        if case .object(let names)? = lookup[.claimNames], names["groups"] != nil { return true }
        return false
    }

    /// NumericDate (seconds since 1970). Strings, non-finite and out-of-range values are errors.
    func date(_ name: ClaimName) throws(PermcheckError) -> Date? {
        guard let value = lookup[name] else { return nil }
        switch value {
        case .null:
            return nil
        case .number(let number):
            guard let seconds = number.double else {
                throw invalid(name, "the number '\(number.text.prefix(40))' is not finite")
            }
            // Years 1970...9999: anything else is not a real token time.
            guard seconds >= 0, seconds < 253_402_300_800 else {
                throw invalid(name, "the time '\(number.text.prefix(40))' is out of range (expected seconds since 1970)")
            }
            return Date(timeIntervalSince1970: seconds)
        case .string(let text):
            throw invalid(name, "expected seconds since 1970 as a number, found the string '\(text.prefix(40))'")
        default:
            throw invalid(name, "expected seconds since 1970 as a number, found \(value.typeName)")
        }
    }
}
