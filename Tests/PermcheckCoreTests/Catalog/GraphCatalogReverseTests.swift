import Testing
import PermcheckCore

@Suite("Graph catalogue reverse look-up")
struct GraphCatalogReverseTests {
    @Test("User.Export.All grants exactly the personal-data export and data policy operations")
    func userExportAll() {
        let grants = GraphCatalog.embedded.operations(grantedBy: "user.export.all")
        #expect(grants.map { $0.operation.method + " " + $0.operation.pathTemplate }
            == ["GET /datapolicyoperations/{id}", "POST /users/{id}/exportpersonaldata"])
        #expect(grants.allSatisfy { $0.schemes == [.delegatedWork, .application] && $0.isLeastPrivileged })
    }

    @Test("a permission that is never least-privileged for an operation is reported as such")
    func notLeastPrivileged() {
        let grants = GraphCatalog.embedded.operations(grantedBy: "Directory.ReadWrite.All")
        let users = grants.first { $0.operation.method == "GET" && $0.operation.pathTemplate == "/users/{id}" }
        #expect(users?.isLeastPrivileged == false)
    }

    @Test("an unknown permission grants nothing")
    func unknownPermission() {
        #expect(GraphCatalog.embedded.operations(grantedBy: "No.Such.Permission").isEmpty)
    }
}
