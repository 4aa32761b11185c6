import Foundation
import Testing
@testable import PermcheckCore

/// The in-place decoder (`TokenDecoder.decodePlain`: one scan of header and payload for the modelled claims) must
/// accept only what the strict decoder accepts, with the same result, and defer everything else to it.
@Suite struct ClaimScannerTests {
    static let fixtureNames: [String] = (try? FileManager.default.contentsOfDirectory(
        atPath: TestSupport.repositoryRoot.appendingPathComponent("fixtures/tokens").path))?
        .filter { $0.hasSuffix(".jwt") }.sorted() ?? []

    /// The in-place result, or nil when it defers.
    static func plain(_ token: String) -> AccessToken? {
        Array(token.utf8).withUnsafeBufferPointer(TokenDecoder.decodePlain)
    }

    @Test(arguments: fixtureNames)
    func everyFixtureTokenDecodesInPlaceToTheSameToken(name: String) throws {
        let bytes = try TestSupport.fixture("fixtures/tokens/\(name)")
        let full = try TokenDecoder.decodeInFull(bytes, source: name)
        let fast = try #require(bytes.withUnsafeBufferPointer(TokenDecoder.decodePlain), "the fixtures are plain tokens")
        #expect(fast == full)
        #expect(fast.claims.raw == full.claims.raw && fast.header == full.header, "raw claims and header parsed when read")
        #expect(fast.fingerprint == full.fingerprint)
    }

    /// Payloads the scanner must not vouch for: the strict decoder rejects them (or reads them its own way).
    @Test(arguments: [
        #"{"aud":"a","aud":"b"}"#,                           // duplicate modelled claim
        #"{"x":1,"x":2,"aud":"a"}"#,                         // duplicate claim nobody reads
        #"{"aud":"caf\u00e9"}"#,                             // escape: the strict parser decodes it
        #"{"aud":["a","b"]}"#,                               // wrong shape for aud
        #"{"scp":["a"]}"#, #"{"roles":"a"}"#, #"{"exp":"1"}"#, #"{"exp":1e400}"#, #"{"hasgroups":1}"#,
        #"{"aud":"a",}"#, #"{"aud":"a"} x"#, #"{"aud":01}"#, #"{"n":{"nested":1}}"#, #"{"_claim_names":{"groups":"src1"}}"#,
        #"{"a":[[[[[[[[[1]]]]]]]]]}"#, "{\"aud\":\"\u{1}\"}",
    ])
    func payloadsOutsideThePlainSubsetGoToTheStrictDecoder(payload: String) {
        let token = TestSupport.token(payload: payload)
        #expect(Self.plain(token) == nil)
        let strict = try? TokenDecoder.decodeInFull(Array(token.utf8), source: "t")
        if let strict { #expect((try? TokenDecoder.decode(Array(token.utf8), source: "t")) == strict) }
    }

    @Test func invalidUTF8InAValueIsLeftToTheStrictDecoder() throws {
        for bad: [UInt8] in [[0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xFF]] {
            let payload = Array(#"{"name":""#.utf8) + bad + Array(#""}"#.utf8)
            let token = TestSupport.base64url(#"{"alg":"none"}"#) + "." + Base64URL.encode(payload) + ".c2ln"
            #expect(Self.plain(token) == nil)
            #expect(throws: PermcheckError.self) { try TokenDecoder.decode(Array(token.utf8), source: "t") }
        }
        let fine = TestSupport.token(payload: #"{"name":"José 日本 🙂","aud":"b26e684c-5068-4120-a679-64a5d2c909d9"}"#)
        let fast = try #require(Self.plain(fine))
        #expect(fast.claims.displayName == "José 日本 🙂")
        #expect(fast == (try TokenDecoder.decodeInFull(Array(fine.utf8), source: "t")))
    }

    @Test func wrongTypesStillGetTheStrictDecodersMessage() {
        let token = TestSupport.token(payload: #"{"aud":"a","roles":"Mail.Read"}"#)
        #expect(throws: PermcheckError.claimInvalid(source: "line 4", claim: "roles",
                                                   detail: "expected an array of strings, found a string (Entra issues 'roles' as a JSON array)")) {
            try TokenDecoder.decode(Array(token.utf8)[...]) { "line 4" }
        }
    }

    @Test func tokensThatAreNotPlainAreDecodedAsBefore() throws {
        let token = TestSupport.token(payload: #"{"aud":"a","scp":"User.Read"}"#)
        for form in ["Bearer " + token, "{\"access_token\":\"\(token)\"}", String(token.prefix(30)) + "\n" + token.dropFirst(30)] {
            #expect(Self.plain(form) == nil)
            #expect(try TokenDecoder.decode(Array(form.utf8), source: "t").claims.scopes == ["User.Read"])
        }
    }
}
