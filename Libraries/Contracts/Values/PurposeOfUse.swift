/// What the electricity is used for; it decides the tariff group of the contract.
public enum PurposeOfUse: String, Codable, Sendable, CaseIterable {
    /// Household use (*sinh hoạt*), the tiered residential tariff.
    case residential
    /// Trade and services (*kinh doanh*).
    case business
    /// Manufacturing (*sản xuất*).
    case production
    /// Schools, hospitals, public lighting, administration (*hành chính sự nghiệp*).
    case publicService = "public_service"
}
