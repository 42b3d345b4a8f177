import Foundation

/// The call-centre consoles open in browsers, by the agent extension each listens for, and the
/// calls the PBX reports ringing at them.
///
/// Why in memory: a ringing call matters for the seconds it rings; a console that was not
/// open misses nothing it could still use, and one opened later finds the caller by number.
/// Each console holds one stream; a slow one keeps only the latest few calls, so a browser
/// that stopped reading never holds up the PBX's webhook or the other consoles.
actor CallAlerts {
    /// What a console's stream carries.
    enum Alert: Sendable, Equatable {
        /// A call rings at the console's extension.
        case ringing(IncomingCall)
        /// Nothing happened for ``keepAliveInterval``: a comment line keeps proxies from
        /// closing the stream and tells the server when the browser has gone.
        case keepAlive
    }

    /// Calls a console that is not reading keeps, the latest ones.
    static let backlog = 8

    let keepAliveInterval: Duration
    private var consoles: [String: [UUID: AsyncStream<Alert>.Continuation]] = [:]

    init(keepAliveInterval: Duration = .seconds(15)) {
        self.keepAliveInterval = keepAliveInterval
    }

    /// A stream of the calls ringing at `agentExtension`, until the stream is dropped.
    func listen(at agentExtension: String) -> AsyncStream<Alert> {
        let (stream, continuation) = AsyncStream.makeStream(of: Alert.self, bufferingPolicy: .bufferingNewest(Self.backlog))
        let id = UUID()
        consoles[agentExtension, default: [:]][id] = continuation
        let interval = keepAliveInterval
        let keepAlive = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                continuation.yield(.keepAlive)
            }
        }
        continuation.onTermination = { _ in
            keepAlive.cancel()
            Task { await self.forget(id, at: agentExtension) }
        }
        return stream
    }

    /// Tells every console of the call's extension; returns how many were told.
    @discardableResult
    func ring(_ call: IncomingCall) -> Int {
        let listening = consoles[call.agentExtension] ?? [:]
        for continuation in listening.values { continuation.yield(.ringing(call)) }
        return listening.count
    }

    /// The consoles listening at `agentExtension`.
    func listeners(at agentExtension: String) -> Int {
        consoles[agentExtension]?.count ?? 0
    }

    private func forget(_ id: UUID, at agentExtension: String) {
        consoles[agentExtension]?[id] = nil
        if consoles[agentExtension]?.isEmpty == true { consoles[agentExtension] = nil }
    }
}
