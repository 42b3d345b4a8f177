/// Single- or three-phase supply, which decides the meter type taken from stock.
public enum MeterPhase: Int, Codable, Sendable, CaseIterable {
    case single = 1
    case three = 3
}
