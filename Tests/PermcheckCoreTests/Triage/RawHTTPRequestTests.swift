import Foundation
import Testing
@testable import PermcheckCore

@Suite struct RawHTTPRequestTests {
    static let token = TestSupport.token(payload: #"{"aud":"https://graph.microsoft.com","exp":2000000000}"#)

    @Test func anAbsoluteRequestLineWithCRLFGivesMethodURLAndHeaders() throws {
        let text = "GET https://graph.microsoft.com/v1.0/me?$select=id HTTP/1.1\r\nHost: graph.microsoft.com\r\nX-AllowWithAADToken: true\r\n\r\n"
        let request = try RawHTTPRequest.parse(text, source: "test")
        #expect(request.requestLine == "GET https://graph.microsoft.com/v1.0/me?$select=id")
        #expect(request.contextHeaders.map(\.name) == ["Host", "X-AllowWithAADToken"])
        #expect(request.contextHeaders.last?.value == "true")
        #expect(!request.hasBody)
    }

    @Test func anOriginFormRequestLineTakesTheHostHeader() throws {
        let request = try RawHTTPRequest.parse("post /v1.0/users/4f3c/exportPersonalData HTTP/1.1\nHost: graph.microsoft.us\n\n{\"storageLocation\":\"x\"}\n", source: "test")
        #expect(request.requestLine == "POST https://graph.microsoft.us/v1.0/users/4f3c/exportPersonalData")
        #expect(request.hasBody)
    }

    @Test func http2PseudoHeadersFromDeveloperToolsAreUnderstood() throws {
        let text = ":method: GET\n:authority: graph.microsoft.com\n:scheme: https\n:path: /beta/me\naccept: application/json\n"
        let request = try RawHTTPRequest.parse(text, source: "test")
        #expect(request.requestLine == "GET https://graph.microsoft.com/beta/me")
        #expect(request.contextHeaders.map(\.name) == ["accept"])
    }

    @Test func theBearerTokenIsKeptApartAndNeverInTheHeaders() throws {
        let text = "GET https://graph.microsoft.com/v1.0/me HTTP/1.1\nAuthorization: Bearer \(Self.token)\nCookie: a=b\n\n"
        let request = try RawHTTPRequest.parse(text, source: "test")
        #expect(request.bearerToken == Self.token)
        #expect(!request.contextHeaders.contains { $0.value.contains(Self.token) || $0.name.lowercased() == "cookie" })
    }

    @Test(arguments: ["Authorization: Bearer", "Authorization: Bearer   "])
    func anEmptyBearerHeaderGivesAnEmptyToken(header: String) throws {
        let request = try RawHTTPRequest.parse("GET /v1.0/me HTTP/1.1\nHost: graph.microsoft.com\n\(header)\n\n", source: "test")
        #expect(request.bearerToken == "")
    }

    @Test func aFoldedHeaderLineIsJoinedToItsHeader() throws {
        let request = try RawHTTPRequest.parse("GET /x HTTP/1.1\nHost: h.example\nX-Long: a\n  b\n\n", source: "test")
        #expect(request.contextHeaders.last == HTTPHeader(name: "X-Long", value: "a b"))
    }

    @Test func aTokenPastedInsteadOfARequestIsRejectedWithoutEchoingIt() {
        #expect {
            _ = try RawHTTPRequest.parse(Self.token + "\n", source: "request file 't.http'")
        } throws: { error in
            let message = (error as? PermcheckError)?.message ?? ""
            return message.lowercased().contains("request file 't.http'") && !message.contains(Self.token.prefix(20)) && message.contains("not shown")
        }
    }

    @Test(arguments: ["", "\n\n", "GET\n", "GET /x HTTP/1.1\nnot a header line\n"])
    func malformedRequestsAreInputErrors(text: String) {
        #expect(throws: PermcheckError.self) { _ = try RawHTTPRequest.parse(text, source: "test") }
    }
}
