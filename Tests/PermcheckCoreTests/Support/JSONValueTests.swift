import Testing
@testable import PermcheckCore

@Suite("JSONValue")
struct JSONValueTests {
    @Test("literals build the expected cases")
    func literalsBuildTheExpectedCases() {
        let v: JSONValue = ["a": 1, "b": ["x", true, nil], "c": "s"]
        #expect(v == .object([
            "a": .number(JSONNumber("1")),
            "b": .array([.string("x"), .bool(true), .null]),
            "c": .string("s"),
        ]))
    }

    @Test("accessors return the payload only for the matching case")
    func accessorsReturnThePayloadOnlyForTheMatchingCase() {
        let v: JSONValue = ["s": "x", "n": 5, "b": false, "a": [1], "o": ["k": nil]]
        #expect(v["s"]?.stringValue == "x")
        #expect(v["n"]?.numberValue?.int64 == 5)
        #expect(v["b"]?.boolValue == false)
        #expect(v["a"]?.arrayValue == [1])
        #expect(v["o"]?.objectValue == ["k": .null])
        #expect(v["o"]?["k"]?.isNull == true)
        #expect(v["s"]?.numberValue == nil)
        #expect(v["n"]?.stringValue == nil)
        #expect(v["missing"] == nil)
        #expect(JSONValue.string("x")["k"] == nil)
        #expect(JSONValue.array([1])["0"] == nil)
    }

    @Test("type names match JSON vocabulary")
    func typeNamesMatchJSONVocabulary() {
        let values: [JSONValue] = [nil, true, 1, "s", [], [:]]
        #expect(values.map(\.typeName) == ["null", "boolean", "number", "string", "array", "object"])
    }

    @Test("int64 is exact for integer literals that fit")
    func int64IsExactForIntegerLiteralsThatFit() {
        #expect(JSONNumber("0").int64 == 0)
        #expect(JSONNumber("-0").int64 == 0)
        #expect(JSONNumber("1700000000").int64 == 1_700_000_000)
        #expect(JSONNumber("9223372036854775807").int64 == Int64.max)
        #expect(JSONNumber("-9223372036854775808").int64 == Int64.min)
        #expect(JSONNumber(42).int64 == 42)
    }

    @Test("int64 is nil for fractions, exponents and overflow")
    func int64IsNilForFractionsExponentsAndOverflow() {
        #expect(JSONNumber("3.0").int64 == nil)
        #expect(JSONNumber("3e0").int64 == nil)
        #expect(JSONNumber("9223372036854775808").int64 == nil)
        #expect(JSONNumber("17000000000000000000000").int64 == nil)
        #expect(JSONNumber("-").int64 == nil)
        #expect(JSONNumber("").int64 == nil)
    }

    @Test("double is nil when the value is not finite")
    func doubleIsNilWhenTheValueIsNotFinite() {
        #expect(JSONNumber("1e309").double == nil)
        #expect(JSONNumber("-1e309").double == nil)
        #expect(JSONNumber("1.5").double == 1.5)
        #expect(JSONNumber("17000000000000000000000").double == 1.7e22)
        #expect(JSONNumber("1e-400").double == 0)
    }

    @Test("numbers compare by literal text")
    func numbersCompareByLiteralText() {
        #expect(JSONNumber("1") == JSONNumber(1))
        #expect(JSONNumber("1.0") != JSONNumber("1"))
        #expect(JSONNumber("1e309").text == "1e309")
    }
}
