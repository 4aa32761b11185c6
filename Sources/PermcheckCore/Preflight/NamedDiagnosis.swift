/// The outcome of one named check of a pre-flight plan or one batch line: what every pipeline format renders.
public struct NamedDiagnosis: Sendable, Equatable {
    /// The check's name (plan) or the line's id.
    public let name: String
    /// The line in the input (plan or JSON Lines file) the check comes from, or 0.
    public let line: Int
    /// The evaluation.
    public let diagnosis: Diagnosis

    /// Creates a result.
    public init(name: String, line: Int, diagnosis: Diagnosis) {
        self.name = name
        self.line = line
        self.diagnosis = diagnosis
    }

    /// The findings that decided a failing verdict: unmet ones when denied, unknown ones when indeterminate,
    /// none when allowed.
    public var failingFindings: [Finding] {
        switch diagnosis.verdict {
        case .allowed: []
        case .denied: diagnosis.findings.filter { $0.outcome == .unmet }
        case .indeterminate: diagnosis.findings.filter { $0.outcome == .unknown }
        }
    }

    /// One sentence per failing finding (`requirement: message Fix: … / Export it: …`), or the allowed headline.
    public var explanation: [String] {
        let failing = failingFindings
        guard !failing.isEmpty else { return ["Every applicable requirement of \(diagnosis.apiID) is met."] }
        return failing.map { finding in
            var text = "\(finding.requirementID): \(finding.message)"
            if finding.outcome == .unknown, let collect = finding.collect { text += " Export it: \(collect)" }
            if let fix = finding.fix { text += " Fix: \(fix)" }
            return text
        }
    }

    /// The verdict and the predicted status, e.g. `DENIED (predicted HTTP 401)`.
    public var headline: String {
        switch diagnosis.verdict {
        case .allowed: "ALLOWED"
        case .denied: "DENIED (predicted HTTP \(diagnosis.predictedStatus.map(String.init) ?? "?"))"
        case .indeterminate: "INDETERMINATE (evidence missing)"
        }
    }
}

/// Counts of verdicts over many results, and the exit code that summarises them.
public struct VerdictTally: Sendable, Equatable {
    /// How many results had each verdict.
    public private(set) var allowed = 0, denied = 0, indeterminate = 0

    /// An empty tally.
    public init() {}

    /// Counts one verdict.
    public mutating func add(_ verdict: Verdict) {
        switch verdict {
        case .allowed: allowed += 1
        case .denied: denied += 1
        case .indeterminate: indeterminate += 1
        }
    }

    /// Adds another tally's counts.
    public mutating func merge(_ other: VerdictTally) {
        allowed += other.allowed
        denied += other.denied
        indeterminate += other.indeterminate
    }

    /// The total.
    public var total: Int { allowed + denied + indeterminate }

    /// 1 if any denied, else 3 if any indeterminate, else 0.
    public var exitCode: Int32 { denied > 0 ? 1 : indeterminate > 0 ? 3 : 0 }

    /// `3 checks: 1 allowed, 1 denied, 1 indeterminate`.
    public func summary(noun: String) -> String {
        "\(total) \(noun)\(total == 1 ? "" : "s"): \(allowed) allowed, \(denied) denied, \(indeterminate) indeterminate"
    }
}
