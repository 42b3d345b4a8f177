/// The typed values of one customer notice, and the notice they fill.
///
/// Each notice has its own context struct whose stored properties are exactly the values
/// its texts need, checked when the struct is built. A text names its holes with cases of
/// `Field`, and `value(for:)` is an exhaustive `switch`, so a template that asks for a value
/// the context does not have, or a context that forgets one, does not compile: there is no
/// way to send a half-filled message. Callers never assemble text themselves.
public protocol NotificationContext: Sendable {
    /// The named holes the notice's texts may contain.
    associatedtype Field: RawRepresentable, CaseIterable, Hashable, Sendable where Field.RawValue == String

    /// The notice's SMS and e-mail texts.
    static var template: NotificationTemplate<Self> { get }

    /// The text that fills `field`, already checked and formatted.
    ///
    /// - Parameter field: one of the notice's holes.
    func value(for field: Field) -> String
}

extension NotificationContext {
    /// The notice filled with this context's values, ready for the SMS gateway and the
    /// mailer.
    public func render() -> RenderedNotification {
        Self.template.render(self)
    }
}
