import Foundation

/// A filing refused because the phone it names is not confirmed and anonymous parties already
/// made the platform text it ``PhoneMessageBudget/messages`` times within the window.
struct PhoneBudgetSpent: Error, Equatable {
    /// Seconds until the oldest of those messages leaves the window.
    var retryAfter: TimeInterval
}
