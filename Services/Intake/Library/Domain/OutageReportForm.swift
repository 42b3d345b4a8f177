/// A power-outage report as the portal or the call-centre screen sends it (`POST /api/v1/outage-reports`).
///
/// The place is a customer code or a commune (or both); the phone is where the reporter is
/// texted when power is back.
struct OutageReportForm: Decodable, Sendable {
    var channel: String?
    var operatorId: String?
    var customerCode: String?
    var communeCode: String?
    var phone: String?
    var note: String?
    var consent: Bool?
}
