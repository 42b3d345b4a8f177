import Foundation
import TestSupport

/// The broker cluster's nodes as containers, killed and started the way a machine failure and
/// its repair would: `podman kill -s KILL`, then `podman start` and the node's own rejoin.
struct ClusterNodes: Sendable {
    /// The nodes' containers, in the order of the services' `AMQP_URL`.
    let containers: [String]

    /// Kills node `index` at once (SIGKILL): no connection is closed cleanly.
    func kill(_ index: Int) async throws {
        try await podman(["kill", "-s", "KILL", containers[index]])
    }

    /// Starts node `index` again and waits until it runs. Its queue replicas may still be
    /// catching up: see ``BrokerFixture/quorumQueuesShortOfMembers()``.
    func start(_ index: Int) async throws {
        try await podman(["start", containers[index]])
        try await eventually("\(containers[index]) is running again", timeout: .seconds(120)) {
            (try? await podman(["exec", containers[index], "rabbitmq-diagnostics", "-q", "check_running"])) != nil
        }
    }

    /// Runs podman on a thread of its own and waits for its exit with `waitpid`. Not Foundation's
    /// `Process`: on Linux it sees a child's end only once every descendant has closed a
    /// descriptor the child inherited, and `podman start` leaves a monitor (conmon) running.
    private func podman(_ arguments: [String]) async throws {
        let argv = ["podman"] + arguments
        let status: Int32 = try await withCheckedThrowingContinuation { done in
            Thread.detachNewThread {
                var pid: pid_t = 0
                let cArguments = argv.map { strdup($0) } + [nil]
                defer { cArguments.forEach { free($0) } }
                var actions = posix_spawn_file_actions_t()
                posix_spawn_file_actions_init(&actions)
                defer { posix_spawn_file_actions_destroy(&actions) }
                posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
                posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
                posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
                let spawned = posix_spawnp(&pid, "podman", &actions, nil, cArguments, environ)
                guard spawned == 0 else {
                    done.resume(throwing: FixtureError("cannot run podman: \(String(cString: strerror(spawned)))"))
                    return
                }
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                done.resume(returning: status)
            }
        }
        guard status == 0 else {
            throw FixtureError("podman \(arguments.joined(separator: " ")) failed (wait status \(status))")
        }
    }
}
