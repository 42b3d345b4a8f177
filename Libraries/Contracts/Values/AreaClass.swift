/// Urban or rural/mountainous: the class of the site's area sets the SLA limit (3 or 5 working days).
public enum AreaClass: String, Codable, Sendable, CaseIterable {
    /// City, town, township or urban ward.
    case urban
    /// Rural or mountainous commune.
    case rural
}
