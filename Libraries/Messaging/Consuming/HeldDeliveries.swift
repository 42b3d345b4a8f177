/// Deliveries a consumer read off its connection while it waited for its store, in the order
/// they came: reading them is what keeps the heartbeats going, and they are handled first once
/// the store takes writes again. The broker sends no more than the prefetch allows.
///
/// Owned by one consumer session and used from its thread only.
final class HeldDeliveries {
    private var deliveries: [AMQPDelivery] = []

    func append(_ delivery: AMQPDelivery) {
        deliveries.append(delivery)
    }

    /// Everything held, oldest first; the holder is empty afterwards.
    func takeAll() -> [AMQPDelivery] {
        defer { deliveries.removeAll() }
        return deliveries
    }
}
