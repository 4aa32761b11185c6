import Testing
@testable import PermcheckCore

/// Parses `text`, returning the error (or nil if it parsed).
private func failure(_ text: String, limits: JSONLimits = .default) -> JSONParseError? {
    do {
        _ = try JSONParser.parse(text, limits: limits)
        return nil
    } catch {
        return error
    }
}

private func failure(bytes: [UInt8], limits: JSONLimits = .default) -> JSONParseError? {
    do {
        _ = try JSONParser.parse(bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

@Suite("JSONParser accepts valid JSON")
struct JSONParserValidTests {
    @Test("a typical token payload parses into the expected value")
    func aTypicalTokenPayloadParsesIntoTheExpectedValue() throws {
        let text = """
            {"aud":"https://graph.microsoft.com","exp":1700003600,"roles":["User.Read.All","Mail.Send"],
             "xms_cc":["CP1"],"acct":0,"ok":true,"nothing":null,"nested":{"a":[{}, []]}}
            """
        let value = try JSONParser.parse(text)
        #expect(value == [
            "aud": "https://graph.microsoft.com", "exp": 1700003600, "roles": ["User.Read.All", "Mail.Send"],
            "xms_cc": ["CP1"], "acct": 0, "ok": true, "nothing": nil, "nested": ["a": [[:], []]],
        ])
    }

    static let scalars: [(String, JSONValue)] = [
        ("null", .null), ("true", .bool(true)), ("false", .bool(false)),
        ("\"x\"", .string("x")), ("0", .number(JSONNumber("0"))), (" \t\r\n 42 \n", .number(JSONNumber("42"))),
    ]

    @Test("scalars are valid documents", arguments: scalars)
    func scalarsAreValidDocuments(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
    }

    @Test("number literals keep their exact text", arguments: [
        "0", "-0", "1", "-1", "10", "1.5", "-0.25", "1e309", "1E+2", "1e-2", "0.0e0",
        "17000000000000000000000", "123456789012345678901234567890.5",
    ])
    func numberLiteralsKeepTheirExactText(text: String) throws {
        #expect(try JSONParser.parse(text) == .number(JSONNumber(text)))
        #expect(try JSONParser.parse("[\(text)]") == .array([.number(JSONNumber(text))]))
    }

    @Test("escapes decode to the right characters")
    func escapesDecodeToTheRightCharacters() throws {
        let value = try JSONParser.parse(#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC\ud83d\ude00\u0000 tail""#)
        #expect(value == .string("\"\\/\u{8}\u{C}\n\r\tAé€😀\u{0} tail"))
    }

    @Test("raw non-ASCII UTF-8 is accepted in strings")
    func rawNonASCIIUTF8IsAcceptedInStrings() throws {
        #expect(try JSONParser.parse("[\"é€😀 ünïcödé\"]") == ["é€😀 ünïcödé"])
        #expect(try JSONParser.parse("{\"名前\":\"値\"}") == ["名前": "値"])
    }

    @Test("byte and string inputs give the same value")
    func byteAndStringInputsGiveTheSameValue() throws {
        let text = #"{"a":[1,2,{"b":"c\n"}]}"#
        #expect(try JSONParser.parse(Array(text.utf8)) == JSONParser.parse(text))
    }

    @Test("nesting up to the depth limit is accepted")
    func nestingUpToTheDepthLimitIsAccepted() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        var value = try JSONParser.parse(text)
        var depth = 0
        while case .array(let inner) = value {
            depth += 1
            value = inner.first ?? .null
        }
        #expect(depth == 64)
        let objects = String(repeating: "{\"a\":", count: 64) + "1" + String(repeating: "}", count: 64)
        #expect(failure(objects) == nil)
    }

    @Test("long strings with escapes after a plain prefix decode correctly")
    func longStringsWithEscapesAfterAPlainPrefixDecodeCorrectly() throws {
        let plain = String(repeating: "abcdefgh", count: 100)
        let value = try JSONParser.parse("[\"\(plain)\\n\(plain)\", \"second\\t\"]")
        #expect(value == [.string(plain + "\n" + plain), "second\t"])
    }
}

@Suite("JSONParser rejects invalid JSON")
struct JSONParserInvalidTests {
    static let malformed: [(String, String)] = [
        ("", "unexpected end of input"),
        ("   ", "unexpected end of input"),
        ("[1,2", "unexpected end of input"),
        ("{\"a\":1", "unexpected end of input"),
        ("{\"a\":", "unexpected end of input"),
        ("[1] x", "unexpected data after JSON value"),
        ("{} {}", "unexpected data after JSON value"),
        ("1 2", "unexpected data after JSON value"),
        ("[1,]", "trailing comma before ']'"),
        ("{\"a\":1,}", "trailing comma before '}'"),
        ("[,1]", "expected a value, found ','"),
        ("{,\"a\":1}", "unexpected ','"),
        ("[1 2]", "expected ',' or ']' after array element"),
        ("{\"a\":1 \"b\":2}", "expected ',' or '}' after object member"),
        ("{\"a\" 1}", "expected ':' after object key"),
        ("{a:1}", "object keys must be double-quoted strings"),
        ("{1:1}", "object keys must be double-quoted strings"),
        ("['a']", "single-quoted strings are not allowed"),
        ("{'a':1}", "single-quoted strings are not allowed"),
        ("// c\n1", "comments are not allowed"),
        ("[1 /* c */]", "comments are not allowed"),
        ("[1, // c\n2]", "comments are not allowed"),
        ("NaN", "invalid literal 'NaN'"),
        ("[Infinity]", "invalid literal 'Infinity'"),
        ("-Infinity", "expected digit after '-'"),
        ("tru", "invalid literal 'tru'"),
        ("True", "invalid literal 'True'"),
        ("nul", "invalid literal 'nul'"),
        ("01", "leading zeros are not allowed"),
        ("-01", "leading zeros are not allowed"),
        ("[00]", "leading zeros are not allowed"),
        ("+1", "numbers must not start with '+'"),
        (".5", "numbers must start with a digit"),
        ("1.", "expected digit after decimal point"),
        ("1.e5", "expected digit after decimal point"),
        ("1e", "expected digit in exponent"),
        ("1e+", "expected digit in exponent"),
        ("-", "expected digit after '-'"),
        ("0x10", "unexpected data after JSON value"),
        ("\"abc", "unterminated string"),
        ("\"abc\\", "unterminated string"),
        ("\"a\nb\"", "control character U+000A in string must be escaped"),
        ("\"a\tb\"", "control character U+0009 in string must be escaped"),
        ("\"\u{0}\"", "control character U+0000 in string must be escaped"),
        ("\"\\x\"", "invalid escape '\\x'"),
        ("\"\\U0041\"", "invalid escape '\\U'"),
        ("\"\\u12\"", "invalid \\u escape"),
        ("\"\\u12G4\"", "invalid \\u escape"),
        ("\"\\ud800\"", "lone surrogate \\uD800"),
        ("\"\\ud800x\"", "lone surrogate \\uD800"),
        ("\"\\ud800\\u0041\"", "lone surrogate \\uD800"),
        ("\"\\udc00\"", "lone surrogate \\uDC00"),
        ("\"\\ude00\\ud83d\"", "lone surrogate \\uDE00"),
        ("]", "expected a value, found ']'"),
        ("{\"a\":}", "expected a value, found '}'"),
        ("[}", "expected a value, found '}'"),
        ("[é]", "expected a value, found U+00E9"),
    ]

    @Test("malformed documents fail with a specific message", arguments: malformed)
    func malformedDocumentsFailWithASpecificMessage(text: String, message: String) {
        let error = failure(text)
        #expect(error != nil, "accepted: \(text)")
        #expect(error?.message.contains(message) == true, "\(text): got \(error?.message ?? "no error")")
    }

    @Test("duplicate keys are rejected at the second key")
    func duplicateKeysAreRejectedAtTheSecondKey() throws {
        let text = "{\n  \"exp\": 1700000000,\n  \"exp\": 9999999999\n}"
        let error = try #require(failure(text))
        #expect(error.message == "duplicate key 'exp'")
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.offset == 25)
        #expect(error.description == "line 3, column 3: duplicate key 'exp'")
    }

    @Test("duplicate keys are rejected even when spelled with escapes")
    func duplicateKeysAreRejectedEvenWhenSpelledWithEscapes() {
        #expect(failure(#"{"exp":1,"\u0065xp":2}"#)?.message == "duplicate key 'exp'")
        #expect(failure(#"{"a":{"exp":1,"exp":2}}"#)?.message == "duplicate key 'exp'")
        #expect(failure(#"[{"exp":1},{"exp":2}]"#) == nil)
        #expect(failure(#"{"\u00e9":1,"e\u0301":2}"#)?.message.hasPrefix("duplicate key") == true)
    }

    @Test("a byte order mark gets a clear error")
    func aByteOrderMarkGetsAClearError() {
        #expect(failure(bytes: [0xEF, 0xBB, 0xBF] + Array("{}".utf8))?.message == "byte order mark before JSON")
        #expect(failure("\u{FEFF}{}")?.message == "byte order mark before JSON")
        #expect(failure(bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00])?.message.contains("UTF-16") == true)
    }

    @Test("invalid UTF-8 in strings is rejected", arguments: [
        [0xFF], [0xC0, 0xAF], [0xC3], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF0, 0x9F, 0x98], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ] as [[UInt8]])
    func invalidUTF8InStringsIsRejected(sequence: [UInt8]) throws {
        let bytes = Array("[\"ok".utf8) + sequence + Array("\"]".utf8)
        let error = try #require(failure(bytes: bytes))
        #expect(error.message == "invalid UTF-8 in string")
        #expect(error.offset == 4)
    }

    @Test("invalid UTF-8 outside strings is rejected")
    func invalidUTF8OutsideStringsIsRejected() {
        #expect(failure(bytes: [0x5B, 0xFF, 0x5D])?.message == "expected a value, found invalid UTF-8")
        #expect(failure(bytes: [0x31, 0x20, 0xFF])?.message == "unexpected data after JSON value")
    }

    @Test("100 000 nested brackets give the depth error quickly")
    func hundredThousandNestedBracketsGiveTheDepthErrorQuickly() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let error = try #require(failure(bytes: bytes))
        #expect(error.message == "nesting deeper than 64 levels")
        #expect(error.offset == 64)
        let objects = String(repeating: "{\"a\":", count: 100_000)
        #expect(failure(objects)?.message == "nesting deeper than 64 levels")
    }

    @Test("the depth limit is configurable")
    func theDepthLimitIsConfigurable() {
        let limits = JSONLimits(maxDepth: 2)
        #expect(failure("[[1]]", limits: limits) == nil)
        #expect(failure("[[[]]]", limits: limits)?.message == "nesting deeper than 2 levels")
        #expect(failure("[{}]", limits: JSONLimits(maxDepth: 1))?.message == "nesting deeper than 1 levels")
        #expect(failure("1", limits: JSONLimits(maxDepth: 0)) == nil)
        #expect(failure("[]", limits: JSONLimits(maxDepth: 0)) != nil)
    }

    @Test("input over the byte limit is rejected before parsing")
    func inputOverTheByteLimitIsRejectedBeforeParsing() throws {
        let limits = JSONLimits(maxBytes: 10)
        #expect(failure("[1,2,3,4]", limits: limits) == nil)
        let error = try #require(failure("[1,2,3,4,5]", limits: limits))
        #expect(error.message.contains("limit of 10 bytes"))
        #expect(error.offset == 0)
        #expect(JSONLimits.default == JSONLimits(maxDepth: 64, maxBytes: 16 * 1024 * 1024))
    }

    @Test("error positions count lines and columns from one")
    func errorPositionsCountLinesAndColumnsFromOne() throws {
        let error = try #require(failure("{\n  \"aé\": tru\n}"))
        #expect(error.line == 2)
        #expect(error.column == 9)
        let first = try #require(failure("x"))
        #expect((first.line, first.column, first.offset) == (1, 1, 0))
    }

    @Test("long or odd duplicate keys are shown safely")
    func longOrOddDuplicateKeysAreShownSafely() throws {
        let key = String(repeating: "k", count: 100)
        let error = try #require(failure("{\"\(key)\":1,\"\(key)\":2}"))
        #expect(error.message == "duplicate key '\(String(repeating: "k", count: 64))…'")
        #expect(failure(#"{"a\nb":1,"a\nb":2}"#)?.message == "duplicate key 'aU+000Ab'")
    }
}

@Suite("JSONParser line map")
struct JSONParserLineTests {
    @Test("every value is keyed by its JSON Pointer with its starting line")
    func everyValueIsKeyedByItsJSONPointerWithItsStartingLine() throws {
        let text = """
            {
              "name": "rule",
              "requirements": [
                { "kind": "role" },
                {
                  "kind": "scope",
                  "a/b": 1,
                  "t~": []
                }
              ]
            }
            """
        let (value, lines) = try JSONParser.parseWithLines(Array(text.utf8))
        #expect(value["name"] == "rule")
        #expect(lines == [
            "": 1,
            "/name": 2,
            "/requirements": 3,
            "/requirements/0": 4,
            "/requirements/0/kind": 4,
            "/requirements/1": 5,
            "/requirements/1/kind": 6,
            "/requirements/1/a~1b": 7,
            "/requirements/1/t~0": 8,
        ])
    }

    @Test("a scalar root maps only the empty pointer")
    func aScalarRootMapsOnlyTheEmptyPointer() throws {
        let (value, lines) = try JSONParser.parseWithLines(Array("\n\n  7".utf8))
        #expect(value == 7)
        #expect(lines == ["": 3])
    }

    @Test("errors from parseWithLines carry positions too")
    func errorsFromParseWithLinesCarryPositionsToo() {
        do {
            _ = try JSONParser.parseWithLines(Array("{\n\"a\":1,\n\"a\":2}".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.message == "duplicate key 'a'")
        }
    }
}
