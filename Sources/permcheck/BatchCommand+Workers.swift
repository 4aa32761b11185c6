import Foundation
import PermcheckCore

/// How `batch` spreads a chunk of lines over threads. Output order is input order in every path.
extension BatchCommand {
    /// Evaluates and renders a chunk's lines: worker `w` takes the `w`-th contiguous run, into its own buffer, so
    /// writing the buffers in worker order keeps input order and no record is copied between threads.
    static func run(_ lines: [LineReader.Line], on workers: [Worker], evaluator: BatchEvaluator, record: BatchRecord, summary: Bool) {
        let jobs = lines.count > 1 ? workers.count : 1
        let block: @Sendable (Int) -> Void = { w in
            let worker = workers[w]
            worker.safe = .empty   // the last chunk's records are written: the buffer is unshared again, so it is reused
            worker.output.removeAll(keepingCapacity: true)
            for index in (lines.count * w / jobs)..<(lines.count * (w + 1) / jobs) {
                let outcome = Self.outcome(lines[index], evaluator)
                worker.tally.add(outcome, detailed: summary)
                outcome.appendJSONLine(record, into: &worker.output)
            }
            worker.safe = SafeBytes(cleaning: worker.output)
        }
        for worker in workers.dropFirst(jobs) { worker.safe = .empty }
        if jobs == 1 { block(0) } else { DispatchQueue.concurrentPerform(iterations: jobs, execute: block) }
    }

    /// Evaluates a chunk's lines on `jobs` threads (SARIF, and --redact, whose shared redactor then runs in input
    /// order on the caller's thread); results keep input order.
    static func evaluate(_ lines: [LineReader.Line], with evaluator: BatchEvaluator, jobs: Int) -> [BatchOutcome] {
        guard jobs > 1, lines.count > 1 else { return lines.map { outcome($0, evaluator) } }
        let slots = ResultSlots(count: lines.count)
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            for index in stride(from: worker, to: lines.count, by: jobs) { slots.set(index, outcome(lines[index], evaluator)) }
        }
        return slots.values()
    }

    /// One line's outcome; a line over the limit is an error for that line only.
    static func outcome(_ line: LineReader.Line, _ evaluator: BatchEvaluator) -> BatchOutcome {
        line.tooLong
            ? BatchOutcome.failure(id: .null, line: line.number, message: "The line is longer than \(InputLimits.tokenBytes / 1024 + 4) KiB; a token line must be shorter.")
            : evaluator.evaluate(line: line.bytes, number: line.number)
    }
}

/// One worker thread's output buffer and counts, reused for every chunk (only that worker touches it while it runs).
/// `safe` is the chunk's records after `OutputSafety`, cleaned on the worker's thread.
final class Worker: @unchecked Sendable {
    var output: [UInt8] = []
    var safe = SafeBytes.empty
    var tally = BatchTally()
    /// Keeps workers' mutable fields on separate cache lines (two threads writing one line slow each other down).
    private let padding: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
    init() { output.reserveCapacity(1 << 20) }
}

/// Per-line result slots that worker threads fill at distinct indices.
final class ResultSlots: @unchecked Sendable {
    private var storage: [BatchOutcome?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: BatchOutcome) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    func values() -> [BatchOutcome] { storage.map { $0! } }
}
