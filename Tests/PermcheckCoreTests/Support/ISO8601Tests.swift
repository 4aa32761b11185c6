import Foundation
import Testing
@testable import PermcheckCore

@Suite("ISO8601")
struct ISO8601Tests {
    /// 2026-11-03T09:14:27Z
    static let reference = 1_793_697_267.0

    static let accepted: [(String, Double)] = [
        ("2026-11-03T09:14:27Z", reference),
        ("2026-11-03t09:14:27z", reference),
        ("2026-11-03 09:14:27Z", reference),
        ("2026-11-03T09:14:27", reference),
        ("  2026-11-03T09:14:27Z\n", reference),
        ("2026-11-03T09:14:27.5Z", reference + 0.5),
        ("2026-11-03T09:14:27.1234567Z", reference + 0.1234567),
        ("2026-11-03T10:14:27+01:00", reference),
        ("2026-11-03T10:14:27.000+0100", reference),
        ("2026-11-03T10:14:27+01", reference),
        ("2026-11-03T03:44:27-05:30", reference),
        ("2026-11-03T09:14:27+00:00", reference),
        ("2026-11-03T09:14Z", 1_793_697_240),
        ("2026-11-03", 1_793_664_000),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59Z", -1),
        ("2024-02-29T00:00:00Z", 1_709_164_800),
        ("2000-02-29", 951_782_400),
        ("/Date(1700000000000)/", 1_700_000_000),
        ("/Date(1700000000123)/", 1_700_000_000.123),
        ("/Date(1700000000000+0000)/", 1_700_000_000),
        ("/Date(1700000000000-0500)/", 1_700_000_000),
        ("/Date(-1000)/", -1),
    ]

    @Test("accepted forms give the expected instant", arguments: accepted)
    func acceptedFormsGiveTheExpectedInstant(text: String, seconds: Double) throws {
        let date = try #require(ISO8601.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 1e-6, "\(text)")
    }

    @Test("invalid or out-of-range text gives nil", arguments: [
        "", "   ", "2026", "2026-11", "2026-13-03", "2026-00-03", "2026-11-31", "2026-02-29", "1900-02-29",
        "2026-11-00", "2026-11-03T24:00:00Z", "2026-11-03T09:60:00Z", "2026-11-03T09:14:60Z",
        "2026-11-03T09:14:27+24:00", "2026-11-03T09:14:27+01:60", "2026-11-03T09:14:27X", "2026-11-03T09:14:27Zjunk",
        "2026-11-03T09:14:27.Z", "2026-11-03T9:14:27Z", "26-11-03", "2026/11/03", "2026-11-03T", "2026-11-03T09",
        "2026-11-03T09:14:27+1", "２０２６-11-03", "/Date()/", "/Date(abc)/", "/Date(1700000000000+00)/",
        "/Date(1700000000000)", "Date(1700000000000)/", "/Date(99999999999999999999)/", "/Date(-)/",
        "2026-11-03T09:14:27 Z",
    ])
    func invalidOrOutOfRangeTextGivesNil(text: String) {
        #expect(ISO8601.parse(text) == nil, "\(text)")
    }

    @Test("a time a person gives needs a time and a zone", arguments: [
        ("2026-11-03T09:14:27Z", nil), ("2026-11-03T09:14:27+01:00", nil), ("2026-11-03 09:14-0530", nil), ("/Date(1700000000000)/", nil),
        ("2026-11-03T09:14:27", "has no time zone; give a zone: 2026-11-03T09:14:27Z (UTC) or an offset such as +01:00"),
        ("2026-11-03", "has no time; give a time and a zone: 2026-11-03T09:30:00Z"),
        ("tomorrow", "is not an ISO 8601 time such as 2026-11-03T09:30:00Z"),
    ] as [(String, String?)])
    func instants(text: String, problem: String?) {
        #expect(ISO8601.instantProblem(text) == problem)
        #expect((ISO8601.parseInstant(text) == nil) == (problem != nil))
        if problem == nil { #expect(ISO8601.parseInstant(text) == ISO8601.parse(text)) }
    }

    @Test("format gives UTC whole seconds")
    func formatGivesUTCWholeSeconds() {
        #expect(ISO8601.format(Date(timeIntervalSince1970: Self.reference)) == "2026-11-03T09:14:27Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: Self.reference + 0.999)) == "2026-11-03T09:14:27Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }

    @Test("format handles extreme and non-finite dates without crashing")
    func formatHandlesExtremeAndNonFiniteDatesWithoutCrashing() {
        #expect(ISO8601.format(Date(timeIntervalSince1970: 253_402_300_800)) == "+10000-01-01T00:00:00Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: -62_167_219_201)) == "-0001-12-31T23:59:59Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: .infinity)) == "invalid date")
        #expect(ISO8601.format(Date(timeIntervalSince1970: .nan)) == "invalid date")
        #expect(ISO8601.format(Date(timeIntervalSince1970: 1e300)) == "invalid date")
        #expect(ISO8601.format(.distantFuture) == "4001-01-01T00:00:00Z")
    }

    @Test("format and parse round-trip across eras")
    func formatAndParseRoundTripAcrossEras() throws {
        for seconds in stride(from: -62_135_596_800.0, through: 253_402_300_799, by: 7_777_777_7.0) {
            let text = ISO8601.format(Date(timeIntervalSince1970: seconds))
            let parsed = try #require(ISO8601.parse(text), "\(text)")
            #expect(parsed.timeIntervalSince1970 == seconds, "\(text)")
        }
    }
}
