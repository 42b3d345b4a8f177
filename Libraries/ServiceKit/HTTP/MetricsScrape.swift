import Logging
import Prometheus

/// What `/metrics` refreshes before it renders the registry: the readiness of each check, as
/// `readiness_check_passing{check="…"}` (1 or 0), and the service's ``ScrapedGauge``s.
///
/// Prometheus asks `/metrics` on every scrape, so an operator sees a service that answers but
/// is not ready (its broker or store missing) without anything else probing `/readyz`.
/// The names carry their unit already (`reminders_waiting`), so the descriptors' unit is empty.
struct MetricsScrape: Sendable {
    let registry: PrometheusCollectorRegistry
    let readinessChecks: [any ReadinessCheck]
    let gauges: [ScrapedGauge]

    private static var readiness: MetricNameDescriptor {
        MetricNameDescriptor(metricName: "readiness_check_passing", unitName: "",
                             helpText: "1 while the readiness check passes, 0 while /readyz names it failing")
    }

    func refresh(logger: Logger) async {
        let report = await ReadinessReport.evaluate(readinessChecks, logger: logger)
        for check in readinessChecks {
            let passing: Double = report.failing.contains(check.name) ? 0 : 1
            registry.makeGauge(descriptor: Self.readiness, labels: [("check", check.name)]).set(passing)
        }
        for gauge in gauges {
            do {
                let value = try await gauge.read()
                registry.makeGauge(descriptor: MetricNameDescriptor(metricName: gauge.name, unitName: "", helpText: gauge.help))
                    .set(value)
            } catch {
                logger.warning("A gauge could not be read", metadata: ["gauge": "\(gauge.name)", "error": "\(error)"])
            }
        }
    }
}
