import Foundation
import ServiceKit
import Testing

/// The staff pages send their visitors to the staff sign-in (`STAFF_SIGN_IN_URL`): development
/// has it on this machine; elsewhere it must be given, and the services with staff pages refuse
/// to start without it.
@Suite struct StaffSignInURLConfigurationTests {
    @Test func developmentUsesTheSignInOnThisMachine() throws {
        let configuration = try ServiceConfiguration(service: "crm", environment: ["EVN_ENV": "development"])
        #expect(try configuration.requiredStaffSignInURL() == "http://localhost:8087")
        #expect(configuration.staffSignInOrigin == "http://localhost:8087")
    }

    @Test func aGivenURLIsKeptWithoutItsTrailingSlashAndItsOriginIsSchemeHostAndPort() throws {
        let configuration = try ServiceConfiguration(
            service: "crm", environment: ProductionSecretsTests.own.merging(["STAFF_SIGN_IN_URL": "https://sso.evn.vn/nhan-vien/"]) { $1 })
        #expect(try configuration.requiredStaffSignInURL() == "https://sso.evn.vn/nhan-vien")
        #expect(configuration.staffSignInOrigin == "https://sso.evn.vn")
    }

    @Test func outsideDevelopmentAServiceWithStaffPagesNeedsIt() throws {
        let configuration = try ServiceConfiguration(service: "crm", environment: ProductionSecretsTests.own)
        #expect(configuration.staffSignInOrigin == nil)
        let error = try #require(throws: ConfigurationError.self) { try configuration.requiredStaffSignInURL() }
        #expect(error.variable == "STAFF_SIGN_IN_URL")
    }

    @Test(arguments: ["dang-nhap.evn.vn", "ftp://dang-nhap.evn.vn", "https://", "https://sso.evn.vn/?next=x"])
    func aValueThatIsNotAnHTTPAddressIsRefused(value: String) throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration(service: "crm", environment: ["EVN_ENV": "development", "STAFF_SIGN_IN_URL": value])
        }
        #expect(error.variable == "STAFF_SIGN_IN_URL")
    }
}
