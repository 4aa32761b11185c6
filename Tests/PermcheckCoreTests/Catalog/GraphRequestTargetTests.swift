import Testing
import PermcheckCore

@Suite("Graph request target parsing")
struct GraphRequestTargetTests {
    @Test("each Graph host maps to its national cloud", arguments: [
        ("https://graph.microsoft.com/v1.0/me", "global"),
        ("https://graph.microsoft.us/v1.0/me", "usgov-l4"),
        ("https://dod-graph.microsoft.us/v1.0/me", "usgov-l5-dod"),
        ("https://microsoftgraph.chinacloudapi.cn/v1.0/me", "china"),
    ])
    func hostsMapToClouds(url: String, cloud: String) throws {
        #expect(try GraphRequestTarget.parse("GET " + url).cloud == cloud)
    }

    @Test("a full URL yields method, host, version and canonical segments without the query")
    func fullURL() throws {
        let target = try GraphRequestTarget.parse(
            "post https://Graph.Microsoft.com/beta/Users/4F3C/exportPersonalData?$select=x")
        #expect(target.method == "POST")
        #expect(target.host == "graph.microsoft.com")
        #expect(target.apiVersion == "beta")
        #expect(target.path == "/users/4f3c/exportpersonaldata")
        #expect(target.segments == ["users", "4f3c", "exportpersonaldata"])
    }

    @Test("a bare path defaults to GET with no host, cloud or version")
    func barePath() throws {
        let target = try GraphRequestTarget.parse("/me/messages")
        #expect(target.method == "GET")
        #expect(target.host == nil && target.cloud == nil && target.apiVersion == nil)
        #expect(target.segments == ["me", "messages"])
    }

    @Test("an unknown host has no cloud")
    func unknownHost() throws {
        #expect(try GraphRequestTarget.parse("GET https://example.com/v1.0/me").cloud == nil)
    }

    @Test("an empty line, a non-method word and a missing path are rejected")
    func errors() {
        #expect(throws: GraphRequestTarget.ParseError.empty) { try GraphRequestTarget.parse("  ") }
        #expect(throws: GraphRequestTarget.ParseError.unsupportedMethod("FETCH")) { try GraphRequestTarget.parse("FETCH /me") }
        #expect(throws: GraphRequestTarget.ParseError.missingPath) { try GraphRequestTarget.parse("GET") }
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
