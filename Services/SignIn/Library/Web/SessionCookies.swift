import Foundation
import Hummingbird

/// The two cookies of a sign-in, both `Path=/; HttpOnly; SameSite=Strict` (and `Secure` outside
/// development): `staff_token`, the access token every console reads, and `staff_session`, the
/// session id only the sign-in reads.
///
/// `SameSite=Strict` keeps both off requests that another site starts, so a page elsewhere can
/// neither use a console in the person's name nor sign them out.
public struct SessionCookies: Sendable {
    public static let token = "staff_token"
    public static let session = "staff_session"
    /// A wall-board device's credential, set once at its enrolment.
    public static let device = "staff_device"
    /// How long a device keeps its credential: a year (browsers cap cookies at 400 days); the
    /// branch head revokes it sooner when the device goes.
    static let deviceLifetime: TimeInterval = 365 * 86_400

    let domain: String?
    let secure: Bool

    public init(domain: String?, secure: Bool) {
        self.domain = domain
        self.secure = secure
    }

    /// Both cookies of a session: each lives as long as what it holds.
    func signedIn(token: String, tokenExpiresAt: Date, session: OpaqueSecret, sessionEndsAt: Date, now: Date) -> [Cookie] {
        [cookie(Self.token, token, until: tokenExpiresAt, now: now),
         cookie(Self.session, session.value, until: sessionEndsAt, now: now)]
    }

    /// A fresh `staff_token` for a renewed session.
    func renewed(token: String, expiresAt: Date, now: Date) -> [Cookie] {
        [cookie(Self.token, token, until: expiresAt, now: now)]
    }

    /// The credential of a device enrolled at `now`.
    func deviceEnrolled(_ credential: OpaqueSecret, now: Date) -> [Cookie] {
        [cookie(Self.device, credential.value, until: now.addingTimeInterval(Self.deviceLifetime), now: now)]
    }

    /// A revoked device's credential removed.
    var deviceCleared: [Cookie] {
        [Cookie(name: Self.device, value: "", maxAge: 0, domain: domain, path: "/", secure: secure, httpOnly: true,
                sameSite: .strict)]
    }

    /// Both cookies removed (`Max-Age=0`, same path and domain as they were set with).
    var cleared: [Cookie] {
        [Self.token, Self.session].map { Cookie(name: $0, value: "", maxAge: 0, domain: domain, path: "/", secure: secure,
                                                 httpOnly: true, sameSite: .strict) }
    }

    private func cookie(_ name: String, _ value: String, until end: Date, now: Date) -> Cookie {
        Cookie(name: name, value: value, maxAge: max(0, Int(end.timeIntervalSince(now).rounded(.down))), domain: domain,
               path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
