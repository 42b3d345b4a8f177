import Hummingbird
import Prometheus

/// The answer of `/metrics`: every metric in the registry, in Prometheus text format.
struct PrometheusExposition: ResponseGenerator {
    let registry: PrometheusCollectorRegistry

    func response(from request: Request, context: some RequestContext) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
        )
    }
}
