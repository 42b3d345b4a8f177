@testable import Messaging
import Testing

@Suite struct ConnectionStateMachineTests {
    let backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(1))

    @Test func startsByConnectingThenRunsTheSession() {
        var machine = ConnectionStateMachine(backoff: backoff)
        #expect(machine.nextAction == .connect)
        machine.connected()
        #expect(machine.nextAction == .runSession)
    }

    @Test func aLostSessionWaitsThenConnectsAgain() {
        var machine = ConnectionStateMachine(backoff: backoff)
        machine.connected()
        machine.failed()
        #expect(machine.state == .waiting(attempt: 1))
        machine.waited()
        #expect(machine.nextAction == .connect)
    }

    @Test func repeatedConnectFailuresBackOffFurtherUpToTheMaximum() {
        var machine = ConnectionStateMachine(backoff: backoff)
        for _ in 0..<10 {
            machine.failed()
            machine.waited()
        }
        machine.failed()
        #expect(machine.state == .waiting(attempt: 11))
        guard case let .wait(delay) = machine.nextAction else {
            Issue.record("expected a wait")
            return
        }
        #expect(delay <= .seconds(1))
        #expect(delay >= .milliseconds(500))
        #expect(backoff.ceiling(attempt: 1) == .milliseconds(100))
        #expect(backoff.ceiling(attempt: 3) == .milliseconds(400))
    }

    @Test func aStopWinsFromEveryState() {
        var machine = ConnectionStateMachine(backoff: backoff)
        machine.failed()
        machine.stop()
        #expect(machine.nextAction == .finish)
        machine.connected()
        #expect(machine.nextAction == .finish)
    }
}
