import Logging

extension Logger.Metadata {
    /// The metadata of a log line about a request, so that grepping the logs for its code
    /// tells the flow's story across services.
    ///
    /// - Parameters:
    ///   - requestCode: the request's code (`request_code`).
    ///   - correlationId: the flow's id as a message carried it; the request code when `nil`,
    ///     since a flow's correlation id is its request code.
    ///   - details: the line's other metadata.
    public static func request(
        _ requestCode: String, correlationId: String? = nil, _ details: Logger.Metadata = [:]
    ) -> Logger.Metadata {
        details.merging(["request_code": "\(requestCode)", "correlation_id": "\(correlationId ?? requestCode)"]) { $1 }
    }
}
