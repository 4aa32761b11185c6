import Foundation
import Testing
@testable import PermcheckCore

@Suite struct ObservedResponseTests {
    static func fixture(_ name: String) throws -> String {
        String(decoding: try TestSupport.fixture("fixtures/responses/\(name)"), as: UTF8.self)
    }

    @Test func aGraphErrorBodyGivesCodeMessageIdsAndAnImpliedStatus() throws {
        let response = try ObservedResponse.parse(try Self.fixture("download-401.json"), source: "test")
        #expect(response.kind == .apiError)
        #expect(response.code == "InvalidAuthenticationToken")
        #expect(response.requestID == "5b0c2f7e-1111-4a2b-9c3d-0a1b2c3d4e5f")
        #expect(response.date == "2026-11-03T09:14:27")
        #expect(response.status == 401)
        #expect(response.statusBasis?.contains("no status line") == true)
        #expect(response.meanings.first?.id == "invalid-authentication-token-audience")
    }

    @Test func aRawResponseTakesItsStatusLineAndChallenge() throws {
        let response = try ObservedResponse.parse(try Self.fixture("download-401.http"), source: "test")
        #expect(response.status == 401 && response.statusBasis == "status line")
        #expect(response.challenge?.error == "invalid_token")
        #expect(response.challenge?.authorityCloud?.cloud == .global)
        #expect(response.meanings.map(\.id) == ["invalid-authentication-token-audience", "challenge-invalid-token"])
    }

    @Test func anAuthContextClaimsChallengeIsDecodedAndExplained() throws {
        let response = try ObservedResponse.parse(try Self.fixture("claims-challenge-acrs.txt"), source: "test")
        #expect(response.kind == .challenge)
        #expect(response.challenge?.decodedClaims == #"{"access_token":{"acrs":{"essential":true,"value":"c1"}}}"#)
        #expect(response.meanings.map(\.id) == ["challenge-insufficient-claims", "claims-acrs"])
    }

    @Test func aCAERevocationChallengeIsExplainedAsRevocation() throws {
        let response = try ObservedResponse.parse(try Self.fixture("cae-revoked.txt"), source: "test")
        #expect(response.challenge?.claimsKeys == ["nbf"])
        #expect(response.challenge?.errorDescription == "User session has been revoked")
        #expect(response.meanings.contains { $0.id == "claims-nbf" })
    }

    @Test(arguments: [("global", Cloud.global), ("gcc-high", .gccHigh), ("dod", .gccHigh), ("china", .china)])
    func eachCloudsChallengeNamesItsTokenService(file: String, cloud: Cloud) throws {
        let response = try ObservedResponse.parse(try Self.fixture("www-authenticate-\(file).txt"), source: "test")
        #expect(response.challenge?.authorityCloud?.cloud == cloud)
        #expect(response.status == 401)
    }

    @Test func aTokenEndpointErrorIsATokenErrorWithoutAnEvaluationStatus() throws {
        let response = try ObservedResponse.parse(try Self.fixture("aadsts-9002326.json"), source: "test")
        #expect(response.kind == .tokenError)
        #expect(response.aadstsCodes == [9002326])
        #expect(response.evaluationStatus == nil)
        #expect(response.correlationID == "cabc0d01-0000-4b44-90b8-b182c1f21e1b")
        #expect(response.message?.contains("Trace ID") == false)
        #expect(response.meanings.first?.fix?.contains("Origin") == true)
    }

    @Test func pastedAADSTSTextIsReadAsATokenError() throws {
        let response = try ObservedResponse.parse(try Self.fixture("aadsts-65001.txt"), source: "test")
        #expect(response.kind == .tokenError)
        #expect(response.meanings.map(\.id) == ["aadsts-65001"])
    }

    @Test func anUnknownAADSTSCodeLinksMicrosoftsLookupPage() throws {
        let response = try ObservedResponse.parse("AADSTS123456789: something new", source: "test")
        #expect(response.meanings.first?.meaning.contains("https://login.microsoftonline.com/error?code=123456789") == true)
    }

    @Test func theMostSpecificMeaningWinsForACode() throws {
        let expired = try ObservedResponse.parse(#"{"error":{"code":"InvalidAuthenticationToken","message":"Lifetime validation failed, the token is expired."}}"#, source: "t")
        let generic = try ObservedResponse.parse(#"{"error":{"code":"InvalidAuthenticationToken","message":"Something else."}}"#, source: "t")
        #expect(expired.meanings.map(\.id) == ["invalid-authentication-token-expired"])
        #expect(generic.meanings.map(\.id) == ["invalid-authentication-token"])
    }

    @Test(arguments: ["", "{\"value\": []}", "{not json", "hello world", "HTTP/1.1 abc"])
    func unrecognisedResponsesAreInputErrors(text: String) {
        #expect(throws: PermcheckError.self) { _ = try ObservedResponse.parse(text, source: "test") }
    }
}

@Suite struct ErrorCatalogTests {
    @Test func everyEntryHasAnIdMeaningAndSourceAndIdsAreUnique() {
        let entries = ErrorCatalog.shared.entries
        #expect(entries.count >= 25)
        #expect(Set(entries.map(\.id)).count == entries.count)
        for entry in entries { #expect(!entry.sources.isEmpty, "\(entry.id) has no source") }
    }

    @Test(arguments: [9002326, 9002327, 65001, 700016, 50020, 53003, 70011, 50076, 500011, 90002, 7000215, 7000222, 700022])
    func theAADSTSCodesTicketsQuoteAreInTheTable(code: Int) {
        #expect(ErrorCatalog.shared.entry(aadsts: code) != nil)
    }

    @Test(arguments: ["InvalidAuthenticationToken", "Authorization_RequestDenied", "accessDenied", "NoPermissionsInAccessToken", "unauthenticated"])
    func theGraphErrorCodesAreInTheTable(code: String) {
        #expect(ErrorCatalog.shared.entry(code: code, message: nil) != nil)
    }
}
