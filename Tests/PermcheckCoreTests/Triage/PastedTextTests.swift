import Foundation
import Testing
@testable import PermcheckCore

/// Error text as tickets hold it: the error with something around it (issue 17).
@Suite struct PastedTextTests {
    static func parse(_ name: String) throws -> ObservedResponse {
        try ObservedResponse.parse(try ObservedResponseTests.fixture(name), source: "test")
    }

    struct Expected: Sendable, CustomTestStringConvertible {
        let file: String, kind: ObservedResponse.Kind, status: Int?, code: String?, meaning: String?, recognised: [String]
        var testDescription: String { file }
    }

    static let pastes: [Expected] = [
        Expected(file: "pasted-invoke-restmethod.txt", kind: .apiError, status: nil, code: "Unauthorized", meaning: nil,
                 recognised: ["a JSON error body on line 1, after 'Invoke-RestMethod:'"]),
        Expected(file: "pasted-403-line-then-json.txt", kind: .apiError, status: 403, code: "Authorization_RequestDenied", meaning: "authorization-request-denied",
                 recognised: ["a JSON error body on line 2", "a status line (HTTP 403) on line 1"]),
        Expected(file: "pasted-graph-api-call-result.txt", kind: .apiError, status: 403, code: "Forbidden", meaning: "ediscovery-case-type-not-supported",
                 recognised: ["a JSON error body on line 2, after 'Graph API call result:'"]),
        Expected(file: "pasted-powershell-sdk.txt", kind: .apiError, status: 403, code: "Authorization_RequestDenied", meaning: "authorization-request-denied",
                 recognised: ["SDK or exception error text (code, message, id fields) on lines 1, 4, 5, 11, 12", "HTTP 403 from 'Status: 403 (Forbidden)' line (SDK error text) on line 3"]),
        Expected(file: "pasted-dotnet-sdk.txt", kind: .apiError, status: 403, code: "ErrorAccessDenied", meaning: "exchange-error-access-denied",
                 recognised: ["SDK or exception error text (code, message, id fields) on lines 1, 2, 5, 6, 7", "HTTP 403 from 'Status Code: Forbidden' line (SDK error text) on line 13"]),
        Expected(file: "pasted-python-dict.txt", kind: .apiError, status: 403, code: "accessDenied", meaning: "sharepoint-access-denied",
                 recognised: ["a Python dict repr with an 'error' key on line 5, after 'Response body:'", "HTTP 403 from '403 Client Error' in the error text (Python requests) on line 4"]),
        Expected(file: "pasted-java-sdk.txt", kind: .apiError, status: 401, code: "InvalidAuthenticationToken", meaning: "invalid-authentication-token-audience",
                 recognised: ["SDK or exception error text (code, message, id fields) on lines 1, 2", "HTTP 401 from '401 :' line (Java SDK error text) on line 7"]),
        Expected(file: "pasted-js-sdk.txt", kind: .apiError, status: 403, code: "Authorization_RequestDenied", meaning: "authorization-request-denied",
                 recognised: ["a JSON error body on line 8, after 'body:'", "HTTP 403 from 'statusCode: 403' line (SDK error text) on line 4"]),
        Expected(file: "aadsts-50076-raw-newlines.json", kind: .tokenError, status: nil, code: "invalid_grant", meaning: "aadsts-50076",
                 recognised: ["a JSON error body on line 1 (raw line breaks inside its strings were read as \\n)", "AADSTS50076 in the text"]),
        Expected(file: "pasted-broken-json-aadsts.txt", kind: .tokenError, status: nil, code: nil, meaning: "aadsts-650052",
                 recognised: ["AADSTS650052 in the text"]),
        Expected(file: "idx14100.txt", kind: .apiError, status: 401, code: nil, meaning: "idx14100-not-a-jwt",
                 recognised: ["SDK or exception error text (code, message, id fields) on line 1"]),
    ]

    @Test(arguments: pastes)
    func eachKindOfPasteIsFoundAndSaysWhatWasRecognised(_ expected: Expected) throws {
        let response = try Self.parse(expected.file)
        #expect(response.kind == expected.kind)
        #expect(response.status == expected.status)
        #expect(response.code == expected.code)
        #expect(response.recognisedAs == expected.recognised)
        if let meaning = expected.meaning { #expect(response.meanings.first?.id == meaning, "\(response.meanings.map(\.id))") }
    }

    @Test func idsFromSDKTextAreKept() throws {
        let response = try Self.parse("pasted-powershell-sdk.txt")
        #expect(response.requestID == "44444444-5555-4666-8777-888888888888")
        #expect(response.clientRequestID == "44444444-5555-4666-8777-888888888889")
        #expect(response.date == "2026-11-03T09:31:16")
        #expect(response.message == "Insufficient privileges to complete the operation.")
    }

    @Test func theCAEDocsMultiLineChallengeKeepsErrorAndClaims() throws {
        let response = try Self.parse("cae-docs-layout.txt")
        #expect(response.status == 401 && response.statusBasis == "status line")
        #expect(response.challenge?.error == "insufficient_claims")
        #expect(response.challenge?.claimValues["nbf"] == "1604106651")
        #expect(response.challenge?.parameter("authorization_uri") == "https://login.windows.net/common/oauth2/authorize")
        #expect(response.challenge?.looksCut == nil)
        #expect(response.recognisedAs.last == "a WWW-Authenticate value on line 2 (4 lines joined)")
    }

    @Test func theClaimsChallengeDocsLayoutWithABlankLineAndSpacedEqualsIsRead() throws {
        let response = try Self.parse("claims-challenge-docs-layout.txt")
        #expect(response.status == 401)
        #expect(response.challenge?.claimValues["acrs"] == "c1")
    }

    @Test func anObsFoldedChallengeInARawResponseKeepsItsClaims() throws {
        let response = try Self.parse("cae-revoked-after-iat.http")
        #expect(response.challenge?.claimValues == ["nbf": "1793697300", "xms_caeerror": "10012"])
        #expect(response.challenge?.parameter("client_id") == "00000003-0000-0000-c000-000000000000")
    }

    @Test(arguments: [
        ("claims-challenge-cut.txt", "a quoted value ('claims') is not closed"),
        ("inline:Bearer error=\"insufficient_claims\", claims=\"eyJhY2Nlc3NfdG9rZW4iOnsi\"", "its 'claims' value does not decode"),
    ])
    func aCutChallengeSaysSo(_ source: String, _ reason: String) throws {
        let text = source.hasPrefix("inline:") ? String(source.dropFirst(7)) : try ObservedResponseTests.fixture(source)
        let response = try ObservedResponse.parse(text, source: "test")
        #expect(response.challenge?.looksCut?.hasPrefix(reason) == true, "\(response.challenge?.looksCut ?? "nil")")
    }

    @Test func aJSONBodyHeldAsAStringInsideAnotherJSONObjectIsFound() throws {
        let text = #"log: {"statusCode":403,"body":"{\"error\":{\"code\":\"accessDenied\",\"message\":\"Access denied\"}}"}"#
        let response = try ObservedResponse.parse(text, source: "test")
        #expect(response.code == "accessDenied")
        #expect(response.recognisedAs == ["a JSON error body on line 1, after 'log:' (found as a JSON string inside another JSON object)"])
    }

    @Test func aClaimsValueWrappedOverLinesStillDecodes() throws {
        let text = "WWW-Authenticate: Bearer error=\"insufficient_claims\", claims=\"eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJlc3Nl\n  bnRpYWwiOnRydWUsInZhbHVlIjoiYzEifX19\""
        let response = try ObservedResponse.parse(text, source: "test")
        #expect(response.challenge?.claimValues["acrs"] == "c1")
        #expect(response.challenge?.looksCut == nil)
    }

    @Test(arguments: ["not-an-error.txt", "inline:Status report: all good, see {the wiki}", "inline:403 apples were delivered"])
    func textWithNoneOfThePartsIsStillAnInputError(_ source: String) throws {
        let text = source.hasPrefix("inline:") ? String(source.dropFirst(7)) : try ObservedResponseTests.fixture(source)
        #expect(throws: PermcheckError.self) { _ = try ObservedResponse.parse(text, source: "test") }
    }

    @Test(arguments: [
        ("paymentRequired" as String?, nil as String?, "payment-required", 402),
        ("Unauthorized", "Not authorized to access account", "purview-not-authorized-to-access-account", 403),
        ("InvalidCloudInstance", nil, "invalid-cloud-instance", 401),
        ("ErrorAccessDenied", "Access to OData is disabled.", "exchange-access-to-odata-disabled", 403),
        ("accessDenied", "Access denied", "sharepoint-access-denied", 403),
        ("Forbidden", "Request for case type  is not supported", "ediscovery-case-type-not-supported", 403),
        ("Authorization_RequestDenied", "Insufficient privileges to complete the operation.", "authorization-request-denied", 403),
        (nil, "Insufficient privileges to complete the operation.", "insufficient-privileges", 403),
        (nil, "IDX14100: JWT is not well formed, there are no dots (.).", "idx14100-not-a-jwt", 401),
    ])
    func theErrorsPeopleSeeHaveMeanings(code: String?, message: String?, id: String, status: Int) throws {
        let entry = try #require(ErrorCatalog.shared.entry(code: code, message: message))
        #expect(entry.id == id)
        #expect(entry.status == status)
        #expect(entry.sources.contains { $0.hasPrefix("https://learn.microsoft.com/") })
    }

    @Test func authorizationRequestDeniedPointsAtTheUsersRoleAndTheAppsPermission() throws {
        let meaning = try #require(ErrorCatalog.shared.entry(code: "Authorization_RequestDenied", message: nil)).meaning
        #expect(meaning.contains("Entra directory role") && meaning.contains("directoryRole") && meaning.contains("delegated permission"))
    }

    @Test func aadsts650052IsInTheTable() {
        #expect(ErrorCatalog.shared.entry(aadsts: 650052)?.confidence == .documented)
    }
}
