import Contracts

/// The tariff group a contract bills under, named as the tariff tables name it.
///
/// Residential supply is billed on the tiered residential table (whose tier bounds the
/// household count multiplies); the other purposes each have their own table.
enum TariffGroup {
    static func of(_ purpose: PurposeOfUse) -> String {
        switch purpose {
        case .residential: "residential-tiered"
        case .business: "business"
        case .production: "production"
        case .publicService: "public-service"
        }
    }
}
