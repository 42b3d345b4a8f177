import Metrics
import Prometheus

extension MetricsSystem {
    /// Sends every swift-metrics counter, gauge, timer and recorder of the process to a Prometheus
    /// registry, and returns the registry for `/metrics` to render.
    ///
    /// Call it once, in `main`, before any metric is created; swift-metrics allows a single
    /// bootstrap per process, and metrics created before it record nothing.
    public static func bootstrapPrometheus() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }
}
