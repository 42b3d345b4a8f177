import Logging
import ServiceKit

extension HouseholdsProgram {
    /// The program over the configured service's store, for an operator command's `run()`, which
    /// this starts the process's logging for. The commands' output is what they print (an
    /// import's summary); only warnings and errors are logged, as the service's lines would be,
    /// so a script can read the summary from standard output.
    static func forOperatorCommand() throws -> HouseholdsProgram {
        let configuration = try ServiceConfiguration(service: HouseholdsService.name)
        LoggingSystem.bootstrap(service: HouseholdsService.name, format: configuration.logFormat,
                                level: max(configuration.logLevel, .warning))
        let personalData = configuration.personalData
        let settings = try HouseholdsSettings(environment: configuration.environment)
        let store = try ServiceStore(configuration: configuration, migrator: HouseholdsService.migrator(personalData: personalData))
        return HouseholdsProgram(store: store, personalData: personalData, reminderHoldAbove: settings.reminderHoldAbove,
                                 logger: Logger(label: HouseholdsService.name))
    }
}
