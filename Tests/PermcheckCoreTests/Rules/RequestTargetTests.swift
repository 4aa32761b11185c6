import Testing
import PermcheckCore

@Suite("Request line parsing")
struct RequestTargetTests {
    @Test("each Graph host maps to its national cloud", arguments: [
        ("https://graph.microsoft.com/v1.0/me", Cloud.global),
        ("https://graph.microsoft.us/v1.0/me", .gccHigh),
        ("https://dod-graph.microsoft.us/v1.0/me", .dod),
        ("https://microsoftgraph.chinacloudapi.cn/v1.0/me", .china),
    ])
    func hostsMapToClouds(url: String, cloud: Cloud) throws {
        #expect(try RequestTarget.parse("GET " + url).cloud == cloud)
    }

    @Test("a full URL yields method, host, version and canonical segments without the query")
    func fullURL() throws {
        let target = try RequestTarget.parse(
            "post https://Graph.Microsoft.com/beta/Users/4F3C/exportPersonalData?$select=x")
        #expect(target.method == "POST")
        #expect(target.host == "graph.microsoft.com")
        #expect(target.apiVersion == "beta")
        #expect(target.url == "https://Graph.Microsoft.com/beta/Users/4F3C/exportPersonalData?$select=x")
        #expect(target.segments == ["beta", "Users", "4F3C", "exportPersonalData"])
        #expect(target.pathWithoutVersion == "/Users/4F3C/exportPersonalData")
        #expect(target.path == "/users/4f3c/exportpersonaldata")
        #expect(target.canonicalSegments == ["users", "4f3c", "exportpersonaldata"])
    }

    @Test("a bare path defaults to GET with no host, cloud or version")
    func barePath() throws {
        let target = try RequestTarget.parse("/me/messages")
        #expect(target.method == "GET")
        #expect(target.host == nil && target.cloud == nil && target.apiVersion == nil)
        #expect(target.segments == ["me", "messages"] && target.canonicalSegments == ["me", "messages"])
        #expect(target.isGraph)
    }

    @Test("an unknown host has no cloud")
    func unknownHost() throws {
        #expect(try RequestTarget.parse("GET https://example.com/v1.0/me").cloud == nil)
    }

    @Test("an empty line, a non-method word, a missing URL and an empty host are usage errors naming the problem",
          arguments: [("  ", "empty"), ("FETCH /me", "'FETCH'"), ("GET", "no URL"), ("GET https://", "no host"), ("GET https:///v1.0/me", "no host")])
    func errors(line: String, says: String) {
        do {
            _ = try RequestTarget.parse(line)
            Issue.record("'\(line)' was accepted")
        } catch {
            #expect(error.exitCode == 2)
            #expect(error.message.contains(says), "\(error.message)")
        }
    }

    @Test("percent escapes and OData keys meet the catalogue's canonical form; drive paths keep their colons")
    func canonicalRequest() throws {
        let target = try RequestTarget.parse("GET /v1.0/users('Adele%40contoso.com')/drive/root:/a%20b/c.txt:/content")
        #expect(target.path == "/users/adele@contoso.com/drive/root:/ab/c.txt:/content")
        #expect(target.canonicalSegments == ["users", "adele@contoso.com", "drive", "root:", "ab/c.txt:", "content"])
    }

    @Test("a target built from a catalogue template equals the parsed request line")
    func fromParts() throws {
        let built = RequestTarget(method: "get", host: "Graph.Microsoft.com", apiVersion: "v1.0", rawPath: "/me/messages")
        #expect(built == (try RequestTarget.parse("GET https://graph.microsoft.com/v1.0/me/messages")))
    }

    @Test("OData keys, quotes, empty calls and placeholders are canonicalised")
    func canonicalisation() {
        #expect(GraphPathCanonicalizer.canonicalPath("/Users('AbC')/Messages/delta()") == "/users/abc/messages/delta")
        #expect(GraphPathCanonicalizer.canonicalPath("/workplace/sensorDevices(deviceId='{id}')")
            == "/workplace/sensordevices(deviceid={id})")
        #expect(GraphPathCanonicalizer.canonicalPath("/x/resizedRange(deltaRows={value}, deltaColumns={value})")
            == "/x/resizedrange(deltarows={id},deltacolumns={id})")
    }
}
