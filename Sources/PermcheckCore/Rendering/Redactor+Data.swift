/// Redaction of the data a report is rendered from: every string of a diagnosis (claims, findings, hints, case
/// name, observed response), of a token, a comparison, a preflight result or a batch outcome passes `redact(_:)`
/// before any renderer escapes it. Verdicts, statuses, requirement ids and source URLs are not personal and stay.
extension Redactor {
    /// The diagnosis with personal data replaced.
    public func redact(_ diagnosis: Diagnosis) -> Diagnosis {
        var redacted = Diagnosis(
            apiID: diagnosis.apiID, apiTitle: diagnosis.apiTitle, verdict: diagnosis.verdict,
            predictedStatus: diagnosis.predictedStatus, observedStatus: diagnosis.observedStatus,
            token: redact(diagnosis.token), findings: diagnosis.findings.map(redact), fixes: diagnosis.fixes.map(redact),
            hints: diagnosis.hints.map(redact), evaluatedAt: diagnosis.evaluatedAt,
            caseName: diagnosis.caseName.map(redact), collectionName: diagnosis.collectionName.map(redact))
        redacted.observedResponse = diagnosis.observedResponse.map(redact)
        redacted.evidenceRead = diagnosis.evidenceRead.mapValues { read in
            EvidenceRead(file: redact(read.file), entries: read.entries, shape: read.shape, warnings: read.warnings.map(redact))
        }
        redacted.observedFailure = diagnosis.observedFailure.map { failure in
            ObservedFailure(status: failure.status, cause: failure.cause, summary: redact(failure.summary), basedOn: failure.basedOn,
                            sources: failure.sources, confidence: failure.confidence)
        }
        return redacted
    }

    /// A preflight result or batch line with its name (which may be a UPN) and diagnosis redacted.
    public func redact(_ named: NamedDiagnosis) -> NamedDiagnosis {
        NamedDiagnosis(name: redact(named.name), line: named.line, diagnosis: redact(named.diagnosis))
    }

    /// A batch outcome: its diagnosis, `id` and error message.
    public func redact(_ outcome: BatchOutcome) -> BatchOutcome {
        switch outcome {
        case .diagnosis(let id, let line, let diagnosis): .diagnosis(id: redact(id), line: line, redact(diagnosis))
        case .failure(let id, let line, let message): .failure(id: redact(id), line: line, message: redact(message))
        }
    }

    /// The token with its header and claims redacted (the principal and cloud are derived again from them).
    public func redact(_ token: AccessToken) -> AccessToken {
        AccessToken(header: token.header.mapValues(redact), claims: redact(token.claims), fingerprint: token.fingerprint,
                    hasSignature: token.hasSignature)
    }

    public func redact(_ claims: Claims) -> Claims {
        var c = claims
        func each(_ value: String?) -> String? { value.map(redact) }
        func list(_ values: [String]?) -> [String]? { values?.map(redact) }
        c.audience = each(c.audience); c.issuer = each(c.issuer); c.tenantID = each(c.tenantID); c.appID = each(c.appID)
        c.objectID = each(c.objectID); c.subject = each(c.subject); c.username = each(c.username); c.email = each(c.email)
        c.upn = each(c.upn); c.uniqueName = each(c.uniqueName); c.preferredUsername = each(c.preferredUsername)
        c.displayName = each(c.displayName); c.identityType = each(c.identityType); c.scopes = list(c.scopes)
        c.roles = list(c.roles); c.directoryRoleIDs = list(c.directoryRoleIDs); c.groups = list(c.groups)
        c.version = each(c.version); c.authenticationMethods = list(c.authenticationMethods)
        c.tenantRegionScope = each(c.tenantRegionScope); c.tenantRegionSubScope = each(c.tenantRegionSubScope)
        c.managedIdentityResourceID = each(c.managedIdentityResourceID)
        c.clientAuthenticationMethod = each(c.clientAuthenticationMethod); c.ipAddress = each(c.ipAddress)
        c.tokenIdentifier = each(c.tokenIdentifier)
        c.raw = c.raw.mapValues(redact)
        return c
    }

    /// Every string inside a JSON value (keys stay).
    public func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(redact(text))
        case .array(let items): .array(items.map(redact))
        case .object(let members): .object(members.mapValues(redact))
        default: value
        }
    }

    public func redact(_ response: ObservedResponse) -> ObservedResponse {
        var r = response
        r.statusBasis = r.statusBasis.map(redact); r.code = r.code.map(redact); r.message = r.message.map(redact)
        r.requestID = r.requestID.map(redact); r.clientRequestID = r.clientRequestID.map(redact)
        r.correlationID = r.correlationID.map(redact); r.traceID = r.traceID.map(redact); r.date = r.date.map(redact)
        r.challenge = r.challenge.map { challenge in
            AuthChallenge(scheme: challenge.scheme, parameters: challenge.parameters.map { HTTPHeader(name: $0.name, value: redact($0.value)) },
                          decodedClaims: challenge.decodedClaims.map(redact), claimsKeys: challenge.claimsKeys,
                          claimValues: challenge.claimValues.mapValues(redact), looksCut: challenge.looksCut.map(redact))
        }
        r.meanings = r.meanings.map { meaning in
            ErrorMeaning(id: meaning.id, matched: redact(meaning.matched), meaning: redact(meaning.meaning), fix: meaning.fix.map(redact),
                         sources: meaning.sources, confidence: meaning.confidence)
        }
        return r
    }

    public func redact(_ finding: Finding) -> Finding {
        Finding(requirementID: finding.requirementID, kind: finding.kind, outcome: finding.outcome, status: finding.status,
                message: redact(finding.message), fix: finding.fix.map(redact), collect: finding.collect.map(redact),
                hint: finding.hint.map(redact), sources: finding.sources, confidence: finding.confidence)
    }

    public func redact(_ hint: Hint) -> Hint {
        Hint(id: hint.id, text: redact(hint.text), sources: hint.sources, confidence: hint.confidence)
    }

    /// A comparison: both diagnoses, the differing requirements' findings, the facts' values, fixes and hints.
    public func redact(_ comparison: Comparison) -> Comparison {
        Comparison(
            good: redact(comparison.good), bad: redact(comparison.bad),
            requirements: comparison.requirements.map { difference in
                RequirementDifference(requirementID: difference.requirementID, requirementKind: difference.requirementKind,
                                      status: difference.status, difference: difference.difference,
                                      good: difference.good.map(redact), bad: difference.bad.map(redact))
            },
            facts: comparison.facts.map { fact in
                ComparisonFact(id: fact.id, label: fact.label, good: fact.good.map(redact), bad: fact.bad.map(redact),
                               onlyGood: fact.onlyGood.map(redact), onlyBad: fact.onlyBad.map(redact), requirements: fact.requirements)
            },
            hiddenFactCount: comparison.hiddenFactCount, fixes: comparison.fixes.map(redact),
            goodHints: comparison.goodHints.map(redact), badHints: comparison.badHints.map(redact), showAll: comparison.showAll)
    }
}
