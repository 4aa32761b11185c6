import Foundation

/// The result of one check before it becomes a `Finding`.
struct CheckResult {
    let outcome: Outcome
    let message: String
    var hint: String? = nil
    var collect: String? = nil
    /// A fix worked out from the evidence (e.g. naming the policy); replaces the requirement's fix when set.
    var fix: String? = nil
}

/// Evaluates each requirement kind against one input. Token checks live here; evidence checks in extensions.
struct RequirementChecker {
    let input: EvaluationInput
    var claims: Claims { input.token.claims }
    var principal: Principal { input.token.principal }

    /// A check's result; its message, hint and collect texts are built only when the evaluation writes them
    /// (``EvaluationDetail/full``). A worked-out `fix` is always built: the brief record carries the first fix.
    func result(outcome: Outcome, message: @autoclosure () -> String, hint: @autoclosure () -> String? = nil,
                collect: @autoclosure () -> String? = nil, fix: String? = nil) -> CheckResult {
        guard input.detail == .full else { return CheckResult(outcome: outcome, message: "", fix: fix) }
        return CheckResult(outcome: outcome, message: message(), hint: hint(), collect: collect(), fix: fix)
    }

    func check(_ check: RequirementCheck) -> CheckResult {
        switch check {
        case .audience(let anyOf): audience(anyOf)
        case .scope(let anyOf): permission(claims.scopes, anyOf, claim: "scp", noun: "delegated scope")
        case .appRole(let anyOf): permission(claims.roles, anyOf, claim: "roles", noun: "application permission")
        case .identity(let allowed, let personal): identity(allowed, personalAccounts: personal)
        case .directoryRole(let need): directoryRole(need)
        case .caseMembership(let admitsAdmins): caseMembership(admitsCaseAdmins: admitsAdmins)
        case .purviewRole(let roles): purviewRole(roles)
        case .caseAdmin: caseAdmin()
        case .collectionRole(let roles): collectionRole(roles)
        case .governanceRole(let roles): governanceRole(roles)
        case .header(let name, let value): header(name, value)
        case .tokenLifetime: lifetime()
        case .cloud(let available): cloud(available)
        case .license(let anyOf, let alternative): license(anyOf, alternative: alternative)
        case .deprecated(let since, let replacement):
            result(outcome: .unknown, message: "This endpoint is deprecated: \(since); Microsoft no longer guarantees what it returns.",
                        collect: "Use \(replacement) instead.")
        case .resourceGrant(let spec): resourceGrant(spec)
        case .mailboxAppRole(let anyOf, let rbacRoles): mailboxAppRole(anyOf, rbacRoles: rbacRoles)
        case .mailboxAccessPolicy(let spec): mailboxAccessPolicy(spec)
        case .sharedScope(let spec): sharedScope(spec)
        case .mailboxDelegation(let spec): mailboxDelegation(spec)
        }
    }

    static func normalisedAudience(_ text: String) -> String {
        var lower = text.lowercased()
        while lower.hasSuffix("/") { lower.removeLast() }
        return lower
    }

    /// Whether two audiences are the same API: case-insensitive, trailing slashes ignored (ASCII without copies).
    static func sameAudience(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        let fast = a.withUTF8 { x in b.withUTF8 { y -> Bool? in
            var m = x.count, n = y.count
            while m > 0, x[m - 1] == UInt8(ascii: "/") { m -= 1 }
            while n > 0, y[n - 1] == UInt8(ascii: "/") { n -= 1 }
            guard m == n else { return x.allSatisfy { $0 < 0x80 } && y.allSatisfy { $0 < 0x80 } ? false : nil }
            for i in 0..<m {
                let p = x[i], q = y[i]
                guard p < 0x80, q < 0x80 else { return nil }
                if p != q, p | 0x20 != q | 0x20 || !(p | 0x20 >= UInt8(ascii: "a") && p | 0x20 <= UInt8(ascii: "z")) { return false }
            }
            return true
        } }
        return fast ?? (normalisedAudience(a) == normalisedAudience(b))
    }

    func audience(_ anyOf: [String]) -> CheckResult {
        guard let audience = claims.audience else {
            return result(outcome: .unmet, message: "The token has no 'aud' claim; the API needs \(KnownIDs.describeAudience(anyOf[0])).")
        }
        if anyOf.contains(where: { Self.sameAudience($0, audience) }) {
            return result(outcome: .met, message: "The token's audience is \(KnownIDs.describeAudience(audience)).")
        }
        return result(outcome: .unmet, message: "The token is for \(KnownIDs.describeAudience(audience)), but this API accepts only tokens for \(KnownIDs.describeAudience(anyOf[0])).")
    }

    func permission(_ granted: [String]?, _ anyOf: [String], claim: String, noun: String) -> CheckResult {
        var list: String { anyOf.joined(separator: ", ") }
        guard let granted else {
            return result(outcome: .unmet, message: "The token has no '\(claim)' claim; it needs the \(noun) \(anyOf.count == 1 ? list : "one of " + list).")
        }
        if let hit = anyOf.first(where: { want in granted.contains { $0.equalsIgnoringCase(want) } }) {
            return result(outcome: .met, message: "'\(claim)' includes \(hit).")
        }
        var shown: String { granted.isEmpty ? "nothing" : granted.sorted().joined(separator: " ") }
        return result(outcome: .unmet, message: "'\(claim)' has \(shown), but not \(anyOf.count == 1 ? list : "any of " + list) (least privileged first).")
    }

    func identity(_ allowed: [PrincipalKind], personalAccounts: Bool) -> CheckResult {
        var names: String { allowed.map { $0 == .user ? "delegated (user)" : "application (app-only)" }.joined(separator: " or ") }
        if principal.isPersonalAccount && !personalAccounts {
            return result(outcome: .unmet, message: "The caller is a personal Microsoft account (tenant \(Claims.personalAccountTenantID)); this API supports work or school accounts only.")
        }
        switch principal.kind {
        case .unknown:
            return result(outcome: .unknown, message: "Cannot tell whether the token is delegated or app-only (\(principal.kindBasis)); the API accepts \(names) calls.")
        case let kind where allowed.contains(kind):
            return result(outcome: .met, message: "The call is \(kind == .user ? "delegated (user)" : "app-only") (\(principal.kindBasis)), which this API supports.")
        case let kind:
            return result(outcome: .unmet, message: "The call is \(kind == .user ? "delegated (user)" : "app-only") (\(principal.kindBasis)), but this API supports only \(names) calls.")
        }
    }

    func header(_ name: String, _ value: String?) -> CheckResult {
        var expected: String { value.map { "'\(name): \($0)'" } ?? "'\(name)'" }
        guard input.request.headers != nil else {
            return result(outcome: .unknown, message: "No request headers were given; the call needs the header \(expected).",
                               collect: "Pass the headers your client sends: --header '\(name): \(value ?? "…")' (or --request-file with the raw request).")
        }
        guard let actual = input.request.header(name) else {
            return result(outcome: .unmet, message: "The request does not send the header \(expected).")
        }
        // Foundation's trimming only when the value starts or ends with something other than visible ASCII.
        let visible = { (byte: UInt8?) in byte.map { $0 > 0x20 && $0 < 0x7F } ?? false }
        let trimmed = visible(actual.utf8.first) && visible(actual.utf8.last) ? actual : actual.trimmingCharacters(in: .whitespaces)
        if let value, !trimmed.equalsIgnoringCase(value) {
            return result(outcome: .unmet, message: "The request sends '\(name): \(actual)', but the API needs \(expected).")
        }
        return result(outcome: .met, message: "The request sends \(expected).")
    }

    func lifetime() -> CheckResult {
        let at = input.at
        if let notBefore = claims.notBefore, at < notBefore {
            return result(outcome: .unmet, message: "The token is not valid before \(ISO8601.format(notBefore)) (\(Duration.describe(notBefore.timeIntervalSince(at))) after \(ISO8601.format(at))); check the client's clock.")
        }
        guard let expiry = claims.expiresAt else {
            return result(outcome: .unmet, message: "The token has no 'exp' claim; Entra access tokens always carry one.")
        }
        if at >= expiry {
            return result(outcome: .unmet, message: "The token expired at \(ISO8601.format(expiry)), \(Duration.describe(at.timeIntervalSince(expiry))) before \(ISO8601.format(at)).")
        }
        return result(outcome: .met, message: "The token is valid until \(ISO8601.format(expiry)) (\(Duration.describe(expiry.timeIntervalSince(at))) left at \(ISO8601.format(at))).")
    }

    func cloud(_ available: [Cloud]) -> CheckResult {
        var list: String { available.map(\.displayName).joined(separator: ", ") }
        let detection = input.token.cloud
        if let target = input.targetCloud, let tokenCloud = detection.cloud, !tokenCloud.sharesTokens(with: target) {
            return result(outcome: .unmet, message: "The token was issued in \(tokenCloud.displayName) (\(detection.basis)) but the request goes to a \(target.displayName) endpoint; tokens are not interchangeable between clouds.")
        }
        if let target = input.targetCloud, !available.contains(target) {
            return result(outcome: .unmet, message: "The target endpoint is in \(target.displayName), where this API is not offered (available: \(list)).")
        }
        guard let tokenCloud = detection.cloud else {
            return result(outcome: .unknown, message: "Cannot tell the token's cloud (\(detection.basis)); the API is available in \(list).",
                               collect: "Pass --cloud global|gcc|gcc-high|dod|china.")
        }
        guard available.contains(tokenCloud) else {
            return result(outcome: .unmet, message: "The token is from \(tokenCloud.displayName) (\(detection.basis)), where this API is not offered (available: \(list)).")
        }
        return result(outcome: .met, message: "The token is from \(tokenCloud.displayName) (\(detection.basis)), where the API is available.")
    }
}
