import WebPages

extension WorkOrderStatus: ShownCode {
    /// The order's state as the technicians' pages show it.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .awaitingMeter: language.pick("Chờ công tơ từ kho", "Waiting for a meter from stock")
        case .open: language.pick("Chờ lắp đặt", "Ready to install")
        case .completed: language.pick("Đã nghiệm thu", "Completed")
        }
    }
}
