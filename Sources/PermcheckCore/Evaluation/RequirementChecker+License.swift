import Foundation

/// The licence check: does the tenant subscribe to a service plan the API needs (`--subscriptions`)?
extension RequirementChecker {
    func license(_ anyOf: [String], alternative: String?) -> CheckResult {
        // Plan names read better than their ids; the ids still match.
        let names = anyOf.filter { UUID(uuidString: $0) == nil }
        let wanted = (names.isEmpty ? anyOf : names).joined(separator: " or ")
        guard let skus = input.evidence.subscriptions else {
            return result(outcome: .unknown, message: "The tenant's subscriptions were not given; the call needs the service plan \(wanted).",
                          collect: EvidenceKind.subscriptions.exportInstruction(caseName: nil))
        }
        let found = skus.flatMap { sku in sku.servicePlans.filter { plan in anyOf.contains(where: plan.isNamed) }.map { (sku, $0) } }
        if let (sku, plan) = found.first(where: { $0.0.isActive && $0.1.provisioningStatus?.equalsIgnoringCase("Success") != false }) {
            return result(outcome: .met, message: "The tenant's \(sku.label) includes the service plan \(plan.label), provisioned (\(plan.provisioningStatus ?? "status not exported")).")
        }
        if let (sku, plan) = found.first(where: { $0.0.isActive && $0.1.provisioningStatus?.lowercased().hasPrefix("pending") == true }) {
            return result(outcome: .unknown, message: "The tenant's \(sku.label) includes \(plan.label), but it is still \(plan.provisioningStatus ?? "pending"); it works once provisioning completes.",
                          collect: "Export the subscriptions again later: " + EvidenceKind.subscriptions.exportInstruction(caseName: nil))
        }
        let seen = found.map { sku, plan in "\(plan.label) in \(sku.label) is \(sku.isActive ? plan.provisioningStatus ?? "not provisioned" : "in a \(sku.capabilityStatus ?? "inactive") subscription")" }
        let state = seen.isEmpty ? "none of the tenant's \(skus.count) subscription\(skus.count == 1 ? "" : "s") (\(skus.map(\.label).joined(separator: ", "))) includes \(wanted)"
            : seen.joined(separator: "; ")
        if let alternative {
            return result(outcome: .unknown, message: "No working \(wanted): \(state). The call also works with \(alternative), which the subscription export does not show.",
                          collect: "Check \(alternative).")
        }
        return result(outcome: .unmet, message: "The tenant has no working \(wanted): \(state).")
    }
}
