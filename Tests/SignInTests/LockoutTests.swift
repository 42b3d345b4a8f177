import Foundation
import Hummingbird
import SignIn
import Testing

/// Repeated failures lock an account and a client address out, with one message for every account.
@Suite(.enabled(if: SignInUnderTest.directoryIsUp, SignInUnderTest.directoryMissing))
struct LockoutTests {
    static let lockedOut = "Signing in is locked for now after too many failed attempts"

    @Test func fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOneUntilTheLockOutEnds() async throws {
        let signIn = try SignInUnderTest()
        let clock = signIn.clock
        let (failures, duringLockOut, afterLockOut) = try await signIn.browse { browser in
            var failures: [Browser.Answer] = []
            for _ in 1...5 { failures.append(try await browser.post("/dang-nhap?lang=en", form: ["username": "tk-cs-01", "password": "guess"])) }
            clock.advance(14 * 60)
            let during = try await browser.post("/dang-nhap?lang=en", form: ["username": "tk-cs-01", "password": SignInUnderTest.password])
            clock.advance(60 + 1)
            return (failures, during, try await browser.signIn("tk-cs-01"))
        }
        #expect(failures.map(\.status) == [.unauthorized, .unauthorized, .unauthorized, .unauthorized, .tooManyRequests])
        #expect(failures.last!.body.contains(Self.lockedOut))
        #expect(duringLockOut.status == .tooManyRequests)
        #expect(duringLockOut.value(of: SessionCookies.token) == nil)
        #expect(afterLockOut.status == .seeOther)
        #expect(afterLockOut.value(of: SessionCookies.token) != nil)
    }

    @Test func anUnknownAccountIsLockedOutWithTheSameMessageAsAKnownOne() async throws {
        let signIn = try SignInUnderTest()
        let pages = try await signIn.browse { browser in
            var pages: [String: Browser.Answer] = [:]
            for username in ["tk-cs-01", "no-such-person"] {
                for _ in 1...5 { pages[username] = try await browser.post("/dang-nhap", form: ["username": username, "password": "guess"]) }
            }
            return pages
        }
        #expect(pages.values.map(\.status) == [.tooManyRequests, .tooManyRequests])
        #expect(Self.problem(pages["tk-cs-01"]!.body) == Self.problem(pages["no-such-person"]!.body))
        #expect(Self.problem(pages["tk-cs-01"]!.body)?.contains("Đăng nhập tạm thời bị khoá") == true)
    }

    @Test func failuresOlderThanTheWindowDoNotCount() async throws {
        let signIn = try SignInUnderTest()
        let clock = signIn.clock
        let last = try await signIn.browse { browser in
            for _ in 1...4 { _ = try await browser.post("/dang-nhap", form: ["username": "tk-cs-01", "password": "guess"]) }
            clock.advance(15 * 60 + 1)
            return try await browser.post("/dang-nhap", form: ["username": "tk-cs-01", "password": "guess"])
        }
        #expect(last.status == .unauthorized)
    }

    @Test func twentyFailuresFromOneAddressLockItForEveryAccount() async throws {
        let signIn = try SignInUnderTest()
        let (twentieth, rightPassword) = try await signIn.browse { browser in
            var last: Browser.Answer?
            for attempt in 1...20 {
                last = try await browser.post("/dang-nhap", form: ["username": "guess-\(attempt % 7)", "password": "guess"])
            }
            return (last!, try await browser.signIn("ha-cs-01"))
        }
        #expect(twentieth.status == .tooManyRequests)
        #expect(rightPassword.status == .tooManyRequests)
    }

    @Test func theLimitsAreSettings() async throws {
        let signIn = try SignInUnderTest(["STAFF_SIGN_IN_ACCOUNT_FAILURES": "2", "STAFF_SIGN_IN_LOCKOUT": "2m"])
        let clock = signIn.clock
        let (second, afterLockOut) = try await signIn.browse { browser in
            _ = try await browser.post("/dang-nhap", form: ["username": "tk-cs-01", "password": "guess"])
            let second = try await browser.post("/dang-nhap", form: ["username": "tk-cs-01", "password": "guess"])
            clock.advance(2 * 60 + 1)
            return (second, try await browser.signIn("tk-cs-01"))
        }
        #expect(second.status == .tooManyRequests)
        #expect(afterLockOut.status == .seeOther)
    }

    /// The refusal a sign-in page shows.
    static func problem(_ page: String) -> String? {
        guard let start = page.range(of: #"id="sign-in-error">"#), let end = page[start.upperBound...].range(of: "</p>") else {
            return nil
        }
        return String(page[start.upperBound..<end.lowerBound])
    }
}
