import BenchmarkSupport
import Foundation

/// What the storm sends: supply points on stations, and report forms in bursts over the areas.
///
/// Deterministic for a given size (``SeededGenerator``), so two runs send the same storm.
struct StormPlan {
    /// The built-in service areas' communes with their branch codes.
    static let communes: [(code: String, branch: String)] = [
        ("20236", "PCDNHC"), ("20215", "PCDNTK"), ("20281", "PCDNST"), ("20314", "PCDNCL"), ("20317", "PCDNHV"),
        ("20332", "PCDNHV"), ("20350", "PC05TK"), ("20356", "PC05TK"), ("20377", "PC05TK"), ("20395", "PC05HA"),
        ("20419", "PC05HA"), ("20428", "PC05HA"),
    ]

    /// One customer of the billing system's export.
    struct SupplyPoint {
        var customerCode: String
        var branch: String
        var commune: String
        var station: String
    }

    /// An area a report falls in, as outage will cluster it.
    enum Area: Hashable {
        case commune(String)
        case station(String)
    }

    let supplyPoints: [SupplyPoint]
    let areas: [Area]
    let burstForms: [[[String: String]]]
    let areasHit: Int
    let distinctReporters: Int

    init(reports: Int, bursts: Int, stations: Int) {
        var random = SeededGenerator(seed: 2026)
        var points: [SupplyPoint] = []
        for station in 0..<stations {
            let commune = Self.communes[station % Self.communes.count]
            for customer in 0..<25 {
                points.append(SupplyPoint(
                    customerCode: "\(commune.branch)\(String(format: "%03d%04d", station, customer))",
                    branch: commune.branch, commune: commune.code, station: "TBA-\(String(format: "%03d", station))"))
            }
        }
        supplyPoints = points
        areas = Self.communes.map { .commune($0.code) } + (0..<stations).map { .station("TBA-\(String(format: "%03d", $0))") }

        var hit = Set<Area>()
        var reporters = Set<String>()
        var forms: [[[String: String]]] = []
        let perBurst = max(1, reports / max(1, bursts))
        var made = 0
        for _ in 0..<bursts {
            let struck = areas.shuffled(using: &random).prefix(max(1, areas.count / 3))
            var burst: [[String: String]] = []
            while burst.count < perBurst, made < reports {
                let area = struck.randomElement(using: &random)!
                // One report in twenty comes from someone who already reported in this area.
                let phone = "090\(String(format: "%07d", made % 20 == 19 ? made - 1 : made))"
                var form = ["channel": "web", "phone": phone]
                switch area {
                case .commune(let code):
                    form["communeCode"] = code
                    reporters.insert("\(code)/\(phone)")
                case .station(let station):
                    let customer = points.filter { $0.station == station }.randomElement(using: &random)!
                    form["customerCode"] = customer.customerCode
                    reporters.insert("\(station)/\(customer.customerCode)")
                }
                hit.insert(area)
                burst.append(form)
                made += 1
            }
            forms.append(burst)
        }
        burstForms = forms
        areasHit = hit.count
        distinctReporters = reporters.count
    }

    /// The supply points as the billing system exports them (no phones: planned outages are not measured here).
    var supplyPointExport: String {
        "customer_code,branch,commune_code,station_code\r\n"
            + supplyPoints.map { "\($0.customerCode),\($0.branch),\($0.commune),\($0.station)\r\n" }.joined()
    }
}
