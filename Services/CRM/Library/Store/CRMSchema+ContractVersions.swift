import GRDB

extension CRMSchema {
    /// The migrations of contracts' versions, after ``registerConversations(in:)``'s.
    static func registerContractVersions(in migrator: inout DatabaseMigrator) {
        // Every change to a contract appends a version: its terms, the day they hold from, the
        // request (or amendment ticket) that made it. `version` on the contract is its current
        // one, none while it is a draft. A contract signed before versions were kept starts its
        // history with the terms it has now: version 1 as signed on its signing day, and
        // version 2 on the day it ended, caused by the customer code's last termination request
        // (its own connection request when crm has none).
        migrator.registerMigration("crm.contract-versions") { db in
            try db.execute(sql: """
                CREATE TABLE crm_contract_versions (
                    contract_number TEXT NOT NULL REFERENCES crm_contracts (contract_number),
                    version INTEGER NOT NULL,
                    change TEXT NOT NULL,
                    status TEXT NOT NULL,
                    tariff_group TEXT NOT NULL,
                    household_quarters INTEGER NOT NULL,
                    effective_on TEXT NOT NULL,
                    cause TEXT NOT NULL,
                    recorded_at REAL NOT NULL,
                    PRIMARY KEY (contract_number, version)
                );
                ALTER TABLE crm_contracts ADD COLUMN version INTEGER;
                INSERT INTO crm_contract_versions (contract_number, version, change, status, tariff_group,
                        household_quarters, effective_on, cause, recorded_at)
                    SELECT contract_number, 1, 'signed', 'signed', tariff_group, household_quarters,
                        date(signed_at + 25200, 'unixepoch'), request_code, signed_at
                    FROM crm_contracts WHERE signed_at IS NOT NULL;
                INSERT INTO crm_contract_versions (contract_number, version, change, status, tariff_group,
                        household_quarters, effective_on, cause, recorded_at)
                    SELECT c.contract_number, 2, 'ended', 'ended', c.tariff_group, c.household_quarters,
                        date(c.ended_at + 25200, 'unixepoch'),
                        coalesce((SELECT t.request_code FROM crm_service_tickets t
                                  WHERE t.customer_code = c.customer_code AND t.kind = 'contract_termination'
                                  ORDER BY t.opened_at DESC LIMIT 1), c.request_code),
                        c.ended_at
                    FROM crm_contracts c WHERE c.status = 'ended' AND c.signed_at IS NOT NULL AND c.ended_at IS NOT NULL;
                UPDATE crm_contracts SET version = (SELECT max(v.version) FROM crm_contract_versions v
                                                    WHERE v.contract_number = crm_contracts.contract_number);
                """)
        }
    }
}
