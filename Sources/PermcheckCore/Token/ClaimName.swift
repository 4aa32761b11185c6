import Foundation

/// The claims ``Claims`` models: the only ones the pipeline reads while checking (every other claim stays in the
/// payload bytes, for ``Claims/raw``).
enum ClaimName: Int, CaseIterable {
    case aud, iss, tid, appid, azp, oid, sub, email, upn, uniqueName, preferredUsername, name, idtyp, scp, roles, wids,
         groups, hasgroups, claimNames, ver, iat, nbf, exp, amr, tenantRegionScope, tenantRegionSubScope, xmsMirid,
         appidacr, azpacr, ipaddr, uti

    var text: String {
        switch self {
        case .aud: "aud"
        case .iss: "iss"
        case .tid: "tid"
        case .appid: "appid"
        case .azp: "azp"
        case .oid: "oid"
        case .sub: "sub"
        case .email: "email"
        case .upn: "upn"
        case .uniqueName: "unique_name"
        case .preferredUsername: "preferred_username"
        case .name: "name"
        case .idtyp: "idtyp"
        case .scp: "scp"
        case .roles: "roles"
        case .wids: "wids"
        case .groups: "groups"
        case .hasgroups: "hasgroups"
        case .claimNames: "_claim_names"
        case .ver: "ver"
        case .iat: "iat"
        case .nbf: "nbf"
        case .exp: "exp"
        case .amr: "amr"
        case .tenantRegionScope: "tenant_region_scope"
        case .tenantRegionSubScope: "tenant_region_sub_scope"
        case .xmsMirid: "xms_mirid"
        case .appidacr: "appidacr"
        case .azpacr: "azpacr"
        case .ipaddr: "ipaddr"
        case .uti: "uti"
        }
    }

    /// Names as bytes, grouped by length, for matching a payload's keys without building strings.
    private static let byLength: [[(ClaimName, [UInt8])]] = {
        var table = [[(ClaimName, [UInt8])]](repeating: [], count: 32)
        for name in allCases { table[name.text.utf8.count].append((name, Array(name.text.utf8))) }
        return table
    }()

    /// The claim a payload key names, if modelled.
    static func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard key.count < 32 else { return nil }
        for (name, bytes) in byLength[key.count] where bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }) {
            return name.rawValue
        }
        return nil
    }
}

/// Where ``ClaimReader`` finds a claim's value.
protocol ClaimLookup {
    subscript(_ name: ClaimName) -> JSONValue? { get }
}

/// A parsed payload.
struct DictionaryLookup: ClaimLookup {
    let payload: [String: JSONValue]
    subscript(_ name: ClaimName) -> JSONValue? { payload[name.text] }
}

/// A payload scanned by ``JSONObjectScanner``: values are built only for the claims read.
struct ScanLookup: ClaimLookup {
    let bytes: UnsafeBufferPointer<UInt8>
    let slots: UnsafeMutableBufferPointer<JSONObjectScanner.Slot>
    subscript(_ name: ClaimName) -> JSONValue? { JSONObjectScanner.value(bytes, slots[name.rawValue]) }
}
