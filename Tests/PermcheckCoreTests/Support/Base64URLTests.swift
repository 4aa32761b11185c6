import Testing
@testable import PermcheckCore

@Suite("Base64URL")
struct Base64URLTests {
    @Test("RFC 4648 vectors decode with and without padding", arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648VectorsDecodeWithAndWithoutPadding(plain: String, encoded: String) throws {
        #expect(try Base64URL.decode(encoded) == Array(plain.utf8))
        let padded = encoded + String(repeating: "=", count: (4 - encoded.count % 4) % 4)
        #expect(try Base64URL.decode(padded[...]) == Array(plain.utf8))
        #expect(try Base64URL.decode(Array(padded.utf8)[...]) == Array(plain.utf8))
        #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
    }

    @Test("the URL-safe characters decode")
    func theURLSafeCharactersDecode() throws {
        #expect(try Base64URL.decode("-_-_") == [0xFB, 0xFF, 0xBF])
        #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(try Base64URL.decode("eyJhbGciOiJSUzI1NiJ9") == Array(#"{"alg":"RS256"}"#.utf8))
    }

    @Test("standard base64 characters are reported as such")
    func standardBase64CharactersAreReportedAsSuch() {
        #expect(throws: Base64URLError.standardBase64Alphabet(offset: 2)) { try Base64URL.decode("ab+d") }
        #expect(throws: Base64URLError.standardBase64Alphabet(offset: 3)) { try Base64URL.decode("abc/") }
    }

    @Test("characters outside the alphabet are rejected with printable text")
    func charactersOutsideTheAlphabetAreRejectedWithPrintableText() {
        #expect(throws: Base64URLError.invalidCharacter(character: "*", offset: 1)) { try Base64URL.decode("a*cd") }
        #expect(throws: Base64URLError.invalidCharacter(character: "U+0020", offset: 4)) { try Base64URL.decode("abcd efg") }
        #expect(throws: Base64URLError.invalidCharacter(character: "U+000A", offset: 4)) { try Base64URL.decode("abcd\n") }
        #expect(throws: Base64URLError.invalidCharacter(character: "U+0000", offset: 0)) { try Base64URL.decode("\u{0}abc") }
        #expect(throws: Base64URLError.invalidCharacter(character: "U+2026", offset: 4)) { try Base64URL.decode("abcd…") }
        #expect(throws: Base64URLError.invalidCharacter(character: "0xFF", offset: 1)) {
            try Base64URL.decode([0x61, 0xFF, 0x61, 0x61][...])
        }
        #expect(throws: Base64URLError.invalidCharacter(character: ".", offset: 2)) { try Base64URL.decode("ab.cd") }
    }

    @Test("misplaced or excess padding is an invalid character")
    func misplacedOrExcessPaddingIsAnInvalidCharacter() {
        #expect(throws: Base64URLError.invalidCharacter(character: "=", offset: 2)) { try Base64URL.decode("Zg=g") }
        #expect(throws: Base64URLError.invalidCharacter(character: "=", offset: 2)) { try Base64URL.decode("Zg===") }
    }

    @Test("a length of one more than a multiple of four is invalid")
    func aLengthOfOneMoreThanAMultipleOfFourIsInvalid() {
        #expect(throws: Base64URLError.invalidLength(5)) { try Base64URL.decode("abcde") }
        #expect(throws: Base64URLError.invalidLength(1)) { try Base64URL.decode("a==") }
    }

    @Test("offsets are relative to the slice that was passed")
    func offsetsAreRelativeToTheSliceThatWasPassed() {
        let token = "header.pa+load.sig"
        let parts = token.split(separator: ".")
        #expect(throws: Base64URLError.standardBase64Alphabet(offset: 2)) { try Base64URL.decode(parts[1]) }
        let bytes = Array(token.utf8)
        #expect(throws: Base64URLError.standardBase64Alphabet(offset: 2)) { try Base64URL.decode(bytes[7..<14]) }
    }

    @Test("every byte value round-trips")
    func everyByteValueRoundTrips() throws {
        let bytes = (0...255).map { UInt8($0) }
        for length in 0...bytes.count {
            let slice = Array(bytes[0..<length])
            #expect(try Base64URL.decode(Base64URL.encode(slice)) == slice)
        }
    }
}
