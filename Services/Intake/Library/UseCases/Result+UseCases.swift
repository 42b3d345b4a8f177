import VietnameseIdentity

extension Result {
    /// This result's value carried on through `next`; a failure kept as it is.
    func then<Next>(_ next: (Success) async throws -> Result<Next, Failure>) async rethrows -> Result<Next, Failure> {
        switch self {
        case .success(let value): try await next(value)
        case .failure(let failure): .failure(failure)
        }
    }
}

extension Result where Failure == RequestRefusal {
    /// The value `validate` makes of a form, or its field problems as a refusal.
    init(validating validate: () throws(ValidationFailure) -> Success) {
        do {
            self = .success(try validate())
        } catch {
            self = .failure(.refused(.invalid(error.errors)))
        }
    }
}
