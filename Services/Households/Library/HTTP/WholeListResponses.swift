import Foundation
import Hummingbird
import ServiceKit

/// The report lists asked for whole — the re-pricing list (as JSON, as the CSV export and as
/// the printed page), the duplicate report and the expiry list — each written while it is read,
/// one page of entries at a time (``HouseholdsReports/streamedPageSize``): the service holds a
/// page, not a corporation's list of tens of thousands of customers with their names and
/// addresses, and the client gets the first bytes at once.
struct WholeListResponses: Sendable {
    let reports: HouseholdsReports
    let document: RepricingDocument
    /// The entries each read takes.
    var pageSize = HouseholdsReports.streamedPageSize

    /// ``RepricingList`` as JSON.
    func repricing(unit: String?) throws -> Response {
        let (reports, pageSize) = (reports, pageSize)
        return try Self.document(RepricingList(generatedAt: reports.clock.preciseNow(), unit: unit, entries: [], next: nil),
                                 streaming: "entries", of: { $0.entries }) { each in
            try await reports.forEachRepricingPage(unit: unit, pageSize: pageSize, each)
        }
    }

    /// The re-pricing list's CSV export, with its Vietnamese headings, named after the unit.
    func repricingCSV(unit: String?) -> Response {
        let (reports, document, pageSize) = (reports, document, pageSize)
        return Response(status: .ok, headers: [
            .contentType: "text/csv; charset=utf-8",
            .contentDisposition: "attachment; filename=\"dieu-chinh-so-ho-\(unit ?? "CORP").csv\"",
        ], body: ResponseBody { writer in
            try await writer.write(ByteBuffer(bytes: document.csvHead()))
            var written = 0
            try await reports.forEachRepricingPage(unit: unit, pageSize: pageSize) { page in
                try await writer.write(ByteBuffer(bytes: document.csvRows(page.entries, numberedFrom: written + 1)))
                written += page.entries.count
            }
            try await writer.finish(nil)
        })
    }

    /// The re-pricing list's page made for printing; its heading states how many customers
    /// follow, counted first.
    func repricingPage(unit: String?) async throws -> Response {
        let count = try await reports.repricingCount(unit: unit)
        let head = document.htmlHead(unit: unit, generatedAt: reports.clock.preciseNow(), count: count)
        let (reports, document, pageSize) = (reports, document, pageSize)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: head))
            var written = 0
            try await reports.forEachRepricingPage(unit: unit, pageSize: pageSize) { page in
                try await writer.write(ByteBuffer(string: document.htmlRows(page.entries, numberedFrom: written + 1)))
                written += page.entries.count
            }
            try await writer.write(ByteBuffer(string: document.htmlTail(empty: written == 0)))
            try await writer.finish(nil)
        })
    }

    /// ``DuplicateReport`` as JSON.
    func duplicates(unit: String?) throws -> Response {
        let (reports, pageSize) = (reports, pageSize)
        return try Self.document(DuplicateReport(generatedAt: reports.clock.preciseNow(), unit: unit, cases: [], next: nil),
                                 streaming: "cases", of: { $0.cases }) { each in
            try await reports.forEachDuplicatePage(unit: unit, pageSize: pageSize, each)
        }
    }

    /// ``ExpiryList`` as JSON: the expired confirmations, read first, then those expiring soon.
    func expiry(unit: String?) throws -> Response {
        let today = reports.today
        let json = try StreamedJSONDocument(ExpiryList(day: today, unit: unit, expiringSoon: [], expired: []),
                                            arrays: ["expired", "expiringSoon"])
        let (reports, pageSize) = (reports, pageSize)
        return json.response { writer in
            try await writer.write(json.segments[0])
            var (expired, expiringSoon) = (StreamedJSONDocument.Elements(), StreamedJSONDocument.Elements())
            var pastExpired = false
            try await reports.forEachExpiryPage(unit: unit, today: today, pageSize: pageSize) { page in
                if let bytes = try expired.encode(page.expired) { try await writer.write(bytes) }
                guard !page.expiringSoon.isEmpty else { return }
                if !pastExpired {
                    try await writer.write(json.segments[1])
                    pastExpired = true
                }
                if let bytes = try expiringSoon.encode(page.expiringSoon) { try await writer.write(bytes) }
            }
            if !pastExpired { try await writer.write(json.segments[1]) }
            try await writer.write(json.segments[2])
            try await writer.finish(nil)
        }
    }

    /// A JSON document of one array, `key`, written as `pages` reads it: `frame` is the
    /// document with that array empty, and `elements` are a page's entries of it.
    private static func document<Page, Element: Encodable>(
        _ frame: some Encodable, streaming key: String, of elements: @escaping @Sendable (Page) -> [Element],
        pages: @escaping @Sendable (_ each: (Page) async throws -> Void) async throws -> Void
    ) throws -> Response {
        let json = try StreamedJSONDocument(frame, arrays: [key])
        return json.response { writer in
            try await writer.write(json.segments[0])
            var written = StreamedJSONDocument.Elements()
            try await pages { page in
                if let bytes = try written.encode(elements(page)) { try await writer.write(bytes) }
            }
            try await writer.write(json.segments[1])
            try await writer.finish(nil)
        }
    }
}
