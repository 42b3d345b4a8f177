@testable import CRM
import Contracts
import Foundation
import TestSupport
import Testing
import WorkingCalendar

/// crm's `crm.contract.signed` names the last day of a contract with a term, counted from the
/// signature, so that the customer's confirmation can say it; an open-ended one names none.
@Suite struct SignedTermEventTests {
    @Test func theSignedEventOfAContractWithATermNamesItsLastDay() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            _ = try await ContractTermTests.signedContract(termMonths: 6, signedAt: vietnamTime("2025-09-10 16:00"), on: crm)
            try await eventually("the contract is signed") { try await !crm.sent(ContractSigned.self).isEmpty }
            let signed = try #require(try await crm.sent(ContractSigned.self).first)
            #expect(signed.endsOn?.description == "2026-03-10")
        }
    }

    @Test func theSignedEventOfAnOpenEndedContractNamesNoLastDay() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            _ = try await ContractTermTests.signedContract(termMonths: nil, signedAt: vietnamTime("2025-09-10 16:00"), on: crm)
            try await eventually("the contract is signed") { try await !crm.sent(ContractSigned.self).isEmpty }
            #expect(try await crm.sent(ContractSigned.self).first?.endsOn == nil)
        }
    }
}
