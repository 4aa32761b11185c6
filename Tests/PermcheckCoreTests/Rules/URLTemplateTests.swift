import Testing
@testable import PermcheckCore

/// URL templates parse the same whether they take the byte-level (printable ASCII) or the general path.
@Suite struct URLTemplateTests {
    @Test(arguments: [
        ("https://Graph.Microsoft.com/{version}//users/{id}", ["graph", "microsoft", "com"], ["{version}", "users", "{id}"]),
        ("https://{region}.proxyservice.ediscovery.svc.cloud.microsoft/{path*}", ["{region}", "proxyservice", "ediscovery", "svc", "cloud", "microsoft"], ["{path*}"]),
        ("https://héllo.example/a/{b}", ["héllo", "example"], ["a", "{b}"]),
        ("https://a.example", ["a", "example"], []),
    ])
    func aTemplateSplitsIntoLowerCasedHostLabelsAndPathSegments(_ text: String, _ labels: [String], _ segments: [String]) throws {
        let template = try #require(URLTemplate(text))
        #expect(template.hostLabels == labels)
        #expect(template.segments == segments)
    }

    @Test(arguments: ["http://a.example/b", "https:///b", "https://a.example/{x*}/b", "https://a.example/{a}{b}",
                      "https://a.example/{a", "https://a b/c", "https://a.exämple/{x*}/b", "HTTPS://a.example/b"])
    func aMalformedTemplateIsRejected(_ text: String) {
        #expect(URLTemplate(text) == nil)
    }
}
