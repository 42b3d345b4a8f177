import Contracts
import Foundation
import GRDB
import WorkingCalendar

/// The electricity purchase contracts crm drafts, one per request, in `crm_contracts`. Every
/// change to a signed contract appends its version to the history (``ContractVersionStore``).
enum ContractStore {
    static func insert(_ contract: Contract, in db: Database) throws {
        try ContractRow(contract).insert(db)
    }

    static func contract(requestCode: String, in db: Database) throws -> Contract? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM crm_contracts WHERE request_code = ?"), arguments: [requestCode])
            .map(Contract.init(row:))
    }

    static func contract(number: String, in db: Database) throws -> Contract? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM crm_contracts WHERE contract_number = ?"), arguments: [number])
            .map(Contract.init(row:))
    }

    /// The signed contract of a customer code: the one a service request is about, when crm holds it.
    static func signedContract(customerCode: String, in db: Database) throws -> Contract? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM crm_contracts WHERE customer_code = ? AND status = ?"),
                         arguments: [customerCode, Contract.Status.signed.rawValue]).map(Contract.init(row:))
    }

    /// The contract a termination request ended: it no longer holds its customer code, yet
    /// the termination's ticket shows it.
    static func contract(endedBy requestCode: String, in db: Database) throws -> Contract? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT c.* FROM crm_contracts c JOIN crm_contract_versions v ON v.contract_number = c.contract_number
            WHERE v.cause = ? AND v.change = ?
            """), arguments: [requestCode, ContractVersion.Change.ended.rawValue]).map(Contract.init(row:))
    }

    static func changeTariffGroup(_ tariffGroup: String, contractNumber: String, _ cause: ContractVersion.Cause,
                                  in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE crm_contracts SET tariff_group = ? WHERE contract_number = ?")
            .execute(arguments: [tariffGroup, contractNumber])
        try ContractVersionStore.append(.purposeChanged, contractNumber: contractNumber, cause, in: db)
    }

    static func markEnded(contractNumber: String, at date: Date, _ cause: ContractVersion.Cause,
                          in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE crm_contracts SET status = ?, ended_at = ? WHERE contract_number = ?")
            .execute(arguments: [Contract.Status.ended.rawValue, date.timeIntervalSince1970, contractNumber])
        try ContractVersionStore.append(.ended, contractNumber: contractNumber, cause, in: db)
    }

    /// Sets the households sharing the contract's meter: the quarters, and the whole households within them.
    static func amendHouseholds(_ households: HouseholdQuarters, contractNumber: String,
                                _ cause: ContractVersion.Cause, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE crm_contracts SET household_quarters = ?, household_count = ? WHERE contract_number = ?
            """).execute(arguments: [households.quarters, households.wholeHouseholds, contractNumber])
        try ContractVersionStore.append(.householdsChanged, contractNumber: contractNumber, cause, in: db)
    }

    /// Moves a contract with a term to its new last day: the version a renewal makes.
    static func renew(until endsOn: CalendarDay, contractNumber: String, _ cause: ContractVersion.Cause,
                      in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE crm_contracts SET ends_on = ? WHERE contract_number = ?")
            .execute(arguments: [endsOn.description, contractNumber])
        try ContractVersionStore.append(.renewed, contractNumber: contractNumber, cause, in: db)
    }

    /// Marks the contract signed: its first version, in force from the day of the signature,
    /// and ending `endsOn` when it has a term.
    static func markSigned(contractNumber: String, at date: Date, endsOn: CalendarDay?, _ cause: ContractVersion.Cause,
                           in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE crm_contracts SET status = ?, signed_at = ?, ends_on = ? WHERE contract_number = ?")
            .execute(arguments: [Contract.Status.signed.rawValue, date.timeIntervalSince1970, endsOn?.description,
                                 contractNumber])
        try ContractVersionStore.append(.signed, contractNumber: contractNumber, cause, in: db)
    }

    /// The next number of the counter `name`, from 1; bumped in the caller's transaction so a
    /// rolled-back draft leaves no gap and two drafts never share a number.
    static func nextNumber(_ name: String, in db: Database) throws -> Int {
        try db.cachedStatement(sql: """
            INSERT INTO crm_sequences (name, last_value) VALUES (?, 1)
            ON CONFLICT (name) DO UPDATE SET last_value = last_value + 1
            """).execute(arguments: [name])
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT last_value FROM crm_sequences WHERE name = ?"), arguments: [name]) ?? 1
    }
}
