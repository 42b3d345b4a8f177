import ArgumentParser

/// `residence-pass`: the daily residence-confirmation pass, now (the service also runs it daily
/// at `RESIDENCE_CHECK_AT`); idempotent, so a cron job may run it too.
struct ResidencePassCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "residence-pass",
        abstract: "Recount dossiers whose residence confirmations expired and queue the reminders due.")

    func run() async throws {
        let pass = try await HouseholdsProgram.forOperatorCommand().runResidencePass()
        print("residence pass \(pass.day): \(pass.recounted) dossiers recounted, \(pass.remindersSent) reminders sent, "
            + "\(pass.remindersHeld) held for release, \(pass.remindersWithoutPhone) due without a phone")
    }
}
