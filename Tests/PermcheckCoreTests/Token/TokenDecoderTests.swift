import Foundation
import Testing
@testable import PermcheckCore

@Suite struct TokenDecoderTests {
    let payload = #"{"aud":"https://graph.microsoft.com","iss":"https://sts.windows.net/aaaabbbb-0000-4000-8000-00000000cafe/","scp":"User.Read Mail.Send","upn":"u@contoso.example","oid":"11111111-1111-4111-8111-111111111111","exp":1793700900,"iat":1793696400,"ver":"1.0"}"#

    @Test func aCompactTokenDecodesItsClaims() throws {
        let token = try TestSupport.decode(TestSupport.token(payload: payload))
        #expect(token.claims.audience == "https://graph.microsoft.com")
        #expect(token.claims.scopes == ["User.Read", "Mail.Send"])
        #expect(token.principal.kind == .user)
        #expect(token.cloud.cloud == .global)
        #expect(token.version == "1.0")
        #expect(token.fingerprint.hasPrefix("sha256:") && token.fingerprint.count == 19)
    }

    @Test(arguments: ["Bearer %@", "  %@\n", "bearer\t%@", "{\"accessToken\": \"%@\", \"expiresOn\": \"2026-11-03\"}", "{\"access_token\":\"%@\",\"token_type\":\"Bearer\"}", "\u{FEFF}%@\r\n"])
    func theFormsUsersPasteAreAccepted(_ template: String) throws {
        let text = template.replacingOccurrences(of: "%@", with: TestSupport.token(payload: payload))
        let token = try TestSupport.decode(text)
        #expect(token.claims.username == "u@contoso.example")
    }

    @Test func aTokenWrappedOverLinesIsAccepted() throws {
        var text = TestSupport.token(payload: payload)
        text.insert("\n", at: text.index(text.startIndex, offsetBy: 40))
        #expect(try TestSupport.decode(text).claims.objectID == "11111111-1111-4111-8111-111111111111")
    }

    @Test func theFingerprintIsStableAndNeverTheToken() throws {
        let text = TestSupport.token(payload: payload)
        let first = try TestSupport.decode(text), second = try TestSupport.decode("Bearer " + text)
        #expect(first.fingerprint == second.fingerprint)
        #expect(!text.contains(first.fingerprint.dropFirst(7)))
    }

    @Test(arguments: [
        ("", "empty"),
        ("abc", "1 segment"),
        ("a.b", "2 segments"),
        ("a.b.c.d", "4 segments"),
        ("a.b.c.d.e", "encrypted token (JWE)"),
        ("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBo...", "this token was shortened (contains '...')"),
        ("eyJ0eXAiOiJKV1Qi…", "this token was shortened (contains '...')"),
    ])
    func malformedShapesAreNamed(_ input: String, _ expected: String) {
        #expect { try TestSupport.decode(input) } throws: { error in
            (error as? PermcheckError)?.message.contains(expected) == true
        }
    }

    @Test func standardBase64IsReportedAsSuch() {
        let text = "eyJhbGciOiJSUzI1NiJ9+/.eyJhIjoxfQ.c2ln"
        #expect { try TestSupport.decode(text) } throws: { error in
            guard case .tokenMalformed(_, let part, let detail)? = error as? PermcheckError else { return false }
            return part == "header" && detail.contains("standard base64")
        }
    }

    @Test func aJSONArrayPayloadIsRejected() {
        #expect { try TestSupport.decode(TestSupport.token(payload: "[1,2]")) } throws: { error in
            (error as? PermcheckError)?.message.contains("expected an object") == true
        }
    }

    @Test func duplicateClaimsAreRejected() {
        #expect { try TestSupport.decode(TestSupport.token(payload: #"{"exp":1,"exp":2}"#)) } throws: { error in
            (error as? PermcheckError)?.message.contains("duplicate key 'exp'") == true
        }
    }

    @Test(arguments: [
        (#"{"scp":["User.Read"]}"#, "scp"),
        (#"{"roles":"User.Read.All"}"#, "roles"),
        (#"{"exp":"1793700900"}"#, "exp"),
        (#"{"exp":1e309}"#, "exp"),
        (#"{"exp":170000000000000000000000}"#, "exp"),
        (#"{"wids":[1,2]}"#, "wids"),
        (#"{"aud":5}"#, "aud"),
    ])
    func claimsOfTheWrongTypeAreReportedNotCoerced(_ payload: String, _ claim: String) {
        #expect { try TestSupport.decode(TestSupport.token(payload: payload)) } throws: { error in
            guard case .claimInvalid(_, let name, _)? = error as? PermcheckError else { return false }
            return name == claim
        }
    }

    @Test func aJSONResponseWithABadAccessTokenIsNamed() {
        #expect { try TestSupport.decode(#"{"access_token": 42}"#) } throws: { error in
            (error as? PermcheckError)?.message.contains("'access_token' is a number") == true
        }
    }

    @Test func tokensLargerThanTheLimitAreRefusedQuickly() {
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: InputLimits.tokenBytes + 1)
        #expect(throws: PermcheckError.self) { try TokenDecoder.decode(huge, source: "test") }
    }
}

@Suite struct PrincipalAndCloudTests {
    func claims(_ json: String) throws -> Claims {
        guard case .object(let object) = try JSONParser.parse(json) else { throw PermcheckError.usage("not an object") }
        return try Claims(payload: object, source: "test")
    }

    @Test func idtypAppMakesAnApplication() throws {
        #expect(Principal(claims: try claims(#"{"idtyp":"app","roles":["x"]}"#)).kind == .application)
    }

    @Test func rolesWithoutUserClaimsMakeAnApplication() throws {
        #expect(Principal(claims: try claims(#"{"roles":["x"],"oid":"o"}"#)).kind == .application)
    }

    @Test func scopesMakeAUser() throws {
        #expect(Principal(claims: try claims(#"{"scp":"User.Read"}"#)).kind == .user)
    }

    @Test func theConsumerTenantIsAPersonalAccount() throws {
        #expect(Principal(claims: try claims(#"{"scp":"User.Read","tid":"9188040d-6c67-4c5b-b112-36a304b66dad"}"#)).isPersonalAccount)
    }

    @Test(arguments: [
        (#"{"iss":"https://sts.windows.net/t/"}"#, Cloud.global),
        (#"{"iss":"https://sts.windows.net/t/","tenant_region_sub_scope":"GCC"}"#, Cloud.gcc),
        (#"{"iss":"https://login.microsoftonline.us/t/v2.0"}"#, Cloud.gccHigh),
        (#"{"iss":"https://login.microsoftonline.us/t/v2.0","aud":"https://dod-graph.microsoft.us"}"#, Cloud.dod),
        (#"{"iss":"https://sts.windows.net/t/","aud":"https://graph.microsoft.us"}"#, Cloud.gccHigh),
        (#"{"iss":"https://sts.chinacloudapi.cn/t/"}"#, Cloud.china),
    ])
    func theCloudComesFromIssuerRegionAndAudience(_ json: String, _ expected: Cloud) throws {
        #expect(CloudDetection.detect(try claims(json)).cloud == expected)
    }
}

@Suite struct IDTokenTests {
    func token(_ payload: String) throws -> AccessToken { try TestSupport.decode(TestSupport.token(payload: payload)) }

    @Test(arguments: [
        (#"{"aud":"c11e0000-0000-4000-8000-00000000a11e","iss":"https://login.microsoftonline.com/t/v2.0","nonce":"n","ver":"2.0","oid":"1"}"#, "'nonce'"),
        (#"{"aud":"c11e0000-0000-4000-8000-00000000a11e","azp":"c11e0000-0000-4000-8000-00000000a11e","ver":"2.0","oid":"1"}"#, "= azp"),
        (#"{"aud":"c11e0000-0000-4000-8000-00000000a11e","iss":"https://sts.windows.net/t/","ver":"1.0","upn":"u@x.example"}"#, "no 'appid'/'azp'"),
    ])
    func idTokensAreNamedWithTheirBasis(_ payload: String, _ basis: String) throws {
        let basisText = try #require(try token(payload).idTokenBasis)
        #expect(basisText.contains(basis))
    }

    @Test(arguments: [
        #"{"aud":"https://graph.microsoft.com","appid":"c11e0000-0000-4000-8000-00000000a11e","scp":"User.Read","ver":"1.0"}"#,
        #"{"aud":"00000003-0000-0000-c000-000000000000","azp":"c11e0000-0000-4000-8000-00000000a11e","ver":"2.0","idtyp":"app"}"#,
        #"{"aud":"api://my-api","appid":"c11e0000-0000-4000-8000-00000000a11e","roles":["Data.Read"],"ver":"1.0"}"#,
    ])
    func accessTokensAreNotIDTokens(_ payload: String) throws {
        #expect(try token(payload).idTokenBasis == nil)
    }
}
