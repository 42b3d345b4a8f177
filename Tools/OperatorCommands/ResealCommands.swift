import ArgumentParser
import CRM
import Households
import Intake
import Notification
import Outage
import ServiceKit
import SignIn

/// `reseal <service>`: one subcommand per service whose store holds personal data.
struct ResealCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reseal",
        abstract: "Re-seal a service's personal data under the current PERSONAL_DATA_KEY while it runs.",
        subcommands: [
            ResealCommand<IntakeService>.self, ResealCommand<CRMService>.self, ResealCommand<HouseholdsService>.self,
            ResealCommand<OutageService>.self, ResealCommand<NotificationService>.self, ResealCommand<SignInService>.self,
        ]
    )
}
