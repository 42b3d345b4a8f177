import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit
import StaffAuth
import StaffDirectory
import WorkingCalendar

/// The morning digest of deadlines: on a working day, once its hour has come, each branch's
/// open tickets due on the next working day, due today and late go by e-mail (through
/// notification) to each officer who works some of them — their own — and to the branch head —
/// the branch's whole picture, with the unassigned ones and who works each.
///
/// Who the officers and heads are and where they read their mail come from the staff directory,
/// asked once per branch with something to say (and again only when a ticket to tell of appears
/// later that day, as a broker backlog may bring one). Each e-mail is recorded with the message that
/// asks for it, in one transaction, under `digest/<day>/<staff id>`: however often the pass runs
/// that day — on every replica, after a restart — a person gets one digest a day. Nothing is
/// recorded for a branch whose directory look-up failed, so the next pass tries it again.
struct DeadlineDigest: Sendable {
    /// The setting of the digest's time of day.
    static let atVariable = "DEADLINE_DIGEST_AT"

    let database: DatabasePool
    let writer: GroupCommitWriter
    let views: TicketViews
    let calendar: WorkingCalendar
    let directory: StaffDirectory
    let text: DeadlineNoticeText
    let outbox: Outbox
    /// When in the day the digest goes, Vietnam time (`DEADLINE_DIGEST_AT`).
    let at: TimeOfDay
    let logger: Logger

    /// What a pass did: the digests it asked notification to send.
    struct Pass: Sendable, Equatable {
        var sent = 0
        /// The tickets of the branches it went through: a later pass that day asks the directory
        /// again only for a branch with a ticket not among them.
        var covered: Set<String> = []
        /// The branches the directory could not list; tried again at the next pass.
        var failedBranches: [String] = []
    }

    /// Whether the day's digest is due at `now`: a working day, its hour come.
    func isDue(at now: Date) -> Bool {
        let today = CalendarDay(now)
        return calendar.isWorkingDay(today) && now >= today.start().addingTimeInterval(TimeInterval(at.secondsIntoDay))
    }

    /// Sends the digests of `now`'s day not sent yet, when the day's digest is due, for the
    /// branches with a ticket to tell of that is not among `covered` (an earlier pass's).
    func run(at now: Date, covered: Set<String> = []) async throws -> Pass {
        guard isDue(at: now) else { return Pass() }
        let today = CalendarDay(now)
        let views = views
        let tickets = try await database.read { db in try views.list(branchCode: nil, today: today, in: db).tickets }
        let groups = DeadlineGroups(tickets, today: today, calendar: calendar)
        var pass = Pass(covered: covered)
        let uncovered = groups.all.filter { !covered.contains($0.ticketId) }
        for branchCode in Set(uncovered.map(\.branchCode)).sorted() {
            let people: [DirectoryPerson]
            do {
                people = try await directory.people(of: branchCode, holding: [.customerService, .branchHead])
            } catch {
                logger.error("deadline digest of a branch not sent: the staff directory did not answer; tried again at the next pass",
                             metadata: ["unit": "\(branchCode)", "error": "\(error)"])
                pass.failedBranches.append(branchCode)
                continue
            }
            let branch = groups.of(branch: branchCode)
            pass.sent += try await send(branch, of: branchCode, to: people, today: today, at: now)
            pass.covered.formUnion(branch.all.map(\.ticketId))
        }
        if !uncovered.isEmpty {
            logger.info("deadline digest pass done", metadata: [
                "day": "\(today)", "sent": "\(pass.sent)", "failed_units": "\(pass.failedBranches.joined(separator: ","))",
            ])
        }
        return pass
    }

    /// One branch's digests, those not sent yet, with their record, in one transaction.
    private func send(_ groups: DeadlineGroups, of branchCode: String, to people: [DirectoryPerson], today: CalendarDay,
                      at now: Date) async throws -> Int {
        let nextWorkingDay = calendar.nextWorkingDay(after: today)
        var digests: [(notice: SendStaffDeadlineNotice, tickets: Int)] = []
        for person in people {
            let wholeBranch = person.roles.contains(.branchHead)
            let theirs = wholeBranch ? groups : groups.assigned(to: person.uid)
            guard !theirs.isEmpty else { continue }
            guard let email = person.mail, !email.isEmpty else {
                logger.warning("deadline digest not sent: the staff directory has no e-mail address for the person",
                               metadata: ["unit": "\(branchCode)", "staff_id": "\(person.uid)"])
                continue
            }
            let (subject, body) = text.digest(theirs, branchCode: branchCode, to: person, wholeBranch: wholeBranch,
                                              today: today, nextWorkingDay: nextWorkingDay)
            digests.append((SendStaffDeadlineNotice(
                noticeId: "digest/\(today)/\(person.uid)", branchCode: branchCode, staffId: person.uid,
                email: email, subject: subject, text: body, issuedAt: now), theirs.all.count))
        }
        let listed = Set(people.map(\.uid))
        for officer in Set(groups.all.compactMap(\.assignedTo)).subtracting(listed).sorted() {
            logger.warning("deadline digest not sent: the officer working the tickets is no longer a customer-service officer of the branch",
                           metadata: ["unit": "\(branchCode)", "staff_id": "\(officer)"])
        }
        let outbox = outbox
        let orders = digests
        let sent = try await writer.write { db in
            var sent: [SendStaffDeadlineNotice] = []
            for (digest, tickets) in orders where try DeadlineNoticeStore.claim(
                digest.noticeId, staffId: digest.staffId, branchCode: branchCode, ticketCount: tickets, at: now, in: db) {
                try outbox.send(digest, correlation: digest.noticeId, at: now, in: db)
                sent.append(digest)
            }
            return sent
        }
        for digest in sent {
            logger.info("deadline digest sent", metadata: [
                "unit": "\(branchCode)", "staff_id": "\(digest.staffId)", "notice_id": "\(digest.noticeId)",
            ])
        }
        return sent.count
    }
}
