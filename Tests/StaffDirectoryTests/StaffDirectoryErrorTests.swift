import ServiceKit
import StaffDirectory
import Testing

/// What a person signing in reads for each refusal.
@Suite struct StaffDirectoryErrorTests {
    @Test func aWrongUsernameOrPasswordIsAnsweredWithoutSayingWhich() {
        let answer = StaffDirectoryError.wrongCredentials.apiError
        #expect(answer.status == .unauthorized)
        #expect(answer.errors.map(\.code) == ["auth.wrong_credentials"])
        #expect(answer.errors.map(\.message.vi) == ["Tên đăng nhập hoặc mật khẩu không đúng"])
        #expect(answer.errors.map(\.message.en) == ["Wrong username or password"])
    }

    @Test func anUnavailableDirectoryKeepsItsReasonForTheLogs() {
        let error = StaffDirectoryError.unavailable(reason: "Can't contact LDAP server: ldap.evn.example.vn:636")
        let answer = error.apiError
        #expect(answer.status == .serviceUnavailable)
        #expect(answer.errors.map(\.code) == ["auth.directory_unavailable"])
        for message in answer.errors.map(\.message) {
            #expect(!message.vi.contains("ldap.evn.example.vn") && !message.en.contains("ldap.evn.example.vn"))
            #expect(!message.vi.isEmpty && !message.en.isEmpty)
        }
        #expect(error.description.contains("ldap.evn.example.vn"))
    }

    @Test func aPersonWithoutAUnitIsToldToAskTheirAdministrators() {
        let answer = StaffDirectoryError.noUnit(uid: "new-hire-01").apiError
        #expect(answer.status == .forbidden)
        #expect(answer.errors.map(\.code) == ["auth.no_unit"])
        #expect(answer.errors.allSatisfy { $0.message.en.contains("administrators") && $0.message.vi.contains("quản trị") })
    }
}
