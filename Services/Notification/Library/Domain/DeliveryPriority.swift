/// Which deliveries leave first: every urgent one that is due goes before any bulk one.
///
/// A signing code is valid for minutes and a "request received" text answers a customer who
/// is waiting for it; a residence reminder can leave an hour later without harm. When a
/// residence pass queues tens of thousands of reminders, the gateway drains them for half
/// an hour: without this order every notice queued behind them would wait as long.
/// Stored as the `priority` column (`0` urgent, `1` bulk), so the order survives a restart.
enum DeliveryPriority: Int, Sendable, CaseIterable {
    /// Signing codes, request notices, outage and restoration texts, answers to customers' SMS.
    case urgent = 0
    /// Residence reminders: sent after every due urgent delivery, and paced.
    case bulk = 1
}
