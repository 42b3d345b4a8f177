import ArgumentParser
import ServiceKit

/// `residence-pass`: the daily residence-confirmation pass, now (the service also runs it daily
/// at `RESIDENCE_CHECK_AT`); idempotent, so a cron job may run it too.
struct ResidencePassCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "residence-pass",
        abstract: "Recount dossiers whose residence confirmations expired and queue the reminders due.")

    func run() async throws {
        let program = try HouseholdsProgram.open(configuration: try ServiceConfiguration(service: HouseholdsService.name))
        print(try await program.runResidencePassNow())
    }
}
