@testable import Messaging
import Foundation
import GRDB
import TestSupport
import Testing

/// A consumer whose store cannot take writes — locked by a long transaction beside it, or on a
/// full disk — waits for the store: no attempt is counted, nothing is dead-lettered, and every
/// message is handled once the store is back.
@Suite struct StoreFaultTests {
    @Test func aLongWriteTransactionBesideTheConsumerHoldsMessagesWithoutDeadLetteringThem() async throws {
        let broker = try await BrokerFixture.make("store-locked")
        let logs = CapturedLogs()
        var service = try TestService("svc", broker: broker)
        service.logger = logs.logger("svc")
        let producer = try TestService("src", broker: broker)
        var handlers = MessageHandlers()
        handlers.onEvent("src.meter.read", TestService.recordValue)
        let services = RunningServices([service.consumer(handlers, prefetch: 5), service.relay(), producer.relay()])
        try await service.waitUntilConsuming()

        let lock = try WriteLock(path: service.store.path)
        let values = (1...20).map { "reading \($0)" }
        try producer.enqueue(values.map { try producer.event("src.meter.read", value: $0) })
        // Longer than the consumer's whole retry budget (3 attempts, at most 40 ms apart).
        try await eventually("the consumer waited for the store again and again") {
            let depth = try await broker.queueDepth("svc.inbox")
            return logs.all.count { $0.message.contains("the store cannot take writes") } >= 1 && depth == 20
        }
        try await eventually("the consumer is still connected and waiting") {
            service.health.snapshot["svc/consumer"] == true && lock.heldFor > .seconds(1)
        }
        #expect(try service.effects().isEmpty)
        lock.release()

        try await eventually("every message was handled once the lock went") { try service.effects() == values }
        try await eventually("the queue is drained") { try await broker.queueDepth("svc.inbox") == 0 }
        #expect(try await DeadLetterQueue(broker: broker.settings("svc/admin"), service: "svc").list().isEmpty)
        #expect(!logs.contains("handler failed"), "a locked store is no handler failure")
        #expect(!logs.contains("dead-lettered"))
        await services.stop()
        await broker.tearDown()
    }

    @Test(.enabled(if: Tmpfs.canMount, "mounting a tmpfs needs root (CAP_SYS_ADMIN); mount was refused here"))
    func aStoreOnAFullDiskHoldsMessagesUntilSpaceIsFreed() async throws {
        let disk = try Tmpfs(megabytes: 2)
        defer { disk.unmount() }
        let broker = try await BrokerFixture.make("store-full")
        let logs = CapturedLogs()
        var service = try TestService("svc", broker: broker, storeIn: disk.folder)
        service.logger = logs.logger("svc")
        let producer = try TestService("src", broker: broker)
        var handlers = MessageHandlers()
        handlers.onEvent("src.meter.read", TestService.recordValue)
        let services = RunningServices([service.consumer(handlers, prefetch: 5), producer.relay()])
        try await service.waitUntilConsuming()

        let filler = try disk.fill()
        // Each value is larger than anything the store wrote before: the log must grow, and cannot.
        let values = (1...6).map { String(repeating: "\($0)", count: 200_000) }
        try producer.enqueue(values.map { try producer.event("src.meter.read", value: $0) })
        try await eventually("the consumer met the full disk and waits") {
            logs.all.count { $0.message.contains("the store cannot take writes") } >= 1
        }
        try await eventually("it keeps waiting without counting attempts") {
            let depth = try await broker.queueDepth("svc.inbox")
            return depth == values.count && service.health.snapshot["svc/consumer"] == true
        }
        try FileManager.default.removeItem(at: filler)

        try await eventually("every message was handled once space was freed") { try service.effects() == values }
        #expect(try service.outboxBacklog() == 0, "no dead letter was written")
        #expect(!logs.contains("handler failed"), "a full disk is no handler failure")
        #expect(!logs.contains("dead-lettered"))
        await services.stop()
        await broker.tearDown()
    }
}

/// A small tmpfs mounted for one test, so that its store can run out of disk.
private struct Tmpfs {
    let folder: URL

    /// Whether this process may mount one (root, with CAP_SYS_ADMIN).
    static let canMount: Bool = {
        guard let probe = try? Tmpfs(megabytes: 1) else { return false }
        probe.unmount()
        return true
    }()

    init(megabytes: Int) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("evn-tmpfs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", folder.path])
    }

    /// Fills what is left of the disk; returns the file to remove to free it again.
    func fill() throws -> URL {
        let file = folder.appendingPathComponent("filler")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        let chunk = Data(count: 4096)
        while (try? handle.write(contentsOf: chunk)) != nil {}
        return file
    }

    func unmount() {
        try? Self.run("/bin/umount", ["-l", folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError("\(tool) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }
}
