import ServiceKit
import StaffAuth

extension StaffDirectory {
    /// Refuses with `refusal` unless `uid` is, as the directory has them now, a member of `unit`
    /// holding `role`: for a branch head giving work to one of the branch's people (crm's
    /// tickets to its officers, metering's jobs to its technicians), so that no service keeps a
    /// roster of its own that could drift from the directory.
    ///
    /// Unknown people and people without a unit are refused like any other non-member.
    /// - Throws: `refusal` (the service's 422 naming the field); ``APIError/directoryUnavailable``
    ///   (503) while the directory does not answer, which is not a refusal of the person.
    public func requireMember(_ uid: String, of unit: String, holding role: StaffRole, refusing refusal: APIError)
        async throws {
        let person: DirectoryPerson?
        do {
            person = try await self.person(uid: uid)
        } catch .noUnit {
            throw refusal
        } catch {
            throw APIError.directoryUnavailable
        }
        guard let person, person.unit == unit, person.roles.contains(role) else { throw refusal }
    }
}
