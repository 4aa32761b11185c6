/// A JSON value as defined by RFC 8259.
///
/// Objects are unordered (`[String: JSONValue]`); `JSONParser` rejects duplicate keys, so no information
/// is lost when a document is parsed into this type. Numbers keep their literal text (see `JSONNumber`).
///
/// Literal conformances let code and tests write values directly:
/// `let v: JSONValue = ["a": 1, "b": ["x"], "c": nil, "d": true]`.
public enum JSONValue: Sendable, Hashable {
    /// The JSON `null` literal.
    case null
    /// A JSON `true` or `false`.
    case bool(Bool)
    /// A JSON number, kept as its literal text.
    case number(JSONNumber)
    /// A JSON string.
    case string(String)
    /// A JSON array.
    case array([JSONValue])
    /// A JSON object. Keys are unique.
    case object([String: JSONValue])
}

extension JSONValue {
    /// The string if this is `.string`, otherwise `nil`.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The elements if this is `.array`, otherwise `nil`.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The members if this is `.object`, otherwise `nil`.
    public var objectValue: [String: JSONValue]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The boolean if this is `.bool`, otherwise `nil`.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The number if this is `.number`, otherwise `nil`.
    public var numberValue: JSONNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// `true` if this is `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The member named `key` if this is an object that has it; `nil` otherwise (including for non-objects).
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The JSON type name for error messages: "null", "boolean", "number", "string", "array" or "object".
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral {
    /// Creates `.null` from `nil`.
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// Creates `.bool` from a boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// Creates `.number` from an integer literal.
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// Creates `.string` from a string literal.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// Creates `.array` from an array literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// Creates `.object` from a dictionary literal. If a key repeats, the last value wins.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// A JSON number, stored as the literal text exactly as written (e.g. `"1e309"`, `"17000000000000000000000"`).
///
/// Keeping the text means nothing is lost to rounding or overflow; callers choose an interpretation
/// (`int64`, `double`) and can report the original literal when it does not fit.
/// Equality compares the text, so `1.0` and `1` are different numbers.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The literal exactly as written in the source document.
    public let text: String

    /// Wraps a literal. The text is not validated: `JSONParser` only produces valid RFC 8259 number
    /// literals, and `JSONWriter` prints `text` verbatim, so pass only valid literals here.
    public init(_ text: String) { self.text = text }

    /// Creates a number from an integer.
    public init(_ value: Int) { self.text = String(value) }

    /// The value as a `Double`, or `nil` if it is not finite (e.g. `1e309` overflows) or the text is not a number.
    public var double: Double? {
        guard let d = Double(text), d.isFinite else { return nil }
        return d
    }

    /// The exact value if the literal is an integer (no fraction, no exponent) that fits in `Int64`; otherwise `nil`.
    /// `"3.0"` and `"3e0"` give `nil`.
    public var int64: Int64? {
        var sawDigit = false
        for (i, b) in text.utf8.enumerated() {
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                sawDigit = true
            } else if !(i == 0 && b == UInt8(ascii: "-")) {
                return nil
            }
        }
        guard sawDigit else { return nil }
        return Int64(text)
    }

    /// The literal text.
    public var description: String { text }
}
