import Contracts
import Foundation
import GRDB
import Hummingbird
import PersonalData
import ServiceKit
import StaffAuth
import WebPages

/// `GET /phieu/{ticketId}/hop-dong-da-ky`: the contract its customer signed under the ticket's
/// request, byte for byte as intake fixed it at the signature, for an officer of the ticket's
/// branch (duty `tickets`; corporation staff for every branch; another branch gets 403, as on
/// the ticket's page). A ticket without a signed copy (not signed yet, or signed before copies
/// were kept) answers 409. The ticket page shows the copy's SHA-256 and links here.
struct SignedCopyDownload: Sendable {
    static let path = "phieu/:ticketId/hop-dong-da-ky"

    static let noSignedCopy = APIError.conflict(
        code: "contract.no_signed_copy",
        vi: "Phiếu này chưa có bản hợp đồng đã ký",
        en: "This ticket has no signed copy of a contract")

    let session: StaffPageSession
    let database: DatabasePool
    let personalData: PersonalDataProtector

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, context in
            let claims = try await session.visitor(request, context, for: .tickets).claims
            let id = try context.parameters.require("ticketId")
            let personalData = personalData
            let copy = try await database.read { db -> (String, SignedDocument)? in
                let ticket = try StaffTicket.accessible(id, claims: claims, personalData: personalData, in: db)
                guard let requestCode = ticket.requestCode,
                      let document = try SignedCopyStore.document(requestCode: requestCode, personalData: personalData,
                                                                  in: db) else { return nil }
                return (requestCode, document)
            }
            guard let (requestCode, document) = copy else { throw Self.noSignedCopy }
            return Response.signedCopy(document, requestCode: requestCode)
        }
    }

    /// The ticket page's values for the `kept` copy of ticket `ticketId`: its SHA-256, the
    /// contract version the signature made, when it was signed, and the link here; none without one.
    static func context(_ kept: SignedCopyStore.Kept?, ticketId: String) -> [String: Any] {
        guard let kept else { return [:] }
        var copy: [String: Any] = [
            "sha256": kept.sha256, "contractNumber": kept.contractNumber, "signedAt": ShownTime.dayAndTime(kept.signedAt),
            "link": "/phieu/\(ticketId)/hop-dong-da-ky",
        ]
        copy["version"] = kept.contractVersion
        return ["signedCopy": copy]
    }

    static let template = """
        {{#signedCopy}}<h2>{{#vi}}Bản hợp đồng đã ký{{/vi}}{{#en}}Signed copy of the contract{{/en}}</h2>
        <p id="signed-copy">{{#vi}}Hợp đồng{{/vi}}{{#en}}Contract{{/en}} <span class="code">{{contractNumber}}</span>{{#version}} · {{#vi}}phiên bản{{/vi}}{{#en}}version{{/en}} {{version}}{{/version}} · {{#vi}}ký lúc{{/vi}}{{#en}}signed at{{/en}} {{signedAt}}<br>
          SHA-256: <code class="digest" id="signed-copy-sha256">{{sha256}}</code><br>
          <a href="{{link}}" id="signed-copy-link" download>{{#vi}}Mở bản hợp đồng đã ký{{/vi}}{{#en}}Open the signed copy{{/en}}</a></p>{{/signedCopy}}
        """
}
