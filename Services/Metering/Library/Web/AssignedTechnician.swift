import WebPages

/// Who a job is given to, as its page and the dispatch list show it: the technician's staff id,
/// or "Chưa giao" / "Not assigned" while nobody has it.
enum AssignedTechnician {
    static func shown(_ technicianId: String?, in language: PageLanguage) -> String {
        technicianId ?? language.pick("Chưa giao", "Not assigned")
    }
}
