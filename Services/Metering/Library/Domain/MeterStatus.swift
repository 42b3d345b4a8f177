/// Where a meter of the branch's stock is in its life.
public enum MeterStatus: String, Codable, Sendable {
    /// On the shelf, free to be reserved.
    case inStock = "in_stock"
    /// Set aside for one work order; only that order's technician installs it.
    case reserved
    /// Installed at a customer's site and sealed.
    case installed
}
