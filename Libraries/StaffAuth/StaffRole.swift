/// What a member of staff does, and so which endpoints accept their token.
public enum StaffRole: String, Codable, Sendable, CaseIterable {
    /// A branch's customer-transaction team: works the one-stop tickets (contact, survey,
    /// installation requests, screening conflicts).
    case customerService = "customer_service"
    /// Installs meters: sees and completes the branch's work orders.
    case fieldTechnician = "field_technician"
    /// Keeps the branch's meter stock: receives verified meters.
    case meterStock = "meter_stock"
    /// Keeps the sub-household (QLHP) dossiers of a unit.
    case householdsOfficer = "households_officer"
    /// Supervises a unit's sub-household program: may register a household whose ID number or
    /// household book is already in another active dossier, giving the reason on record.
    case householdsSupervisor = "households_supervisor"
    /// Dispatch: works the outage incidents (crews, restoration) and the planned-outage
    /// schedule of a branch, and loads its supply points.
    case dispatcher
    /// A call-centre operator (hotline 1900 1909): files requests on a caller's behalf on the
    /// call-centre console, recorded as the operator who took the call.
    case callCentre = "call_centre"
    /// The head of a branch (*giám đốc điện lực*): answers for the branch's staff and devices.
    case branchHead = "branch_head"
    /// A wall-board device (the branch's smart TV) enrolled by its branch head: reads the
    /// branch's board and nothing else. Never a person's role.
    case wallBoard = "wall_board"
}
