import Testing
import PermcheckCore

/// A concrete request and the least-privileged permissions upstream marks for it (`least=`).
struct GraphCatalogSample: Sendable, CustomTestStringConvertible {
    let request: String
    let delegatedWork: String?
    let application: String?

    init(_ request: String, _ delegatedWork: String?, _ application: String?) {
        self.request = request
        self.delegatedWork = delegatedWork
        self.application = application
    }

    var testDescription: String { request }

    /// Expected values were read from the `least=` markers of the upstream permissions.json
    /// (commit 6cbd6bbd); `nil` means upstream lists no permission at all for that scheme.
    static let all: [GraphCatalogSample] = [
        .init("POST https://graph.microsoft.com/v1.0/users/4f3c0000-0000-4000-8000-000000000001/exportPersonalData", "User.Export.All", "User.Export.All"),
        .init("GET /beta/users/4f3c0000-0000-4000-8000-000000000001/agreementacceptances?$select=id", "AgreementAcceptance.Read", nil),  // users
        .init("GET https://graph.microsoft.com/v1.0/Users/4f3c0000-0000-4000-8000-000000000002/Chats", "Chat.ReadBasic", "Chat.ReadBasic.All"),  // users
        .init("GET https://graph.microsoft.com/v1.0/users/4f3c0000-0000-4000-8000-000000000003/followedsites", "Sites.Read.All", nil),  // users
        .init("GET https://graph.microsoft.com/beta/Users/4f3c0000-0000-4000-8000-000000000004/Presence", "Presence.Read", "Presence.Read.All"),  // users
        .init("PATCH /v1.0/users/4f3c0000-0000-4000-8000-000000000005/getTeamsLicensingDetails", "User.ReadWrite.All", "User.ReadWrite.All"),  // users
        .init("POST https://graph.microsoft.com/v1.0/Users/4f3c0000-0000-4000-8000-000000000006/Reprocesslicenseassignment?$select=id", "User.ReadWrite.All", "User.ReadWrite.All"),  // users
        .init("DELETE https://graph.microsoft.com/beta/groups/4f3c0000-0000-4000-8000-000000000007/photo", "ProfilePhoto.ReadWrite.All", "ProfilePhoto.ReadWrite.All"),  // groups
        .init("GET https://graph.microsoft.com/v1.0/Groups/4f3c0000-0000-4000-8000-000000000008/Calendar/events/4f3c0000-0000-4000-8000-000000000009/attachments", "Calendars.Read", "Calendars.Read"),  // groups
        .init("PATCH /v1.0/groups/4f3c0000-0000-4000-8000-000000000010/events/4f3c0000-0000-4000-8000-000000000011", "Calendars.ReadWrite", "Calendars.ReadWrite"),  // groups
        .init("POST https://graph.microsoft.com/beta/Groups/4f3c0000-0000-4000-8000-000000000012/Drive/items/4f3c0000-0000-4000-8000-000000000013/streams/4f3c0000-0000-4000-8000-000000000014/appendContent", "Files.ReadWrite.All", "Files.ReadWrite.All"),  // groups
        .init("POST https://graph.microsoft.com/v1.0/groups/4f3c0000-0000-4000-8000-000000000015/getmembergroups?$select=id", "GroupMember.ReadBasic.All", "GroupMember.ReadBasic.All"),  // groups
        .init("POST https://graph.microsoft.com/v1.0/Groups/4f3c0000-0000-4000-8000-000000000016/Onenote/sections/4f3c0000-0000-4000-8000-000000000017/copytonotebook", "Notes.Create", "Notes.ReadWrite.All"),  // groups
        .init("DELETE /beta/me/mailFolders/4f3c0000-0000-4000-8000-000000000018/userConfigurations/4f3c0000-0000-4000-8000-000000000019", "MailboxConfigItem.ReadWrite", "MailboxConfigItem.ReadWrite"),  // mail
        .init("DELETE https://graph.microsoft.com/v1.0/Users/4f3c0000-0000-4000-8000-000000000020/Mailfolders/4f3c0000-0000-4000-8000-000000000021", "Mail.ReadWrite", "Mail.ReadWrite"),  // mail
        .init("DELETE https://graph.microsoft.com/v1.0/users/4f3c0000-0000-4000-8000-000000000022/mailFolders/4f3c0000-0000-4000-8000-000000000023/userConfigurations/4f3c0000-0000-4000-8000-000000000024", "MailboxConfigItem.ReadWrite", "MailboxConfigItem.ReadWrite"),  // mail
        .init("GET https://graph.microsoft.com/beta/Users/4f3c0000-0000-4000-8000-000000000025/Mailfolders/inbox/messagerules/4f3c0000-0000-4000-8000-000000000026?$select=id", "MailboxSettings.Read", "MailboxSettings.Read"),  // mail
        .init("POST /v1.0/me/mailfolders/4f3c0000-0000-4000-8000-000000000027/messages/4f3c0000-0000-4000-8000-000000000028/attachments", "Mail.ReadWrite", "Mail.ReadWrite"),  // mail
        .init("POST https://graph.microsoft.com/v1.0/Me/Mailfolders/4f3c0000-0000-4000-8000-000000000029/messages/4f3c0000-0000-4000-8000-000000000030/createforward", "Mail.ReadWrite", "Mail.ReadWrite"),  // mail
        .init("GET https://graph.microsoft.com/beta/drives/4f3c0000-0000-4000-8000-000000000031/items/4f3c0000-0000-4000-8000-000000000032/media/previewThumbnailsQualitySets", "Files.Read", "Files.Read.All"),  // files
        .init("GET https://graph.microsoft.com/v1.0/Drives/4f3c0000-0000-4000-8000-000000000033/List/subscriptions/socketio", "Files.Read", nil),  // files
        .init("GET /v1.0/me/drive/items/4f3c0000-0000-4000-8000-000000000034/workbook/tables/4f3c0000-0000-4000-8000-000000000035/columns/4f3c0000-0000-4000-8000-000000000036/range/usedrange?$select=id", "Files.ReadWrite", nil),  // files
        .init("GET https://graph.microsoft.com/beta/Me/Drive/root/delta", "Files.Read", nil),  // files
        .init("PATCH https://graph.microsoft.com/v1.0/me/drive/items/4f3c0000-0000-4000-8000-000000000037/workbook/worksheets/4f3c0000-0000-4000-8000-000000000038/charts/4f3c0000-0000-4000-8000-000000000039/axes/valueaxis/format/font", "Files.ReadWrite", nil),  // files
        .init("POST https://graph.microsoft.com/v1.0/Me/Drive/items/4f3c0000-0000-4000-8000-000000000040/workbook/worksheets/4f3c0000-0000-4000-8000-000000000041/range(address='x42')/clear", "Files.ReadWrite", nil),  // files
        .init("DELETE /beta/security/cases/ediscoverycases/4f3c0000-0000-4000-8000-000000000043/tags/4f3c0000-0000-4000-8000-000000000044", "eDiscovery.Read.All", "eDiscovery.Read.All"),  // ediscovery
        .init("GET https://graph.microsoft.com/v1.0/Security/Cases/ediscoverycases/4f3c0000-0000-4000-8000-000000000045/custodians/4f3c0000-0000-4000-8000-000000000046?$select=id", "eDiscovery.Read.All", "eDiscovery.Read.All"),  // ediscovery
        .init("GET https://graph.microsoft.com/v1.0/security/cases/ediscoverycases/4f3c0000-0000-4000-8000-000000000047/reviewsets", "eDiscovery.Read.All", "eDiscovery.Read.All"),  // ediscovery
        .init("POST https://graph.microsoft.com/beta/Security/Cases/ediscoverycases/4f3c0000-0000-4000-8000-000000000048/legalholds/4f3c0000-0000-4000-8000-000000000049/retryPolicy", "eDiscovery.ReadWrite.All", "eDiscovery.ReadWrite.All"),  // ediscovery
        .init("POST /v1.0/security/cases/ediscoverycases/4f3c0000-0000-4000-8000-000000000050/legalholds/4f3c0000-0000-4000-8000-000000000051/usersources", "eDiscovery.Read.All", "eDiscovery.Read.All"),  // ediscovery
        .init("POST https://graph.microsoft.com/v1.0/Security/Cases/ediscoverycases/4f3c0000-0000-4000-8000-000000000052/noncustodialdatasources/4f3c0000-0000-4000-8000-000000000053/release", "eDiscovery.Read.All", "eDiscovery.Read.All"),  // ediscovery
        .init("GET https://graph.microsoft.com/beta/security/attacksimulation/landingPages?$select=id", "AttackSimulation.Read.All", "AttackSimulation.Read.All"),  // security
        .init("GET https://graph.microsoft.com/v1.0/Security/Attacksimulation/landingPages/4f3c0000-0000-4000-8000-000000000054", "AttackSimulation.Read.All", "AttackSimulation.Read.All"),  // security
        .init("GET /v1.0/security/attacksimulation/simulations/4f3c0000-0000-4000-8000-000000000055", "AttackSimulation.Read.All", "AttackSimulation.Read.All"),  // security
        .init("GET https://graph.microsoft.com/beta/Security/Attacksimulation/trainingCampaigns/4f3c0000-0000-4000-8000-000000000056/trainingSetting", "AttackSimulation.Read.All", "AttackSimulation.Read.All"),  // security
        .init("GET https://graph.microsoft.com/v1.0/security/threatintelligence/hostcomponents/4f3c0000-0000-4000-8000-000000000057", "ThreatIntelligence.Read.All", "ThreatIntelligence.Read.All"),  // security
        .init("GET https://graph.microsoft.com/v1.0/Security/Threatintelligence/hosttrackers/4f3c0000-0000-4000-8000-000000000058?$select=id", "ThreatIntelligence.Read.All", "ThreatIntelligence.Read.All"),  // security
        .init("GET /beta/identitygovernance/accessreviews/unified/definitions/4f3c0000-0000-4000-8000-000000000059/instances/4f3c0000-0000-4000-8000-000000000060/stages/filterbycurrentuser(on='x61')", "AccessReview.Read.All", "AccessReview.Read.All"),  // idgov
        .init("GET https://graph.microsoft.com/v1.0/Identitygovernance/Appconsent/appconsentrequests/4f3c0000-0000-4000-8000-000000000062/userconsentrequests/filterbycurrentuser(on='x63')", "ConsentRequest.Read.All", "ConsentRequest.Read.All"),  // idgov
        .init("GET https://graph.microsoft.com/v1.0/identitygovernance/entitlementmanagement/accesspackagecatalogs/4f3c0000-0000-4000-8000-000000000064/accesspackageresourceroles", "EntitlementManagement.Read.All", "EntitlementManagement.Read.All"),  // idgov
        .init("GET https://graph.microsoft.com/beta/Identitygovernance/Lifecycleworkflows/insights/topTasksProcessedSummary(startdatetime=2026-01-01T00:00:00Z,enddatetime=2026-01-01T00:00:00Z)", "LifecycleWorkflows-Reports.Read.All", "LifecycleWorkflows-Reports.Read.All"),  // idgov
        .init("GET /v1.0/identitygovernance/termsofuse/agreements/4f3c0000-0000-4000-8000-000000000065?$select=id", "Agreement.Read.All", nil),  // idgov
        .init("POST https://graph.microsoft.com/v1.0/Identitygovernance/Entitlementmanagement/accesspackageassignmentrequests/4f3c0000-0000-4000-8000-000000000066/resume", "EntitlementManagement.ReadWrite.All", "EntitlementManagement.ReadWrite.All"),  // idgov
        .init("GET https://graph.microsoft.com/beta/reports/getapiquota(period='D7',servicearea='x67',appid='x68')", "Reports.Read.All", nil),  // reports
        .init("GET https://graph.microsoft.com/v1.0/Reports/Getm365appplatformusercounts(period='D7')", "Reports.Read.All", "Reports.Read.All"),  // reports
        .init("GET /v1.0/reports/getsharepointsiteusagefilecounts(period='D7')", "Reports.Read.All", "Reports.Read.All"),  // reports
        .init("GET https://graph.microsoft.com/beta/Reports/Getyammergroupsactivitydetail(date=2026-01-01)?$select=id", "Reports.Read.All", "Reports.Read.All"),  // reports
        .init("GET https://graph.microsoft.com/v1.0/reports/getyammergroupsactivitygroupcounts(period='D7')", "Reports.Read.All", "Reports.Read.All"),  // reports
        .init("GET https://graph.microsoft.com/v1.0/Reports/Reconciliations/provisioning/4f3c0000-0000-4000-8000-000000000069/identities/4f3c0000-0000-4000-8000-000000000070", "AuditLog.Read.All", "AuditLog.Read.All"),  // reports
        .init("DELETE /beta/admin/windows/updates/policies/4f3c0000-0000-4000-8000-000000000071/approvals/4f3c0000-0000-4000-8000-000000000072", "WindowsUpdates.ReadWrite.All", "WindowsUpdates.ReadWrite.All"),  // winupd
        .init("DELETE https://graph.microsoft.com/beta/Admin/Windows/updates/policies/4f3c0000-0000-4000-8000-000000000073/rings/4f3c0000-0000-4000-8000-000000000074", "WindowsUpdates.ReadWrite.All", "WindowsUpdates.ReadWrite.All"),  // winupd
        .init("PATCH https://graph.microsoft.com/beta/admin/windows/updates/policies/4f3c0000-0000-4000-8000-000000000075?$select=id", "WindowsUpdates.ReadWrite.All", "WindowsUpdates.ReadWrite.All"),  // winupd
        .init("PATCH https://graph.microsoft.com/beta/Admin/Windows/updates/policies/4f3c0000-0000-4000-8000-000000000076/approvals/4f3c0000-0000-4000-8000-000000000077", "WindowsUpdates.ReadWrite.All", "WindowsUpdates.ReadWrite.All"),  // winupd
        .init("PATCH /beta/admin/windows/updates/tenantSettings/mdmAppSettings/4f3c0000-0000-4000-8000-000000000078", "WindowsUpdates.ReadWrite.All", "WindowsUpdates.ReadWrite.All"),  // winupd
        .init("POST https://graph.microsoft.com/beta/Admin/Windows/updates/policies", "WindowsUpdates.ReadWrite.All", "WindowsUpdates.ReadWrite.All"),  // winupd
        .init("GET https://graph.microsoft.com/beta/copilot/reports/getmicrosoft365copilotusageuserdetail(period='D7')", "Reports.Read.All", "Reports.Read.All"),  // copilot
        .init("GET https://graph.microsoft.com/beta/Copilot/Reports/getmicrosoft365copilotusercountsummary(period='D7')?$select=id", "Reports.Read.All", "Reports.Read.All"),  // copilot
        .init("GET /beta/copilot/reports/getmicrosoft365copilotusercounttrend(period='D7')", "Reports.Read.All", "Reports.Read.All"),  // copilot
    ]
}

@Suite("Graph catalogue samples")
struct GraphCatalogSampleTests {
    @Test("there are at least fifty samples")
    func enoughSamples() {
        #expect(GraphCatalogSample.all.count >= 50)
    }

    @Test("a concrete request finds the least-privileged delegated and application permission", arguments: GraphCatalogSample.all)
    func leastPrivilegedForRequest(sample: GraphCatalogSample) throws {
        let target = try RequestTarget.parse(sample.request)
        let match = try #require(GraphCatalog.embedded.match(target))
        #expect(match.isDirect)
        #expect(match.operation.delegatedWork.first == sample.delegatedWork)
        #expect(match.operation.application.first == sample.application)
        if let delegated = sample.delegatedWork {
            #expect(match.operation.leastPrivileged(for: .delegatedWork).contains(delegated))
        } else {
            #expect(match.operation.unsupportedSchemes.contains(.delegatedWork))
        }
        if let application = sample.application {
            #expect(match.operation.leastPrivileged(for: .application).contains(application))
        } else {
            #expect(match.operation.unsupportedSchemes.contains(.application))
        }
    }
}
