import Foundation

/// The staff directory `scripts/test.sh` started for the run (`deploy/directory/staff.ldif`),
/// as a service under test reaches it: crm checks the officers tickets are given to there,
/// metering the technicians it gives jobs to.
public enum StaffDirectoryUnderTest {
    /// The run's `STAFF_DIRECTORY_*` settings, for a harness's environment.
    public static var settings: [String: String] {
        ProcessInfo.processInfo.environment.filter { $0.key.hasPrefix("STAFF_DIRECTORY_") }
    }

    /// Whether a directory was started; suites that check people there run only then.
    public static var isRunning: Bool {
        settings["STAFF_DIRECTORY_URL"]?.isEmpty == false
    }
}
