/// The life of a broker connection, as an explicit state machine.
///
/// connecting → open → (lost) → waiting → connecting … until a stop request
/// moves it to stopped. The owner feeds it events and performs the action it
/// answers; keeping the decisions here makes recovery testable without a broker.
struct ConnectionStateMachine: Equatable {
    enum State: Equatable {
        case connecting(attempt: Int)
        case open
        case waiting(attempt: Int)
        case stopped
    }

    enum Action: Equatable {
        /// Open a connection and declare topology.
        case connect
        /// Run the session on the open connection.
        case runSession
        /// Sleep this long (interruptibly), then connect again.
        case wait(Duration)
        /// Close what is open and return.
        case finish
    }

    private(set) var state: State = .connecting(attempt: 1)
    let backoff: Backoff

    init(backoff: Backoff) {
        self.backoff = backoff
    }

    /// The action for the state the machine is in.
    var nextAction: Action {
        switch state {
        case .connecting: .connect
        case .open: .runSession
        case let .waiting(attempt): .wait(backoff.delay(attempt: attempt))
        case .stopped: .finish
        }
    }

    mutating func connected() {
        if state != .stopped { state = .open }
    }

    /// A connect attempt or an open session failed.
    mutating func failed() {
        switch state {
        case let .connecting(attempt): state = .waiting(attempt: attempt)
        case .open: state = .waiting(attempt: 1)
        case .waiting, .stopped: break
        }
    }

    mutating func waited() {
        if case let .waiting(attempt) = state { state = .connecting(attempt: attempt + 1) }
    }

    /// The session ended by itself (it was asked to stop) or a stop was requested.
    mutating func stop() {
        state = .stopped
    }
}
