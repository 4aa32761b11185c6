import Foundation
import PermcheckCore

/// Reads user inputs (files, stdin, environment) with size limits; never writes to them.
enum InputFiles {
    /// Reads a whole file, refusing directories and files over `limit` bytes.
    static func read(_ path: String, limit: Int, describe: String) throws(PermcheckError) -> [UInt8] {
        try requireFile(path, describe: describe)
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

    /// Throws the reason `path` cannot be read as a regular file: missing, a directory, a symbolic link loop or a
    /// dangling link, a name that is not valid UTF-8 (permcheck receives it with U+FFFD and cannot open it).
    static func requireFile(_ path: String, describe: String) throws(PermcheckError) {
        let source = "\(describe) '\(path)'"
        var info = stat()
        guard stat(path, &info) == 0 else {
            let error = errno
            var link = stat()
            let detail = switch error {
            case ELOOP: "it is a symbolic link loop (too many levels of symbolic links)"
            case ENOENT where lstat(path, &link) == 0: "it is a symbolic link to a file that does not exist"
            case ENOENT where path.contains("\u{FFFD}"): "no such file; its name is not valid UTF-8 as given, which permcheck cannot open: rename the file or pass its content on standard input"
            case ENOENT: "no such file"
            case EACCES: "it cannot be opened (permission denied)"
            default: "it cannot be opened (\(String(cString: strerror(error))))"
            }
            throw .inputInvalid(source: source, detail: detail)
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw .inputInvalid(source: source, detail: "it is a directory") }
    }

    /// Reads standard input up to `limit` bytes.
    static func readStandardInput(limit: Int, describe: String) throws(PermcheckError) -> [UInt8] {
        try requireReadableStandardInput(describe: describe)
        let data: Data
        do { data = try FileHandle.standardInput.read(upToCount: limit + 1) ?? Data() } catch {
            throw .inputInvalid(source: describe, detail: "it cannot be read (\(error.localizedDescription))")
        }
        guard data.count <= limit else { throw .inputTooLarge(source: describe, limit: formatBytes(limit)) }
        return [UInt8](data)
    }

    /// Standard input that is a directory (`< /`) gets its own message instead of a Foundation error.
    static func requireReadableStandardInput(describe: String) throws(PermcheckError) {
        var info = stat()
        if fstat(STDIN_FILENO, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw .inputInvalid(source: describe, detail: "standard input is a directory; redirect a file (< FILE) or pipe the text in")
        }
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
