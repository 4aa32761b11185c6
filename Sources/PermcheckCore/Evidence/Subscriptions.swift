import Foundation

/// One service plan of a subscribed SKU (`servicePlans[]` of Graph `subscribedSku`).
public struct ServicePlan: Sendable, Equatable {
    /// `ServicePlanId`, e.g. `4de31727-a228-4ec3-a5bf-8e45b5ca48cc`.
    public var id: String?
    /// `ServicePlanName`, e.g. `EQUIVIO_ANALYTICS`.
    public var name: String?
    /// `ProvisioningStatus`: `Success`, `Disabled`, `PendingProvisioning`, `PendingActivation`, `PendingInput`, `Error`.
    public var provisioningStatus: String?

    /// Creates a plan.
    public init(id: String? = nil, name: String? = nil, provisioningStatus: String? = nil) {
        self.id = id
        self.name = name
        self.provisioningStatus = provisioningStatus
    }

    /// Whether `text` is this plan's name or id (case-insensitive).
    public func isNamed(_ text: String) -> Bool {
        [id, name].compactMap { $0 }.contains { $0.equalsIgnoringCase(text) }
    }

    /// The plan's name and id, for messages.
    var label: String { [name, id.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ") }
}

/// One subscribed SKU of the tenant (`Get-MgSubscribedSku`, Graph `GET /subscribedSkus`).
public struct SubscribedSku: Sendable, Equatable {
    /// `SkuPartNumber`, e.g. `SPE_E5`.
    public var partNumber: String?
    /// `SkuId`.
    public var skuID: String?
    /// `CapabilityStatus`: `Enabled`, `Warning` (grace period), `Suspended`, `Deleted`, `LockedOut`.
    public var capabilityStatus: String?
    /// The service plans the SKU carries.
    public var servicePlans: [ServicePlan]

    /// Creates a SKU.
    public init(partNumber: String? = nil, skuID: String? = nil, capabilityStatus: String? = nil, servicePlans: [ServicePlan]) {
        self.partNumber = partNumber
        self.skuID = skuID
        self.capabilityStatus = capabilityStatus
        self.servicePlans = servicePlans
    }

    /// Whether the subscription still works: `Enabled`, or `Warning` (the grace period after expiry); a SKU without
    /// a status (hand-made files) counts as working.
    public var isActive: Bool {
        guard let status = capabilityStatus else { return true }
        return status.equalsIgnoringCase("Enabled") || status.equalsIgnoringCase("Warning")
    }

    /// The SKU's name, for messages.
    var label: String { partNumber ?? skuID ?? "a SKU" }
}

extension EvidenceReader {
    /// Reads `Get-MgSubscribedSku | ConvertTo-Json -Depth 5` (an array of SKUs, or one object for one SKU; PascalCase)
    /// or Graph `GET /subscribedSkus` (`{"value": [...]}`, camelCase). Refuses exports cut by a too small `-Depth`
    /// (service plans as type names or `System.Object[]`), other evidence kinds' files and files without SKUs.
    public static func subscriptions(_ value: JSONValue, path: String) throws(PermcheckError) -> [SubscribedSku] {
        // Another kind's file, a token, null/{} and ConvertTo-Json's truncation markers are refused here.
        _ = try EvidenceShape.admit(value, path: path, as: .subscriptions)
        let reader = EvidenceJSON(path: path)
        var body = value
        var location = "$"
        if case .object(let object) = value, let list = object["value"] {
            body = list
            location = "$.value"
        }
        if case .array(let items) = body, items.isEmpty {
            // Not "no licences": an empty answer cannot tell a tenant without SKUs from an export of the wrong thing.
            throw reader.fail(location, "the file lists no subscriptions; export them with Get-MgSubscribedSku (needs Organization.Read.All or LicenseAssignment.Read.All)")
        }
        var skus: [SubscribedSku] = []
        for (at, object) in try reader.objects(body, at: location) {
            skus.append(try sku(object, at: at, reader: reader))
        }
        return skus
    }

    private static func sku(_ object: [String: JSONValue], at location: String, reader: EvidenceJSON) throws(PermcheckError) -> SubscribedSku {
        guard let plansValue = object["ServicePlans"] ?? object["servicePlans"] else {
            throw reader.fail(location, "not a subscribed SKU: no 'ServicePlans'; export with Get-MgSubscribedSku | ConvertTo-Json -Depth 5 or GET /subscribedSkus")
        }
        var sku = SubscribedSku(
            partNumber: try reader.string(object, ["SkuPartNumber", "skuPartNumber"], at: location),
            skuID: try reader.string(object, ["SkuId", "skuId"], at: location),
            capabilityStatus: try reader.string(object, ["CapabilityStatus", "capabilityStatus"], at: location),
            servicePlans: [])
        guard sku.partNumber != nil || sku.skuID != nil else {
            throw reader.fail(location, "not a subscribed SKU: no 'SkuPartNumber' or 'SkuId'; export with Get-MgSubscribedSku | ConvertTo-Json -Depth 5")
        }
        let plansAt = location + (object["ServicePlans"] != nil ? ".ServicePlans" : ".servicePlans")
        let planItems: [JSONValue]
        switch plansValue {
        case .array(let items): planItems = items
        case .object: planItems = [plansValue]
        case .null: planItems = []
        default: throw reader.fail(plansAt, "expected an array of service plans, found \(plansValue.typeName)")
        }
        for (index, item) in planItems.enumerated() {
            let at = "\(plansAt)[\(index)]"
            guard case .object(let plan) = item else {
                throw reader.fail(at, "expected a service plan object, found \(item.typeName)")
            }
            let entry = ServicePlan(
                id: try reader.string(plan, ["ServicePlanId", "servicePlanId"], at: at),
                name: try reader.string(plan, ["ServicePlanName", "servicePlanName"], at: at),
                provisioningStatus: try reader.string(plan, ["ProvisioningStatus", "provisioningStatus"], at: at))
            guard entry.id != nil || entry.name != nil else {
                throw reader.fail(at, "a service plan needs 'ServicePlanId' or 'ServicePlanName'")
            }
            sku.servicePlans.append(entry)
        }
        return sku
    }
}
