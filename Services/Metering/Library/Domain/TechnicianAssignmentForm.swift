import Foundation
import ServiceKit

/// `POST …/assignment`: `{"technicianId"}`, the staff id of the field technician who is to do the job.
struct TechnicianAssignmentForm: Decodable, Sendable {
    /// Longer than any directory account; a longer id is a mistake, not a person.
    static let technicianIdLimit = 64

    var technicianId: String?

    /// The trimmed staff id; 422 on `technicianId` when it is missing, blank or too long.
    func validated() throws -> String {
        let id = technicianId?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !id.isEmpty else {
            throw APIError(status: .unprocessableContent, field: "technicianId", code: "technicianId.required",
                           vi: "Hãy nhập mã nhân viên của công nhân kỹ thuật", en: "Enter the field technician's staff id")
        }
        guard id.count <= Self.technicianIdLimit else {
            throw APIError(status: .unprocessableContent, field: "technicianId", code: "technicianId.too_long",
                           vi: "Không được dài quá \(Self.technicianIdLimit) ký tự",
                           en: "At most \(Self.technicianIdLimit) characters")
        }
        return id
    }
}
