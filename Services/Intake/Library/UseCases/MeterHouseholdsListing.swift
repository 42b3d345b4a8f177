import Contracts
import ServiceAreas
import ServiceKit
import VietnameseIdentity

/// The households sharing a customer's meter, for its holder: the references a household
/// change names when tenants leave. Opened by the customer code and the phone the dossier was
/// registered with; an unknown code and a wrong phone are refused alike.
struct MeterHouseholdsListing: Sendable {
    let areas: ServiceAreaTable
    let lookup: MeterHouseholdsLookup

    var customerCodeField: FieldDeclaration<CustomerCode> {
        .required("customerCode", .servedCustomerCode(in: areas), "The customer code on the bill, e.g. PC05TK0012345.")
    }

    /// The households of `customerCode` shown to `phone`.
    func households(customerCode: String?, phone: String?) async -> Result<MeterHouseholds, LookupRefusal> {
        var validation = Validation()
        let code = validation.check(customerCodeField, customerCode)
        let holderPhone = validation.check(IntakeFields.phoneField, phone)
        let asked: (CustomerCode, VietnamesePhoneNumber)
        do throws(ValidationFailure) {
            asked = try validation.finish { code.flatMap { code in holderPhone.map { (code, $0) } } }
        } catch {
            return .failure(.invalid(error.errors))
        }
        switch await lookup.households(customerCode: asked.0.description, holderPhone: asked.1.e164) {
        case .households(let households)?: return .success(households)
        case .unknown?: return .failure(.meterHouseholdsUnknown)
        case nil: return .failure(.meterHouseholdsUnavailable)
        }
    }
}
