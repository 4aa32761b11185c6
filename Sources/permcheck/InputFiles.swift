import Foundation
import PermcheckCore

/// Reads user inputs (files, stdin, environment) with size limits; never writes to them.
enum InputFiles {
    /// Reads a whole file, refusing directories and files over `limit` bytes.
    static func read(_ path: String, limit: Int, describe: String) throws(PermcheckError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .inputInvalid(source: "\(describe) '\(path)'", detail: "no such file")
        }
        guard !isDirectory.boolValue else { throw .inputInvalid(source: "\(describe) '\(path)'", detail: "it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .inputInvalid(source: "\(describe) '\(path)'", detail: "it cannot be opened (permissions?)")
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit: a huge file costs no more than a file at the limit.
        let data: Data
        do { data = try handle.read(upToCount: limit + 1) ?? Data() } catch {
            throw .inputInvalid(source: "\(describe) '\(path)'", detail: "it cannot be read (\(error.localizedDescription))")
        }
        guard data.count <= limit else { throw .inputTooLarge(source: "\(describe) '\(path)'", limit: formatBytes(limit)) }
        return [UInt8](data)
    }

    /// Reads standard input up to `limit` bytes.
    static func readStandardInput(limit: Int, describe: String) throws(PermcheckError) -> [UInt8] {
        let data: Data
        do { data = try FileHandle.standardInput.read(upToCount: limit + 1) ?? Data() } catch {
            throw .inputInvalid(source: describe, detail: "it cannot be read (\(error.localizedDescription))")
        }
        guard data.count <= limit else { throw .inputTooLarge(source: describe, limit: formatBytes(limit)) }
        return [UInt8](data)
    }

    static func formatBytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB"
    }

    /// Reads an evidence file's bytes (the pipeline parses them).
    static func evidenceBytes(_ path: String) throws(PermcheckError) -> [UInt8] {
        do { return try read(path, limit: InputLimits.fileBytes, describe: "evidence file") } catch {
            if case .inputInvalid(_, let detail) = error { throw .evidenceUnreadable(path: path, detail: detail) }
            throw error
        }
    }
}
