@testable import BenchmarkSupport
import Foundation
import Testing

@Suite struct CPUTimesTests {
    /// The figure bench-flow and bench-storm divide per request must be the CPU the kernel
    /// charged: here, at least what this thread burnt, and no more than the whole process used.
    @Test func countsTheCPUTimeTheKernelChargedToTheProcess() throws {
        let me = ["bench": getpid()]
        let before = try CPUTimes.read(me)
        let usageBefore = Self.processCPU()
        let burnt = Self.burn(.milliseconds(300))
        let usageAfter = Self.processCPU()
        let spent = try CPUTimes.read(me).since(before)

        let tick = Duration.milliseconds(1000 / Int64(sysconf(Int32(_SC_CLK_TCK))))
        #expect(spent.byProcess.keys.sorted() == ["bench"])
        #expect(spent.total >= burnt - tick * 2)
        #expect(spent.total <= usageAfter - usageBefore + tick * 2)
    }

    @Test func readsUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses() {
        let stat = "4242 (beam (smp) x) S 1 4242 4242 0 -1 4194560 1203 0 0 0 731 269 0 0 20 0 30 0 12345 0 0"
        #expect(CPUTimes.ticks(inStat: stat) == 1000)
        #expect(CPUTimes.ticks(inStat: "4242 (short) S 1 2") == nil)
    }

    @Test func aProcessThatHasExitedIsNamedInTheError() throws {
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let error = #expect(throws: BenchmarkError.self) { try CPUTimes.read(["crm": gone.processIdentifier]) }
        #expect(error?.description.contains("\(gone.processIdentifier)") == true)
    }

    /// Keeps this thread busy until it has used `amount` of CPU; answers what it used.
    private static func burn(_ amount: Duration) -> Duration {
        let start = threadCPU()
        var sink: UInt64 = 0
        while threadCPU() - start < amount {
            for value in 0..<10_000 { sink = sink &* 31 &+ UInt64(value) }
        }
        precondition(sink != 1)
        return threadCPU() - start
    }

    private static func threadCPU() -> Duration {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
    }

    private static func processCPU() -> Duration {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return .seconds(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + .microseconds(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
    }
}
