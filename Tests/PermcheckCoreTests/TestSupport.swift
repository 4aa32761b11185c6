import Foundation
@testable import PermcheckCore

/// Shared helpers for core tests.
enum TestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func base64url(_ text: String) -> String {
        Base64URL.encode(Array(text.utf8))
    }

    /// A compact JWS with the given payload JSON and a fake signature.
    static func token(payload: String, header: String = #"{"alg":"RS256","typ":"JWT"}"#) -> String {
        base64url(header) + "." + base64url(payload) + ".c2lnbmF0dXJlLW5vdC1yZWFs"
    }

    static func decode(_ text: String) throws(PermcheckError) -> AccessToken {
        try TokenDecoder.decode(Array(text.utf8), source: "test")
    }

    static func fixture(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent(relative)))
    }

    static let builtIn: RuleSet = try! RuleSet.builtIn()
}
