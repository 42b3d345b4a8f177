import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Prometheus

/// Builds the HTTP application of a service: the endpoints every service has, plus its own API.
///
/// - `GET /healthz`: 200 `ok` while the process runs; a failing liveness probe means "restart me".
/// - `GET /readyz`: 200 while every ``ReadinessCheck`` passes, else 503 naming the failing ones;
///   a failing readiness probe means "send me no work for now".
/// - `GET /metrics`: the Prometheus registry in text format, including per-route request metrics,
///   each readiness check as `readiness_check_passing` and the service's ``ScrapedGauge``s, read
///   at every scrape.
///
/// Every answer carries the ``SecurityHeaders``; a known path asked with a method it does not
/// take answers 405 with `Allow` (``MethodNotAllowed``). The server cuts idle and slow clients
/// and caps its connections as ``HTTPLimits`` says.
///
/// The result is a swift-service-lifecycle `Service`: give it to ``ServiceRunner`` with the rest.
public enum ServiceHTTP {
    /// Creates the HTTP application of a service whose routes use ``ServiceRequestContext``;
    /// answers to requests that arrived over TLS are kept on it (``TransportSecurityMiddleware``).
    ///
    /// ```swift
    /// let http = ServiceHTTP.application(
    ///     configuration: configuration,
    ///     readinessChecks: [StoreReadinessCheck(store: store), broker.readinessCheck],
    ///     metrics: registry,
    ///     logger: logger
    /// ) { router in
    ///     router.get("requests/:code") { request, context in … }
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - configuration: The service's configuration; gives its name and the address to bind.
    ///   - readinessChecks: What `/readyz` checks; all of them must pass.
    ///   - metrics: The registry `/metrics` renders; the one swift-metrics was bootstrapped with.
    ///   - gauges: The service's own gauges, read at every scrape of `/metrics`.
    ///   - logger: The server's logger.
    ///   - formTargets: Origins besides the service's own and the staff sign-in's that its pages' forms post to.
    ///   - routes: Adds the service's own API to the router.
    public static func application(
        configuration: ServiceConfiguration,
        readinessChecks: [any ReadinessCheck],
        metrics: PrometheusCollectorRegistry,
        gauges: [ScrapedGauge] = [],
        logger: Logger,
        formTargets: [String] = [],
        routes: (Router<ServiceRequestContext>) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        application(
            configuration: configuration,
            readinessChecks: readinessChecks,
            metrics: metrics,
            gauges: gauges,
            logger: logger,
            context: ServiceRequestContext.self,
            formTargets: formTargets
        ) { router in
            router.add(middleware: TransportSecurityMiddleware(trusting: configuration.trustedProxies))
            routes(router)
        }
    }

    /// Creates the HTTP application of a service whose routes use their own request context.
    ///
    /// - Parameters:
    ///   - configuration: The service's configuration; gives its name and the address to bind.
    ///   - readinessChecks: What `/readyz` checks; all of them must pass.
    ///   - metrics: The registry `/metrics` renders; the one swift-metrics was bootstrapped with.
    ///   - gauges: The service's own gauges, read at every scrape of `/metrics`.
    ///   - logger: The server's logger.
    ///   - context: The request context type of the service's routes.
    ///   - formTargets: Origins besides the service's own and the staff sign-in's that its pages' forms post to.
    ///   - routes: Adds the service's own API to the router.
    public static func application<Context: RequestContext>(
        configuration: ServiceConfiguration,
        readinessChecks: [any ReadinessCheck],
        metrics: PrometheusCollectorRegistry,
        gauges: [ScrapedGauge] = [],
        logger: Logger,
        context: Context.Type,
        formTargets: [String] = [],
        routes: (Router<Context>) -> Void
    ) -> some ApplicationProtocol where Context.Source == ApplicationRequestContextSource {
        let router = Router(context: context, options: .autoGenerateHeadEndpoints)
        // Outermost, so that it turns refusals into answers after the metrics have counted them as errors.
        router.add(middleware: SecurityHeaders(formTargets: (configuration.staffSignInOrigin.map { [$0] } ?? []) + formTargets))
        router.add(middleware: MetricsMiddleware())
        router.get("healthz") { _, _ in
            "ok"
        }
        router.get("readyz") { _, context in
            await ReadinessReport.evaluate(readinessChecks, logger: context.logger)
        }
        let scrape = MetricsScrape(registry: metrics, readinessChecks: readinessChecks, gauges: gauges)
        router.get("metrics") { _, context in
            await scrape.refresh(logger: context.logger)
            return PrometheusExposition(registry: metrics)
        }
        routes(router)
        router.answerOtherMethodsWithNotAllowed()
        let limits = configuration.httpLimits
        return Application(
            router: router,
            server: .http1(configuration: HTTP1Channel.Configuration(
                additionalChannelHandlers: [RequestReadDeadline(timeout: TimeAmount(limits.readTimeout))],
                idleTimeout: TimeAmount(limits.idleTimeout),
                httpDecoderConfiguration: .init(maxHeaderFieldSize: limits.maxHeaderBytes,
                                                maxHeaderListSize: limits.maxHeaderBytes)
            )),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.httpHost, port: configuration.httpPort),
                serverName: configuration.service,
                availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections, logger: logger)
            ),
            logger: logger
        )
    }
}
