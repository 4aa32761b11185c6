/// Resource limits applied by `JSONParser`.
public struct JSONLimits: Sendable, Equatable {
    /// The deepest allowed nesting of arrays and objects. A top-level container has depth 1.
    public var maxDepth: Int
    /// The largest accepted input, in bytes. Bigger inputs are rejected before any parsing.
    public var maxBytes: Int

    /// 64 levels, 16 MiB.
    public static let `default` = JSONLimits()

    /// Creates limits; the defaults are 64 levels and 16 MiB.
    public init(maxDepth: Int = 64, maxBytes: Int = 16 << 20) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }
}

/// Why a JSON document was rejected, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A short lower-case explanation, e.g. `"duplicate key 'exp'"` or `"unexpected end of input"`.
    public let message: String
    /// The 0-based byte offset of the problem.
    public let offset: Int
    /// The 1-based line of the problem (lines end at `\n`).
    public let line: Int
    /// The 1-based column of the problem, counted in Unicode scalars from the start of the line.
    public let column: Int

    /// Creates an error. `JSONParser` computes `line` and `column` from `offset`.
    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `"line 3, column 7: duplicate key 'exp'"`.
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 JSON parser working on UTF-8 bytes.
///
/// Rejects everything RFC 8259 does not allow — comments, trailing commas, single quotes, `NaN`, leading zeros,
/// unescaped control characters, invalid escapes, lone surrogates, invalid UTF-8, trailing data, a byte order
/// mark — and additionally rejects duplicate object keys (so a token with two `exp` claims cannot be read two
/// ways). Keys are compared as Swift `String`s, i.e. by canonical equivalence (`"é"` and `"e\u0301"` clash).
/// Duplicates are detected when the object closes and reported at the second occurrence of the key.
///
/// The parser is iterative: nesting depth costs heap, not stack, and the depth limit is checked before each
/// container is opened, so hostile input fails fast without recursion.
public enum JSONParser {
    /// Parses one JSON document from UTF-8 bytes.
    public static func parse(_ bytes: [UInt8], limits: JSONLimits = .default) throws(JSONParseError) -> JSONValue {
        try run(bytes, limits: limits, trackLines: false).value
    }

    /// Parses one JSON document from a string (its UTF-8 encoding).
    public static func parse(_ text: String, limits: JSONLimits = .default) throws(JSONParseError) -> JSONValue {
        try run(text.utf8, limits: limits, trackLines: false).value
    }

    /// Like `parse`, but also returns the 1-based line on which each value starts, keyed by JSON Pointer
    /// (RFC 6901) path: `""` for the root, `"/requirements/2/kind"` etc. Used by the rule linter to report file:line.
    public static func parseWithLines(
        _ bytes: [UInt8], limits: JSONLimits = .default
    ) throws(JSONParseError) -> (value: JSONValue, lines: [String: Int]) {
        try run(bytes, limits: limits, trackLines: true)
    }

    private static func run<C: Collection<UInt8>>(
        _ bytes: C, limits: JSONLimits, trackLines: Bool
    ) throws(JSONParseError) -> (value: JSONValue, lines: [String: Int]) {
        let count = bytes.count
        if count > limits.maxBytes {
            throw JSONParseError(
                message: "input is \(count) bytes, more than the limit of \(limits.maxBytes) bytes",
                offset: 0, line: 1, column: 1)
        }
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            parseBuffer(buffer, limits: limits, trackLines: trackLines)
        } ?? Array(bytes).withUnsafeBufferPointer { buffer in
            parseBuffer(buffer, limits: limits, trackLines: trackLines)
        }
        switch result {
        case .success(let pair): return (value: pair.0, lines: pair.1)
        case .failure(let error): throw error
        }
    }

    private static func parseBuffer(
        _ buffer: UnsafeBufferPointer<UInt8>, limits: JSONLimits, trackLines: Bool
    ) -> Result<(JSONValue, [String: Int]), JSONParseError> {
        var parser = JSONByteParser(buffer, maxDepth: limits.maxDepth, trackLines: trackLines)
        do throws(JSONParseFailure) {
            let value = try parser.parseDocument()
            return .success((value, parser.lines))
        } catch {
            return .failure(error.located(in: buffer))
        }
    }
}

/// A parse failure before line and column are known.
struct JSONParseFailure: Error {
    let message: String
    let offset: Int

    init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// Computes line and column (only on failure, so the happy path never counts them).
    func located(in buffer: UnsafeBufferPointer<UInt8>) -> JSONParseError {
        let limit = min(max(offset, 0), buffer.count)
        var line = 1
        var column = 1
        for i in 0..<limit {
            let b = buffer[i]
            if b == JSONByte.newline {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONParseError(message: message, offset: offset, line: line, column: column)
    }
}
