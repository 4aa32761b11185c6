import Foundation
import PermcheckCore

/// Where the token comes from: a file, `-` (stdin), an environment variable, or a literal pasted on the command line.
enum TokenInput {
    /// Decodes the token named by `argument` (a path, `-`) or by `--token-env VAR`.
    static func load(argument: String?, environmentVariable: String?) throws(PermcheckError) -> AccessToken {
        let (bytes, source) = try read(argument: argument, environmentVariable: environmentVariable)
        return try TokenDecoder.decode(bytes, source: source)
    }

    /// Reads the token's bytes and names their source for errors; decoding is the pipeline's.
    static func read(argument: String?, environmentVariable: String?) throws(PermcheckError) -> (bytes: [UInt8], source: String) {
        if let variable = environmentVariable {
            guard argument == nil else { throw .usage("give the token either as an argument or with --token-env, not both.") }
            let source = "environment variable '\(variable)'"
            guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
                throw .tokenUnreadable(source: source, detail: "it is not set or empty")
            }
            return (Array(value.utf8), source)
        }
        guard let argument else {
            throw .usage("missing the token: pass a file, '-' for standard input, or --token-env VAR. See 'permcheck --help'.")
        }
        if argument == "-" {
            let bytes = try InputFiles.readStandardInput(limit: InputLimits.tokenBytes, describe: "the token on standard input")
            return (bytes, "standard input")
        }
        if !FileManager.default.fileExists(atPath: argument), looksLikeToken(argument) {
            return (Array(argument.utf8), "the command line")
        }
        return try fileBytes(argument)
    }

    /// Decodes the token in the file at `path`; errors name it as `shownAs` (default: the path).
    static func file(_ path: String, shownAs: String? = nil) throws(PermcheckError) -> AccessToken {
        let (bytes, source) = try fileBytes(path, shownAs: shownAs)
        return try TokenDecoder.decode(bytes, source: source)
    }

    /// The bytes of the token file at `path`, and how errors name it.
    static func fileBytes(_ path: String, shownAs: String? = nil) throws(PermcheckError) -> (bytes: [UInt8], source: String) {
        let bytes: [UInt8]
        do { bytes = try InputFiles.read(path, limit: InputLimits.tokenBytes, describe: "token file") } catch {
            if case .inputInvalid(_, let detail) = error { throw .tokenUnreadable(source: "token file '\(shownAs ?? path)'", detail: detail) }
            throw error
        }
        return (bytes, "token file '\(shownAs ?? path)'")
    }

    /// A pasted token: starts with `ey` (base64url of `{"`) or `Bearer `, has dots, no path separators.
    static func looksLikeToken(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return (trimmed.hasPrefix("ey") || trimmed.lowercased().hasPrefix("bearer ")) && trimmed.contains(".") && !trimmed.contains("/")
    }
}
