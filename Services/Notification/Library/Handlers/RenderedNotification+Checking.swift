import Messaging
import NotificationText

extension RenderedNotification {
    /// The notice of the context `makeContext` builds. A value the templates refuse can never
    /// be sent, however often the message is retried, so it is a permanent failure and the
    /// message is dead-lettered for an operator.
    init(checking makeContext: () throws -> some NotificationContext) throws {
        do {
            self = try makeContext().render()
        } catch let error as TemplateValueError {
            throw MessageHandlingError.permanent("the notice cannot be written: \(error)")
        }
    }
}
