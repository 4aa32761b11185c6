import Foundation
import Testing
@testable import PermcheckCore

/// The hand-written finders must find what the regular expressions they replaced found.
@Suite struct PersonalDataScannerTests {
    static let samples = [
        "user megan.manager@contoso-gcc.example via app x · case 'C'",
        "a.b+c@sub.domain.co.uk, x@y.z, no-at-here, @nothing.com, trail@host.",
        "ids 11111111-1111-4111-8111-111111111111 and X11111111-1111-4111-8111-111111111111 and 11111111-1111-4111-8111-1111111111112",
        "(b26e684c-5068-4120-a679-64a5d2c909d9) 'aaaabbbb-0000-4000-8000-00000000cafe'",
        "ipaddr 203.0.113.10, version 1.2.3, 1.2.3.4.5, 999.1.1.1x, a1.2.3.4",
        "{\"upn\":\"u@x.example\",\"ip\":\"10.0.0.1\"}",
        "Renée ‘megan.manager@contoso-gcc.example’ 10.1.2.3",
    ]

    func regexRanges(_ pattern: String, _ text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    func scanned(_ finder: ([UInt8]) -> [Range<Int>], _ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return finder(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test(arguments: samples)
    func emailFinderAgreesWithTheRegularExpression(_ text: String) throws {
        #expect(scanned(PersonalDataScanner.emails, text) == (try regexRanges(#"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#, text)))
    }

    @Test(arguments: samples)
    func guidFinderAgreesWithTheRegularExpression(_ text: String) throws {
        #expect(scanned(PersonalDataScanner.guids, text) == (try regexRanges(#"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"#, text)))
    }

    @Test(arguments: samples)
    func ipv4FinderAgreesWithTheRegularExpression(_ text: String) throws {
        #expect(scanned(PersonalDataScanner.ipv4Addresses, text) == (try regexRanges(#"\b(?:\d{1,3}\.){3}\d{1,3}\b"#, text)))
    }

    @Test func wholeWordReplacementLeavesLongerWordsAlone() {
        #expect(PersonalDataScanner.replaceWholeWords("Admin", with: "name-1", in: "Ada Admin is an eDiscovery Administrator; Admin-x; (Admin)")
                == "Ada name-1 is an eDiscovery Administrator; Admin-x; (name-1)")
    }
}
