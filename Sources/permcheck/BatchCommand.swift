import Foundation
import PermcheckCore

/// `permcheck batch [FILE|-]`: one verdict per JSON Lines input line, streamed in input order.
enum BatchCommand {
    static let specs: [OptionSpec] = [
        Options.api.described("the API rule for lines that name none (id or alias; see 'permcheck apis')"),
        Options.request.described("instead of --api: the request for lines that name no API or request"),
    ] + Options.evidenceGroup + [
        Options.header, Options.status, Options.at, Options.cloud,
        Options.format.allowing(["json", "sarif"]).described("JSON Lines (default) or one SARIF 2.1.0 document"),
        Options.full, Options.summary, Options.jobs, Options.rules,
        Options.redact.described("replace UPNs, names, object ids, tenant ids and IPs (also in \"id\") with placeholders; the same person gets the same placeholder on every line"),
        Options.help,
    ]

    static func run(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: specs, command: "batch")
        if args.has("--help") { return try Help.show("batch", console: console) }
        let format = args.value("--format") ?? "json"
        guard format == "json" || format == "sarif" else { throw .usage("unknown format '\(format)' for 'batch'; use json or sarif.") }
        guard args.positionals.count <= 1 else { throw .usage("expected at most one input file. See 'permcheck batch --help'.") }
        let jobs = try jobCount(args.value("--jobs"))
        let record: BatchRecord = args.has("--full") ? .full : .brief
        if record == .full && format != "json" { throw .usage("--full applies to JSON Lines output, not --format \(format).") }
        let rules = try RuleSource.load(directory: args.value("--rules"))
        var shared = Evidence()
        shared.caseName = args.value("--case")
        shared.collectionName = args.value("--collection")
        shared.changedAt = try CommonOptions.time(args, "--changed-at")
        if args.value("--api") != nil, args.value("--request") != nil {
            throw .usage("give either --api ID or --request \"METHOD URL\", not both. See 'permcheck batch --help'.")
        }
        let evidence = try Permcheck.readEvidence(try CommonOptions.evidenceDocuments(args), into: shared)
        // One redactor for the whole output: the same person gets the same placeholder on every line.
        let redactor = args.has("--redact") ? Redactor(claimsList: [], evidence: evidence) : nil
        let evaluator = try BatchEvaluator(
            rules: rules, defaultRule: args.value("--api").map { .api($0) } ?? args.value("--request").map { .request($0) },
            evidence: evidence, headers: CommonOptions.headers(args),
            at: CommonOptions.time(args, "--at") ?? Date(), observedStatus: CommonOptions.status(args),
            targetCloud: CommonOptions.cloud(args))

        let path = args.positionals.first.flatMap { $0 == "-" ? nil : $0 }
        let descriptor = try open(path)
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        let progress = path != nil && isatty(STDERR_FILENO) == 1 ? Progress(total: fileSize(descriptor), console: console) : nil

        var reader = LineReader(descriptor: descriptor, maxLineBytes: InputLimits.tokenBytes + 4096)
        var output = OutputBuffer(console: console)
        var tally = BatchTally()
        var sarif = SARIFReport()
        var firstResult = true
        let artifact = path ?? "stdin"
        var prefixWritten = false
        while let lines = try reader.nextLines() {
            let work = lines.filter { $0.tooLong || !isBlank($0.bytes) }
            // The SARIF prefix waits for the first line, so empty input writes nothing before its error.
            if format == "sarif", !prefixWritten, !work.isEmpty { output.write(SARIFReport.prefix); prefixWritten = true }
            let results = evaluate(work, with: evaluator, jobs: jobs, render: format == "json" && redactor == nil ? record : nil)
            for (evaluated, text) in results {
                tally.add(evaluated)
                let outcome = redactor.map { redact(evaluated, with: $0) } ?? evaluated
                if format == "json" {
                    if redactor == nil { output.write(bytes: text) } else { output.write(outcome.jsonLine(record)) }
                    continue
                }
                switch outcome {
                case .diagnosis(let id, let line, let diagnosis):
                    let name = id.stringValue ?? id.numberValue?.text ?? "line \(line)"
                    for result in sarif.results(for: NamedDiagnosis(name: name, line: line, diagnosis: diagnosis), artifact: artifact) {
                        if !firstResult { output.write(",") }
                        firstResult = false
                        output.write(JSONWriter.write(result))
                    }
                case .failure(_, let line, let message):
                    // Malformed lines are reported on stderr in SARIF mode: they are input errors, not findings.
                    console.err("error: line \(line): \(message)\n")
                }
            }
            output.flush()
            progress?.update(bytes: reader.bytesRead, lines: tally.verdicts.total + tally.malformed)
        }
        guard tally.verdicts.total + tally.malformed > 0 else {
            throw .inputInvalid(source: "batch input '\(artifact)'", detail: "no input lines (it is empty or has blank lines only)")
        }
        if format == "sarif" { output.write(sarif.suffix() + "\n"); output.flush() }
        progress?.finish()
        if args.has("--summary") { console.err(tally.report()) }
        return tally.exitCode
    }

    /// The outcome with personal data replaced; the line's token adds its values to the shared redactor first.
    static func redact(_ outcome: BatchOutcome, with redactor: Redactor) -> BatchOutcome {
        if case .diagnosis(_, _, let diagnosis) = outcome { redactor.collect(diagnosis.token.claims) }
        return redactor.redact(outcome)
    }

    /// Evaluates a chunk's lines, on `jobs` threads when asked; results keep input order.
    static func evaluate(_ lines: [LineReader.Line], with evaluator: BatchEvaluator, jobs: Int, render: BatchRecord?) -> [(BatchOutcome, [UInt8])] {
        guard jobs > 1, lines.count > 1 else { return lines.map { evaluateLine($0, evaluator, render) } }
        let slots = ResultSlots(count: lines.count)
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            for index in stride(from: worker, to: lines.count, by: jobs) { slots.set(index, evaluateLine(lines[index], evaluator, render)) }
        }
        return slots.values()
    }

    /// One line's outcome and, for JSON Lines output, its rendered record.
    static func evaluateLine(_ line: LineReader.Line, _ evaluator: BatchEvaluator, _ render: BatchRecord?) -> (BatchOutcome, [UInt8]) {
        let outcome = line.tooLong
            ? BatchOutcome.failure(id: .null, line: line.number, message: "The line is longer than \(InputLimits.tokenBytes / 1024 + 4) KiB; a token line must be shorter.")
            : evaluator.evaluate(line: line.bytes, number: line.number)
        var record: [UInt8] = []
        if let render {
            record.reserveCapacity(render == .full ? 8192 : 512)
            outcome.appendJSONLine(render, into: &record)
        }
        return (outcome, record)
    }

    static func jobCount(_ text: String?) throws(PermcheckError) -> Int {
        guard let text else { return 1 }
        guard let jobs = Int(text), (1...256).contains(jobs) else { throw .usage("--jobs '\(text)' is not a thread count between 1 and 256.") }
        return jobs
    }

    static func open(_ path: String?) throws(PermcheckError) -> Int32 {
        guard let path else {
            try InputFiles.requireReadableStandardInput(describe: "the batch input")
            return STDIN_FILENO
        }
        try InputFiles.requireFile(path, describe: "batch input")
        let descriptor = Glibc.open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .inputInvalid(source: "batch input '\(path)'", detail: "it cannot be opened (permissions?)") }
        return descriptor
    }

    static func fileSize(_ descriptor: Int32) -> Int {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
    }

    static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}

/// Per-line result slots that worker threads fill at distinct indices.
final class ResultSlots: @unchecked Sendable {
    private var storage: [(BatchOutcome, [UInt8])?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: (BatchOutcome, [UInt8])) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    func values() -> [(BatchOutcome, [UInt8])] { storage.map { $0! } }
}

/// A progress line on stderr (only when stderr is a terminal and the input is a file).
final class Progress {
    let total: Int
    let console: Console
    private var last = Date.distantPast

    init(total: Int, console: Console) {
        self.total = total
        self.console = console
    }

    func update(bytes: Int, lines: Int) {
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.2 else { return }
        last = now
        let percent = total > 0 ? min(100, bytes * 100 / total) : 0
        console.errTerminalControl("\r\(lines) lines · \(percent)%")
    }

    func finish() { console.errTerminalControl("\r\u{1B}[K") }
}
