import Foundation
import Testing
@testable import PermcheckCore

/// A tiny deterministic generator (SplitMix64) so failures reproduce.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func hasOverflowingNumber(_ value: JSONValue) -> Bool {
    switch value {
    case .number(let n): return n.double == nil
    case .array(let a): return a.contains(where: hasOverflowingNumber)
    case .object(let o): return o.values.contains(where: hasOverflowingNumber)
    default: return false
    }
}

@Suite("JSONParser robustness")
struct JSONParserRobustnessTests {
    static let corpus: [String] = [
        #"{"a":{"b":{"c":1},"d":2},"e":[{"f":{}}],"g":3}"#,
        #"{"aud":"api://x","exp":1700003600,"roles":["A","B"],"name":"J\u00f6rg \ud83d\ude00","ok":true,"n":null}"#,
        #"[1,-2.5e+3,0,"\\\"\/\b\f\n\r\t",[],{},[[{"k":[false]}]]]"#,
        "{\n  \"requirements\": [\n    { \"kind\": \"role\", \"value\": \"Mail.Send\" }\n  ]\n}",
    ]

    @Test("nested objects inside objects keep their members")
    func nestedObjectsInsideObjectsKeepTheirMembers() throws {
        #expect(try JSONParser.parse(Self.corpus[0]) == [
            "a": ["b": ["c": 1], "d": 2], "e": [["f": [:]]], "g": 3,
        ])
    }

    @Test("randomly mutated documents never crash and are never looser than Foundation")
    func randomlyMutatedDocumentsNeverCrashAndAreNeverLooserThanFoundation() {
        var rng = SplitMix64(state: 0x5EED)
        let interesting: [UInt8] = Array("{}[]\",:\\/ \n0123456789-+.eEtrufalsn'".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xED, 0xEF, 0xFF]
        var accepted = 0
        for iteration in 0..<4000 {
            var bytes = Array(Self.corpus[iteration % Self.corpus.count].utf8)
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                let b = Bool.random(using: &rng) ? interesting.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[i] = b
                case 1: bytes.insert(b, at: i)
                default: if bytes.count > 1 { bytes.remove(at: i) }
                }
            }
            guard let value = try? JSONParser.parse(bytes) else { continue }
            accepted += 1
            let foundation = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            // Foundation rejects numbers that overflow Double; we keep their text by design.
            #expect(foundation != nil || hasOverflowingNumber(value), "accepted what Foundation rejects: \(String(decoding: bytes, as: UTF8.self))")
            // Whatever we accept must survive a write/parse round trip unchanged.
            #expect((try? JSONParser.parse(JSONWriter.write(value))) == value)
        }
        #expect(accepted > 100)
    }

    @Test("random bytes never crash the parser")
    func randomBytesNeverCrashTheParser() {
        var rng = SplitMix64(state: 42)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = try? JSONParser.parse(bytes)
            _ = try? JSONParser.parseWithLines(bytes)
        }
    }
}
