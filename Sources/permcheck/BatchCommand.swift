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
            targetCloud: CommonOptions.cloud(args), detail: format == "json" && record == .brief ? .brief : .full)

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
        let summary = args.has("--summary")
        let workers = (0..<jobs).map { _ in Worker() }
        while let lines = try reader.nextLines() {
            let work = lines.filter { $0.tooLong || !isBlank($0.bytes) }
            if format == "json", redactor == nil {
                // Each worker renders a contiguous run of the chunk's lines into its own buffer: order is kept by
                // writing the buffers in worker order.
                run(work, on: workers, evaluator: evaluator, record: record, summary: summary)
                for worker in workers {
                    if !worker.safe.bytes.isEmpty { console.out(worker.safe) }
                    tally.merge(worker.tally)
                    worker.tally = BatchTally()
                }
                progress?.update(bytes: reader.bytesRead, lines: tally.verdicts.total + tally.malformed)
                continue
            }
            // The SARIF prefix waits for the first line, so empty input writes nothing before its error.
            if format == "sarif", !prefixWritten, !work.isEmpty { output.write(SARIFReport.prefix); prefixWritten = true }
            for evaluated in evaluate(work, with: evaluator, jobs: jobs) {
                tally.add(evaluated)
                // One shared redactor, in input order: the same person gets the same placeholder on every line.
                let outcome = redactor.map { redact(evaluated, with: $0) } ?? evaluated
                if format == "json" { output.write(outcome.jsonLine(record)); continue }
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

    static func jobCount(_ text: String?) throws(PermcheckError) -> Int {
        guard let text else { return max(1, min(256, ProcessInfo.processInfo.activeProcessorCount)) }
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
