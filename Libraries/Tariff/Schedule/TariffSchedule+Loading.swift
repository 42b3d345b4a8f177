import Foundation

extension TariffSchedule {
    /// Reads a schedule from a tariff document, the file operators replace when a new
    /// decision is published.
    ///
    /// The document lists every table in date order; `vat` may be left out, and then the
    /// rates published since 2009 apply (``VATRate/published``), while a `vat` list
    /// replaces them as a whole. `undeclaredOccupantsTier` may be left out, and then it is
    /// 3. The document replaces the built-in tables as a whole, so it must repeat the
    /// tables still needed for estimates of past months.
    ///
    /// ```json
    /// {
    ///   "tables": [
    ///     {
    ///       "effectiveFrom": "2025-05-10",
    ///       "undeclaredOccupantsTier": 3,
    ///       "tiers": [
    ///         { "upToKWh": 50, "price": 1984 },
    ///         { "upToKWh": 100, "price": 2050 },
    ///         { "upToKWh": 200, "price": 2380 },
    ///         { "upToKWh": 300, "price": 2998 },
    ///         { "upToKWh": 400, "price": 3350 },
    ///         { "price": 3460 }
    ///       ]
    ///     }
    ///   ],
    ///   "vat": [
    ///     { "effectiveFrom": "2009-01-01", "percent": 10 },
    ///     { "effectiveFrom": "2025-07-01", "percent": 8,
    ///       "source": "Nghị định 174/2025/NĐ-CP (Nghị quyết 204/2025/QH15)" },
    ///     { "effectiveFrom": "2027-01-01", "percent": 10, "source": "Luật Thuế giá trị gia tăng 48/2024/QH15" }
    ///   ]
    /// }
    /// ```
    ///
    /// Days are `"YYYY-MM-DD"`; `upToKWh` is a whole number of kWh per month for one
    /// household; `price` is đồng per kWh excluding VAT and `percent` a percentage, both
    /// JSON numbers and read exactly as decimals; a rate's `source`, optional, is the legal
    /// text it rests on.
    ///
    /// - Parameter data: the document's bytes (UTF-8 JSON).
    /// - Throws: ``TariffScheduleError``: `invalidDocument` when the bytes are not a
    ///   document of this shape, otherwise the first rule the content breaks.
    public init(json data: Data) throws(TariffScheduleError) {
        let document: TariffDocument
        do {
            document = try JSONDecoder().decode(TariffDocument.self, from: data)
        } catch {
            throw .invalidDocument(reason: String(describing: error))
        }
        var tables: [TariffTable] = []
        for entry in document.tables {
            tables.append(try TariffTable(
                effectiveFrom: entry.effectiveFrom,
                tiers: entry.tiers,
                undeclaredOccupantsTier: entry.undeclaredOccupantsTier ?? TariffTable.defaultUndeclaredOccupantsTier))
        }
        try self.init(tables: tables, vatRates: document.vat ?? VATRate.published)
    }

    /// The schedule of the tariff file at `file`, or ``published`` when there is none.
    ///
    /// Call it once at start-up (it reads the disk) and keep the value: a file that does
    /// not load must stop the service from starting rather than let it misprice bills.
    ///
    /// - Parameter file: the tariff document (see ``init(json:)``), or `nil` for the
    ///   built-in data.
    /// - Throws: ``TariffScheduleError/unreadableFile(path:reason:)`` when the file cannot
    ///   be read, otherwise what ``init(json:)`` throws.
    public static func load(file: URL?) throws(TariffScheduleError) -> TariffSchedule {
        guard let file else { return .published }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw .unreadableFile(path: file.path, reason: String(describing: error))
        }
        return try TariffSchedule(json: data)
    }
}

/// The tariff document as written, before its content is checked.
private struct TariffDocument: Decodable {
    struct Table: Decodable {
        let effectiveFrom: TariffDay
        let undeclaredOccupantsTier: Int?
        let tiers: [TariffTier]
    }

    let tables: [Table]
    let vat: [VATRate]?
}
