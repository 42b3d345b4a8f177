import Contracts
import Foundation
import GRDB
import Messaging
import VietnameseIdentity
import WorkingCalendar

extension ConnectionWorkflow {
    // MARK: Contract (flow steps 6–7)

    /// Drafts the request's one contract once the meter is installed and screening allows it,
    /// whichever came last; does nothing before that, or when the contract exists.
    func draftContractIfReady(_ ticket: Ticket, cause: Envelope?, in db: Database) throws {
        guard ticket.isReadyForContract, let meterSerial = ticket.meterSerial,
              try ContractStore.contract(requestCode: ticket.requestCode, in: db) == nil else { return }
        let draftedAt = currentInstant
        let branchCode = ticket.branch.code
        let year = CalendarDay(draftedAt).year
        let contract = Contract(
            contractNumber: Contract.number(
                branchCode: branchCode, year: year,
                sequence: try ContractStore.nextNumber("contract/\(branchCode)/\(year)", in: db)),
            requestCode: ticket.requestCode,
            customerCode: Contract.customerCode(
                branchCode: branchCode, sequence: try ContractStore.nextNumber("customer/\(branchCode)", in: db)),
            meterSerial: meterSerial, tariffGroup: TariffGroup.of(ticket.purpose),
            householdCount: ticket.householdCount, term: ticket.term, status: .drafted, draftedAt: draftedAt)
        try ContractStore.insert(contract, in: db)
        try TimelineStore.append(TimelineEntry(.contractDrafted, at: draftedAt), requestCode: ticket.requestCode, in: db)
        let holder = try parties(of: ticket).holder
        try messages.send(ContractDrafted(
            contractNumber: contract.contractNumber, requestCode: ticket.requestCode, branch: ticket.branch,
            holderName: holder.fullName, holderIdMasked: PersonalDataMask.scrub(holder.idNumber), site: ticket.site,
            meterSerial: meterSerial,
            purpose: ticket.purpose, tariffGroup: contract.tariffGroup, householdCount: contract.householdCount,
            termMonths: contract.term?.months, draftedAt: draftedAt
        ), requestCode: ticket.requestCode, cause: cause, at: draftedAt, in: db)
        log("contract drafted", ticket, ["contract_number": "\(contract.contractNumber)",
                                         "customer_code": "\(contract.customerCode)",
                                         "tariff_group": "\(contract.tariffGroup)"], in: db)
    }

    /// Marks the contract signed, keeps the copy signed with the version it made, registers a
    /// shared meter's main household, and closes the ticket on the day of the signature.
    func recordSignature(_ signature: SignatureCaptured, cause: Envelope, in db: Database) throws {
        let ticket = try existingTicket(signature.requestCode, in: db)
        guard let contract = try ContractStore.contract(requestCode: ticket.requestCode, in: db),
              contract.contractNumber == signature.contractNumber else {
            throw MessageRefusal.noDraftedContract(requestCode: signature.requestCode,
                                                   contractNumber: signature.contractNumber)
        }
        guard contract.status == .drafted else { return }
        let signedAt = signature.signedAt
        let signedOn = CalendarDay(signedAt)
        let endsOn = contract.term?.end(from: signedOn)
        try ContractStore.markSigned(
            contractNumber: contract.contractNumber, at: signedAt, endsOn: endsOn,
            ContractVersion.Cause(source: ticket.requestCode, effectiveOn: signedOn.calendarDate,
                                  recordedAt: currentInstant), in: db)
        try SignedCopyStore.keep(signature, personalData: personalData, in: db)
        try TimelineStore.append(TimelineEntry(.signatureCaptured, at: signedAt), requestCode: ticket.requestCode, in: db)
        try TimelineStore.append(TimelineEntry(.contractSigned, at: signedAt), requestCode: ticket.requestCode, in: db)
        let parties = try parties(of: ticket)
        try messages.send(ContractSigned(
            contractNumber: contract.contractNumber, requestCode: ticket.requestCode, branch: ticket.branch,
            customerCode: contract.customerCode, meterSerial: contract.meterSerial,
            householdCount: contract.householdCount, signedAt: signedAt,
            communeCode: ticket.site.communeCode, holderPhone: parties.applicant.phone, endsOn: endsOn?.calendarDate
        ), requestCode: ticket.requestCode, cause: cause, at: signedAt, in: db)
        if contract.householdCount >= 2 {
            try messages.send(RegisterMainHousehold(
                requestCode: ticket.requestCode, contractNumber: contract.contractNumber,
                customerCode: contract.customerCode, meterSerial: contract.meterSerial, site: ticket.site,
                holder: parties.holder, holderPhone: parties.applicant.phone,
                householdCount: contract.householdCount,
                subHouseholds: parties.extraHouseholds, signedAt: signedAt
            ), requestCode: ticket.requestCode, cause: cause, at: signedAt, in: db)
        }
        log("contract signed", ticket, ["contract_number": "\(contract.contractNumber)",
                                        "household_count": "\(contract.householdCount)"], in: db)
        try close(ticket, resolution: .contractSigned, at: signedAt, cause: cause, in: db)
    }
}
