import Metrics
import Testing
import ServiceKit

/// The only test that bootstraps swift-metrics: a process can do it once.
@Suite struct PrometheusMetricsTests {
    @Test func aSwiftMetricsCounterAppearsInThePrometheusText() {
        let registry = MetricsSystem.bootstrapPrometheus()

        Counter(label: "servicekit_test_requests_total", dimensions: [("channel", "web")]).increment(by: 3)

        #expect(registry.emitToString().contains(#"servicekit_test_requests_total{channel="web"} 3"#))
    }
}
