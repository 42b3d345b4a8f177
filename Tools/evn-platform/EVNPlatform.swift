import ArgumentParser
import CRM
import Foundation
import Households
import Intake
import Metering
import Notification
import OperatorCommands
import Outage
import SignIn

/// The container image's one executable: each service's command line and evnctl's, chosen by
/// the name it is called as. The image installs it once with a link per name (`crm`,
/// `evnctl`, …), so `docker run IMAGE crm backup FILE` runs exactly what the `crm` executable
/// of a checkout runs. One executable instead of eight because each statically linked one
/// carries its own copy of the Swift runtime, Foundation, NIO and the shared libraries:
/// eight of them made a 1.5 GB image, one makes a fraction of it (Dockerfile).
@main
enum EVNPlatform {
    /// Every command the image answers to, by the name it is called as.
    static let commands: [String: any AsyncParsableCommand.Type] = [
        "intake": IntakeCommand.self,
        "crm": CRMCommand.self,
        "metering": MeteringCommand.self,
        "households": HouseholdsCommand.self,
        "outage": OutageCommand.self,
        "notification": NotificationCommand.self,
        "signin": SignInCommand.self,
        "evnctl": EVNCtl.self,
    ]

    /// Runs the command named by the executable's base name (a link), or, called as
    /// `evn-platform`, by its first argument.
    static func main() async {
        var arguments = CommandLine.arguments
        var name = String(arguments.removeFirst().split(separator: "/").last ?? "")
        if !commands.keys.contains(name), !arguments.isEmpty {
            name = arguments.removeFirst()
        }
        guard let command = commands[name] else {
            let names = commands.keys.sorted().joined(separator: ", ")
            FileHandle.standardError.write(Data("usage: evn-platform COMMAND [ARGUMENTS], COMMAND one of \(names)\n".utf8))
            exit(64)
        }
        await command.main(arguments)
    }
}
