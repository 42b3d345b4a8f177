import CRM
import Contracts
import Foundation
import HummingbirdTesting

/// crm's staff routes on the ticket of a home-branch connection request.
enum CRMRouteProbes {
    static func make(_ service: InProcessService<CRMService>, _ client: any TestClientProtocol) async throws
        -> [String: StaffRouteProbe] {
        let branch = Branch(code: StaffRouteMatrix<CRMService>.home, name: "Tam Kỳ", hotline: "1900 1909")
        let requestCode = "\(branch.code)-251124-000001"
        let now = Date()
        try await service.deliver(
            RequestSubmitted(
                requestCode: requestCode, requestKind: .newLowVoltageConnection, channel: .web,
                applicant: Applicant(fullName: "Nguyễn Văn An", idNumber: "049088012345", phone: "+84912345678",
                                     email: "an.nguyen@example.vn"),
                site: Site(province: "Quảng Nam", communeCode: "20350", street: "12 Phan Chu Trinh, tổ 3",
                           branchCode: branch.code, areaClass: .urban),
                branch: branch, purpose: .residential, householdCount: 1, extraHouseholds: [],
                consentGivenAt: now, submittedAt: now),
            correlationId: requestCode)
        let ticket = "/api/v1/tickets/CRM-\(requestCode)"
        let page = "/phieu/CRM-\(requestCode)"
        func api(_ uri: String, _ body: String = "") -> StaffRouteProbe {
            StaffRouteProbe(duty: .tickets, uri: uri, body: body)
        }
        return [
            "GET /api/v1/tickets": StaffRouteProbe(duty: .tickets, uri: "/api/v1/tickets",
                                                   refusal: .notListed(marker: requestCode)),
            "GET /api/v1/tickets/{ticketId}": api(ticket),
            "GET /api/v1/tickets/{ticketId}/assignment": api("\(ticket)/assignment"),
            "POST /api/v1/tickets/{ticketId}/assignment": StaffRouteProbe(
                duty: .assigningTickets, uri: "\(ticket)/assignment", body: #"{"officerId": "tk-cs-01"}"#),
            "POST /phieu/{ticketId}/assignment": StaffRouteProbe(
                duty: .assigningTickets, uri: "\(page)/assignment", body: "officerId=tk-cs-01",
                contentType: StaffRouteProbe.form),
            "POST /api/v1/tickets/{ticketId}/contact": api("\(ticket)/contact", #"{"note": "Đã gọi khách hàng"}"#),
            "POST /api/v1/tickets/{ticketId}/survey": api("\(ticket)/survey", #"{"outcome": "feasible", "phase": 1}"#),
            "POST /api/v1/tickets/{ticketId}/installation": api("\(ticket)/installation"),
            "POST /api/v1/tickets/{ticketId}/amendment": api("\(ticket)/amendment", #"{"note": "Đổi tên chủ hợp đồng"}"#),
            "POST /api/v1/tickets/{ticketId}/decision": api("\(ticket)/decision", #"{"decision": "approve"}"#),
            "POST /api/v1/tickets/{ticketId}/answer": api("\(ticket)/answer", #"{"text": "Chỉ số công tơ đúng."}"#),
            "POST /api/v1/tickets/{ticketId}/close": api("\(ticket)/close"),
            "POST /api/v1/tickets/{ticketId}/screening-resolution": api(
                "\(ticket)/screening-resolution", #"{"decision": "cleared", "note": "Đã xác minh giấy tờ"}"#),
            "GET /phieu": StaffRouteProbe(duty: .tickets, uri: "/phieu", refusal: .notListed(marker: requestCode)),
            "GET /bang-tin": StaffRouteProbe(duty: .wallBoard, uri: "/bang-tin", refusal: .notListed(marker: requestCode)),
            "GET /phieu/{ticketId}": api(page),
            "GET /phieu/{ticketId}/hop-dong-da-ky": api("\(page)/hop-dong-da-ky"),
            "POST /phieu/{ticketId}/{step}": StaffRouteProbe(
                duty: .tickets, uri: "\(page)/contact", body: "note=%C4%90%C3%A3+g%E1%BB%8Di",
                contentType: StaffRouteProbe.form),
        ]
    }
}
