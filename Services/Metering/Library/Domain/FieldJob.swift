/// The two kinds of job a branch head gives to a field technician: an installation work order
/// or a meter visit. Each names the table that keeps it, so an assignment is recorded the same
/// way for both.
enum FieldJob: String, Sendable, Codable {
    case workOrder = "work_order"
    case meterVisit = "meter_visit"

    /// The table that keeps jobs of this kind, with their `assigned_to` column.
    var table: String {
        switch self {
        case .workOrder: "metering_work_orders"
        case .meterVisit: "metering_visits"
        }
    }

    /// The column of ``table`` that holds the job's id.
    var idColumn: String {
        switch self {
        case .workOrder: "work_order_id"
        case .meterVisit: "visit_id"
        }
    }

    /// The status a job of this kind ends in, after which it is given to no one.
    var doneStatus: String {
        switch self {
        case .workOrder: WorkOrderStatus.completed.rawValue
        case .meterVisit: MeterVisit.Status.done.rawValue
        }
    }
}
