import Foundation
import SignIn
import StaffAuth
import TestSupport
import Testing

/// Signing in against the real development directory, renewing, expiring and signing out.
@Suite(.enabled(if: SignInUnderTest.directoryIsUp, SignInUnderTest.directoryMissing))
struct SignInSessionTests {
    let signIn: SignInUnderTest

    init() throws {
        signIn = try SignInUnderTest()
    }

    @Test func theRightPasswordGivesCookiesWhoseTokenEveryServiceAcceptsWithTheDirectorysRolesAndUnit() async throws {
        let answer = try await signIn.browse { browser in try await browser.signIn("tk-cs-02") }
        #expect(answer.status == .seeOther)
        #expect(answer.location == SignInUnderTest.console)
        for name in [SessionCookies.token, SessionCookies.session] {
            #expect(answer.attributes(of: name).isSuperset(of: ["path=/", "httponly", "samesite=strict"]))
        }
        #expect(answer.attributes(of: SessionCookies.token).contains("max-age=300"))
        #expect(answer.attributes(of: SessionCookies.session).contains("max-age=36000"))
        for service in ["intake", "crm", "metering", "households", "outage", "notification", "signin"] {
            let claims = try await signIn.claims(of: answer.value(of: SessionCookies.token), for: service)
            #expect(claims.staffId == "tk-cs-02")
            #expect(claims.roles == [.customerService, .meterStock])
            #expect(claims.unit == "PC05TK")
            #expect(abs(claims.expiresAt.timeIntervalSince(signIn.clock.now) - 300) < 1)
        }
    }

    @Test func theSessionIdIsStoredOnlyAsItsHash() async throws {
        let answer = try await signIn.browse { browser in try await browser.signIn("tk-cs-01") }
        let id = try #require(answer.value(of: SessionCookies.session))
        #expect(id.count >= 43)
        #expect(try StoreFileScan.plainTexts([id, "Trần Thị Mai"], in: signIn.host.context.store.database).isEmpty)
    }

    @Test(arguments: [("tk-cs-01", "not-the-password"), ("no-such-person", "not-the-password"),
                      ("no-such-person", SignInUnderTest.password), ("tk-cs-01", "")])
    func aWrongPasswordAndAnUnknownAccountGetTheSameRefusalAndNoCookie(username: String, password: String) async throws {
        let answer = try await signIn.browse { browser in try await browser.signIn(username, password: password) }
        #expect(answer.status == .unauthorized)
        #expect(answer.setCookies.isEmpty)
        #expect(answer.body.contains("Tên đăng nhập hoặc mật khẩu không đúng"))
        #expect(answer.body.contains(#"name="next" value="http://localhost:8081/phieu"#))
    }

    @Test func aRenewalGivesAFreshTokenAndKeepsTheSessionAliveBeyondTheIdleLimit() async throws {
        let clock = signIn.clock
        let tokens = try await signIn.browse { browser in
            _ = try await browser.signIn("tk-cs-01")
            var tokens: [String?] = [browser.cookies[SessionCookies.token]]
            for _ in 1...3 {
                clock.advance(20 * 60)
                let renewal = try await browser.get("/gia-han?next=\(Self.encoded(SignInUnderTest.console))")
                #expect(renewal.status == .seeOther)
                #expect(renewal.location == SignInUnderTest.console)
                tokens.append(renewal.value(of: SessionCookies.token))
            }
            return tokens
        }
        #expect(Set(tokens).count == 4)
        let claims = try await signIn.claims(of: tokens.last!, for: "crm")
        #expect(claims.staffId == "tk-cs-01")
        #expect(claims.expiresAt > clock.now)
    }

    @Test func anIdleSessionIsNotRenewedAndItsCookiesAreCleared() async throws {
        let clock = signIn.clock
        let renewal = try await signIn.browse { browser in
            _ = try await browser.signIn("tk-cs-01")
            clock.advance(30 * 60 + 1)
            return try await browser.get("/gia-han?next=\(Self.encoded(SignInUnderTest.console))")
        }
        #expect(renewal.status == .seeOther)
        #expect(renewal.location == "/dang-nhap?next=\(Self.encoded(SignInUnderTest.console))")
        #expect(renewal.attributes(of: SessionCookies.token).contains("max-age=0"))
        #expect(renewal.attributes(of: SessionCookies.session).contains("max-age=0"))
    }

    @Test func aSessionEndsAtItsAbsoluteLimitHoweverActiveAndNoTokenOutlivesIt() async throws {
        let clock = signIn.clock
        let start = clock.now
        let (last, refused) = try await signIn.browse { browser in
            _ = try await browser.signIn("tk-cs-01")
            var last: String?
            while clock.now < start.addingTimeInterval(10 * 3600 - 120) {
                clock.advance(min(25 * 60, start.addingTimeInterval(10 * 3600 - 120).timeIntervalSince(clock.now)))
                let renewal = try await browser.get("/gia-han?next=\(Self.encoded(SignInUnderTest.console))")
                #expect(renewal.location == SignInUnderTest.console)
                last = renewal.value(of: SessionCookies.token)
            }
            clock.set(start.addingTimeInterval(10 * 3600 + 1))
            return (last, try await browser.get("/gia-han"))
        }
        clock.set(start.addingTimeInterval(10 * 3600 - 120))
        let claims = try await signIn.claims(of: last, for: "crm")
        #expect(abs(claims.expiresAt.timeIntervalSince(start) - 10 * 3600) < 1)
        #expect(refused.location == "/dang-nhap")
    }

    @Test func afterSigningOutTheSessionIsNotRenewedEvenWithItsOldCookie() async throws {
        let (signOut, renewal) = try await signIn.browse { browser in
            _ = try await browser.signIn("tk-cs-01")
            let kept = browser.cookies
            let signOut = try await browser.post("/dang-xuat", form: [:])
            #expect(browser.cookies.isEmpty)
            browser.cookies = kept
            return (signOut, try await browser.get("/gia-han"))
        }
        #expect(signOut.location == "/dang-nhap?da-dang-xuat=1")
        #expect(signOut.attributes(of: SessionCookies.session).contains("max-age=0"))
        #expect(renewal.location == "/dang-nhap")
        #expect(renewal.attributes(of: SessionCookies.token).contains("max-age=0"))
    }

    @Test(arguments: [
        "https://evil.example/phieu", "//evil.example/phieu", "http://localhost:8081.evil.example/",
        "http://localhost:9999/phieu", "http://evil.example@localhost:8081/phieu", "http://localhost:8081\\@evil.example/",
        "/phieu", "javascript:alert(1)", "http://localhost:8081/phieu\r\nSet-Cookie: x=1", "",
    ])
    func aNextOutsideTheConsolesIsNotFollowed(next: String) async throws {
        let answer = try await signIn.browse { browser in try await browser.signIn("tk-cs-01", next: next) }
        #expect(answer.status == .seeOther)
        #expect(answer.location == "/")
    }

    @Test func theLandingPageShowsThePersonAndTheConsolesOfTheirRoles() async throws {
        let page = try await signIn.browse { browser in
            _ = try await browser.signIn("tk-cs-01")
            return try await browser.get("/?lang=en")
        }
        #expect(page.status == .ok)
        #expect(page.body.contains("Trần Thị Mai"))
        #expect(page.body.contains("PC05TK"))
        #expect(page.body.contains("Customer service"))
        #expect(page.body.contains(#"href="http://localhost:8081/phieu""#))
        #expect(!page.body.contains("http://localhost:8080/tong-dai"))
        #expect(page.body.contains(#"action="/dang-xuat""#))
    }

    @Test func theLandingPageSendsSomeoneNotSignedInToTheSignInPage() async throws {
        let answer = try await signIn.browse { browser in try await browser.get("/") }
        #expect(answer.location == "/dang-nhap")
    }

    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }
}
