/// Counts over a batch: by verdict, by failing requirement (`<api>/<requirement>`), by API, and malformed lines.
/// Memory grows with the number of distinct APIs and requirements, not with the number of lines.
public struct BatchTally: Sendable {
    /// Verdict counts.
    public private(set) var verdicts = VerdictTally()
    /// Lines that could not be evaluated.
    public private(set) var malformed = 0
    /// Denied or indeterminate lines per failing requirement.
    public private(set) var byRequirement: [String: Int] = [:]
    /// Lines per API, by verdict.
    public private(set) var byAPI: [String: VerdictTally] = [:]

    /// An empty tally.
    public init() {}

    /// Counts one outcome; `detailed: false` counts only verdicts and malformed lines (what the exit code needs).
    public mutating func add(_ outcome: BatchOutcome, detailed: Bool = true) {
        switch outcome {
        case .failure:
            malformed += 1
        case .diagnosis(_, _, let diagnosis):
            verdicts.add(diagnosis.verdict)
            guard detailed else { return }
            byAPI[diagnosis.apiID, default: VerdictTally()].add(diagnosis.verdict)
            if diagnosis.verdict != .allowed {
                for reason in diagnosis.reasons { byRequirement["\(diagnosis.apiID)/\(reason)", default: 0] += 1 }
            }
        }
    }

    /// Adds another tally's counts (one per worker thread).
    public mutating func merge(_ other: BatchTally) {
        verdicts.merge(other.verdicts)
        malformed += other.malformed
        byRequirement.merge(other.byRequirement, uniquingKeysWith: +)
        byAPI.merge(other.byAPI) { var a = $0; a.merge($1); return a }
    }

    /// 2 if any line was malformed, else 1 if any denied, else 3 if any indeterminate, else 0.
    public var exitCode: Int32 { malformed > 0 ? 2 : verdicts.exitCode }

    /// The support lead's view: totals, failing requirements (most frequent first), APIs.
    public func report() -> String {
        var out = "\(verdicts.total + malformed) lines: \(verdicts.allowed) allowed, \(verdicts.denied) denied, "
            + "\(verdicts.indeterminate) indeterminate, \(malformed) malformed\n"
        if !byRequirement.isEmpty {
            out += "failing requirements:\n"
            for (key, count) in byRequirement.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                out += "  \(String(count).leftPadded(to: 8))  \(key)\n"
            }
        }
        if !byAPI.isEmpty {
            out += "by API:\n"
            for (api, tally) in byAPI.sorted(by: { $0.key < $1.key }) {
                out += "  \(String(tally.total).leftPadded(to: 8))  \(api) (\(tally.allowed) allowed, \(tally.denied) denied, \(tally.indeterminate) indeterminate)\n"
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
