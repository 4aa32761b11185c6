import Foundation
import PermcheckCore

/// Reads a file descriptor in fixed-size chunks and hands out complete lines, so memory stays bounded by the
/// chunk size and the longest accepted line, whatever the input size. A line longer than `maxLineBytes` is
/// reported as too long (and skipped up to its newline) instead of being buffered.
struct LineReader {
    /// One input line, without its `\n` (and without a trailing `\r`).
    struct Line: Sendable {
        let number: Int
        let bytes: ArraySlice<UInt8>
        let tooLong: Bool
    }

    let descriptor: Int32
    let chunkBytes: Int
    let maxLineBytes: Int
    private var pending: [UInt8] = []
    private var skippingOverlong = false
    private var lineNumber = 0
    private(set) var bytesRead = 0
    private(set) var atEnd = false

    init(descriptor: Int32, chunkBytes: Int = 256 * 1024, maxLineBytes: Int) {
        self.descriptor = descriptor
        self.chunkBytes = chunkBytes
        self.maxLineBytes = maxLineBytes
    }

    /// The complete lines of the next chunk (possibly empty while a long line is being skipped); `nil` at the end.
    mutating func nextLines() throws(PermcheckError) -> [Line]? {
        guard !atEnd else { return nil }
        var chunk = [UInt8](repeating: 0, count: chunkBytes)
        let count = chunk.withUnsafeMutableBytes { buffer -> Int in
            while true {
                let n = read(descriptor, buffer.baseAddress, chunkBytes)
                if n < 0 && errno == EINTR { continue }
                return n
            }
        }
        guard count >= 0 else { throw .inputInvalid(source: "the batch input", detail: "reading failed (\(String(cString: strerror(errno))))") }
        bytesRead += count
        var lines: [Line] = []
        if count == 0 {
            atEnd = true
            if !pending.isEmpty || skippingOverlong { lines.append(finish(pending[...])) }
            pending = []
            return lines
        }
        var start = 0
        while let newline = Self.newline(in: chunk, from: start, to: count) {
            if pending.isEmpty {
                lines.append(finish(chunk[start..<newline]))
            } else {
                pending += chunk[start..<newline]
                lines.append(finish(pending[...]))
                pending = []
            }
            start = newline + 1
        }
        if start < count {
            if skippingOverlong || pending.count + (count - start) > maxLineBytes {
                skippingOverlong = true
                pending = []
            } else {
                pending += chunk[start..<count]
            }
        }
        return lines
    }

    /// The index of the next `\n` in `chunk[from..<to]` (memchr: the batch reads every byte of its input here).
    private static func newline(in chunk: [UInt8], from: Int, to: Int) -> Int? {
        chunk.withUnsafeBufferPointer { buffer in
            guard from < to, let found = memchr(buffer.baseAddress! + from, 0x0A, to - from) else { return nil }
            return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private mutating func finish(_ bytes: ArraySlice<UInt8>) -> Line {
        lineNumber += 1
        defer { skippingOverlong = false }
        if skippingOverlong || bytes.count > maxLineBytes { return Line(number: lineNumber, bytes: [], tooLong: true) }
        let trimmed = bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes
        return Line(number: lineNumber, bytes: trimmed, tooLong: false)
    }
}

/// Buffers output bytes and writes them to stdout through the console on `flush()` (or when the buffer is large).
/// Flushes happen at record boundaries, so the console's token scrubber always sees whole records. A failed write
/// ends the process (see `OutputFailure`): the batch stops evaluating and never reports success.
struct OutputBuffer {
    let console: Console
    private var buffer: [UInt8] = []

    init(console: Console) {
        self.console = console
        buffer.reserveCapacity(1 << 20)
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    mutating func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        console.out(bytes: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
