/// `POST /api/v1/incidents/{id}/crew`: the crew sent, as dispatch names it (`Tổ sửa chữa 2`).
struct CrewForm: Decodable, Sendable {
    var crew: String?
}

/// `POST /api/v1/incidents/{id}/restoration`: what caused the outage.
struct RestorationForm: Decodable, Sendable {
    var cause: String?
}

/// `POST /api/v1/planned-outages/{id}/cancellation`: why it is called off, told to customers.
struct CancellationForm: Decodable, Sendable {
    var reason: String?
}
