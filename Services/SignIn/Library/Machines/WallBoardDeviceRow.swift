import Foundation
import GRDB
import Messaging

/// A wall-board device as `wall_board_device` keeps it when a branch head invites it: only the
/// enrolment secret's hash, valid until `enrolmentExpiresAt`. Enrolment, renewals and
/// revocation change the row later, column by column (``WallBoardDevices``).
struct WallBoardDeviceRow: SnakeCaseRecord {
    static let databaseTableName = "wall_board_device"

    var id: String
    var name: String
    var unit: String
    /// The branch head who invited the device.
    var enrolledBy: String
    var createdAt: Date
    var enrolmentHash: String
    var enrolmentExpiresAt: Date
}
