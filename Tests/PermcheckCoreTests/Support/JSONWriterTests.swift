import Testing
@testable import PermcheckCore

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test("pretty output sorts keys and uses two-space indent")
    func prettyOutputSortsKeysAndUsesTwoSpaceIndent() {
        let value: JSONValue = ["d": [], "b": ["x"], "a": 1, "c": [:]]
        #expect(JSONWriter.write(value, pretty: true) == """
            {
              "a": 1,
              "b": [
                "x"
              ],
              "c": {},
              "d": []
            }
            """)
    }

    @Test("compact output has no whitespace")
    func compactOutputHasNoWhitespace() {
        let value: JSONValue = ["b": [1, true, nil], "a": ["k": "v"]]
        #expect(JSONWriter.write(value) == #"{"a":{"k":"v"},"b":[1,true,null]}"#)
        #expect(JSONWriter.write([]) == "[]")
        #expect(JSONWriter.write([:], pretty: true) == "{}")
        #expect(JSONWriter.write("x", pretty: true) == "\"x\"")
    }

    @Test("strings escape quotes, backslashes and control characters (C0, DEL, C1) only")
    func stringsEscapeQuotesBackslashesAndControlCharactersOnly() {
        let value = JSONValue.string("\"\\/\n\t\r\u{8}\u{C}\u{0}\u{1F}\u{7F}é😀")
        #expect(JSONWriter.write(value) == #""\"\\/\n\t\r\b\f\u0000\u001f\u007f"# + "é😀\"")
    }

    @Test("keys sort by UTF-8 byte order")
    func keysSortByUTF8ByteOrder() {
        let value: JSONValue = ["é": 1, "z": 2, "Z": 3, "a": 4, "\u{FF5A}": 5, "😀": 6]
        #expect(JSONWriter.write(value) == #"{"Z":3,"a":4,"z":2,"é":1,"ｚ":5,"😀":6}"#)
    }

    @Test("numbers are written as their literal text")
    func numbersAreWrittenAsTheirLiteralText() {
        let value: JSONValue = [.number(JSONNumber("1e309")), .number(JSONNumber("17000000000000000000000")), -3]
        #expect(JSONWriter.write(value) == "[1e309,17000000000000000000000,-3]")
    }

    @Test("parsing written output gives back the same value", arguments: [false, true])
    func parsingWrittenOutputGivesBackTheSameValue(pretty: Bool) throws {
        let value: JSONValue = [
            "aud": "00000003-0000-0000-c000-000000000000", "exp": 1700003600, "scp": "User.Read Mail.Send",
            "roles": ["A", "B"], "nested": ["deep": [[[:]], [], [nil, false, .number(JSONNumber("-1.5e-3"))]]],
            "weird \"key\"\n": "tab\tand\u{1}control", "unicode": "日本語 😀",
        ]
        let text = JSONWriter.write(value, pretty: pretty)
        #expect(try JSONParser.parse(text) == value)
        #expect(JSONWriter.write(try JSONParser.parse(text), pretty: pretty) == text)
    }
}
