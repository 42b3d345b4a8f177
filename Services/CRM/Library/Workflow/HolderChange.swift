import Contracts
import Foundation
import GRDB
import Messaging
import VietnameseIdentity
import WorkingCalendar

extension ServiceRequestWorkflow {
    // MARK: Change of holder (screening of the new holder)

    /// Asks households to screen the new holder's ID number, as a new connection's applicant's
    /// is: whoever takes a contract over must not already hold a household elsewhere.
    func screenNewHolder(_ ticket: ServiceTicket, _ details: ServiceRequestDetails, cause: Envelope, at date: Date,
                         in db: Database) throws {
        guard let newHolder = details.newHolder else {
            throw MessageRefusal.malformed("change of holder \(ticket.requestCode) names no new holder")
        }
        try messages.send(ScreenIdentities(requestCode: ticket.requestCode, requestKind: ticket.kind,
                                           idNumbers: [newHolder.idNumber]),
                          requestCode: ticket.requestCode, cause: cause, at: date, in: db)
    }

    /// Refuses a change of holder whose new holder households found in another household's
    /// dossier: the contract cannot pass to them, and the one leaving is told why, naming the
    /// units that hold the other dossiers but neither ID number nor customer code.
    func refuseConflictingHolder(_ ticket: ServiceTicket, _ conflicts: [ScreeningConflict], cause: Envelope,
                                 in db: Database) throws {
        let units = Array(Set(conflicts.map(\.unit))).sorted().joined(separator: ", ")
        let reason = "Chủ hợp đồng mới đã đứng tên hồ sơ sử dụng điện của một hộ khác (đơn vị \(units))"
        try refuse(ticket, ground: .screeningConflict, reason: reason, cause: cause, in: db)
    }
}

extension ServiceRequestWorkflow {
    // MARK: Change of holder (the new holder signs; the contract passes on)

    /// Drafts `held`, the contract crm holds for the customer code (``heldContractToSign``), again
    /// with the new holder as its party, and has intake send the new holder's phone the signing
    /// code: the signing step of a new connection (`crm.contract.drafted`, naming the signer's phone).
    func draftForNewHolder(_ ticket: ServiceTicket, _ details: ServiceRequestDetails,
                           _ held: (contract: Contract, connection: Ticket), at date: Date, in db: Database) throws {
        let (contract, connection) = held
        guard let newHolder = details.newHolder, let phone = details.newHolderContact?.phone else { return }
        try messages.send(ContractDrafted(
            contractNumber: contract.contractNumber, requestCode: ticket.requestCode, branch: ticket.branch,
            holderName: newHolder.fullName, holderIdMasked: PersonalDataMask.scrub(newHolder.idNumber),
            site: connection.site, meterSerial: contract.meterSerial,
            purpose: try purposeInForce(contract, signedFor: connection, in: db), tariffGroup: contract.tariffGroup,
            householdCount: contract.householdCount,
            termMonths: contract.term?.months, endsOn: contract.endsOn?.calendarDate, draftedAt: date, signerPhone: phone
        ), requestCode: ticket.requestCode, cause: nil, at: date, in: db)
        try TimelineStore.append(TimelineEntry(.contractDrafted, at: date), requestCode: ticket.requestCode, in: db)
        log("contract drafted for the new holder", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["contract_number": "\(contract.contractNumber)"], in: db)
    }

    /// The new holder signed with the code sent to their phone: the contract passes to them
    /// from the day of the signature, with the copy they signed kept beside the version it
    /// made, the one leaving is told, and the ticket closes completed.
    /// A redelivered signature finds the ticket closed and changes nothing.
    func recordHolderSignature(_ signature: SignatureCaptured, cause: Envelope, in db: Database) throws {
        let ticket = try existingTicket(signature.requestCode, in: db)
        guard ticket.kind == .changeOfHolder, ticket.stage == .signing, ticket.status == .open else { return }
        guard let contract = try ContractStore.signedContract(customerCode: ticket.customerCode, in: db),
              contract.contractNumber == signature.contractNumber else {
            throw MessageRefusal.noDraftedContract(requestCode: signature.requestCode,
                                                   contractNumber: signature.contractNumber)
        }
        let signedAt = signature.signedAt
        try transferHeldContract(ticket, to: try filing(of: ticket).details, on: signedAt, cause: cause, in: db)
        try SignedCopyStore.keep(signature, personalData: personalData, in: db)
        try TimelineStore.append(TimelineEntry(.signatureCaptured, at: signedAt), requestCode: ticket.requestCode, in: db)
        try TimelineStore.append(TimelineEntry(.contractChanged, at: signedAt), requestCode: ticket.requestCode, in: db)
        try progressed(ticket, .completed, ServiceRequestSummary.contractChanged(
            ticket.kind, customerCode: ticket.customerCode, tariffGroup: contract.tariffGroup, on: CalendarDay(signedAt)),
            cause: cause, in: db)
        try close(ticket, resolution: .completed, at: signedAt, cause: cause, in: db)
    }

    /// Passes the contract crm holds for the customer code to the new holder from the day of
    /// `changedAt`: a version that keeps the new holder, sealed, and `crm.contract.holder-changed`,
    /// so that notification tells the new holder and outage texts them from now on. Nothing when
    /// crm holds no signed contract for the code (one signed before crm kept contracts).
    func transferHeldContract(_ ticket: ServiceTicket, to details: ServiceRequestDetails, on changedAt: Date,
                              cause: Envelope?, in db: Database) throws {
        guard let newHolder = details.newHolder,
              let contract = try ContractStore.signedContract(customerCode: ticket.customerCode, in: db) else { return }
        let holder = try ContractVersion.NewHolder(newHolder, personalData: personalData)
        let effectiveOn = CalendarDay(changedAt).calendarDate
        try ContractVersionStore.append(
            .holderChanged, contractNumber: contract.contractNumber,
            ContractVersion.Cause(source: ticket.requestCode, effectiveOn: effectiveOn, recordedAt: currentInstant),
            holder: holder, in: db)
        let connection = try TicketStore.ticket(requestCode: contract.requestCode, personalData: personalData, in: db)
        try messages.send(ContractHolderChanged(
            contractNumber: contract.contractNumber, requestCode: ticket.requestCode, branch: ticket.branch,
            customerCode: ticket.customerCode, effectiveOn: effectiveOn, changedAt: changedAt,
            communeCode: connection?.site.communeCode, holderContact: details.newHolderContact
        ), requestCode: ticket.requestCode, cause: cause, at: changedAt, in: db)
        log("contract holder changed", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["contract_number": "\(contract.contractNumber)", "new_holder_id": "\(holder.idMasked)"], in: db)
    }

    /// The purpose of use `contract` is in force for: the one its latest change of purpose asked
    /// for, or else the purpose its connection was filed for. The contract keeps only the tariff
    /// group a purpose falls in, and several purposes share a group.
    private func purposeInForce(_ contract: Contract, signedFor connection: Ticket, in db: Database) throws -> PurposeOfUse {
        let changes = try ContractVersionStore.history(contractNumber: contract.contractNumber, in: db)
            .filter { $0.change == .purposeChanged }
        guard let latest = changes.last,
              let change = try ServiceTicketStore.ticket(requestCode: latest.cause.source, in: db),
              let purpose = try filing(of: change).details.purpose else { return connection.purpose }
        return purpose
    }

    /// The signed contract the change of holder passes on and the connection it was signed
    /// for, when the new holder can sign it by phone: then an approval waits for the new holder's
    /// signature. Otherwise (a contract signed before crm kept contracts, a request filed before
    /// the new holder's phone was asked for) the approval alone passes the contract on.
    func heldContractToSign(_ ticket: ServiceTicket, _ details: ServiceRequestDetails,
                                    in db: Database) throws -> (Contract, Ticket)? {
        guard ticket.kind == .changeOfHolder, details.newHolder != nil, details.newHolderContact?.phone != nil,
              let contract = try ContractStore.signedContract(customerCode: ticket.customerCode, in: db),
              let connection = try TicketStore.ticket(requestCode: contract.requestCode, personalData: personalData,
                                                      in: db) else { return nil }
        return (contract, connection)
    }
}
