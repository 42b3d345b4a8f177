import Attachments
import Contracts
import Hummingbird
import ServiceKit
import VietnameseIdentity

/// The OpenAPI 3.1 description of intake's public API, served at `GET /api/v1/openapi.json`.
///
/// Built, on each request, from the declarations the validators and look-ups check with
/// (``FieldDeclaration``, ``FormSchema``): every field's name, presence, length, pattern and choices,
/// each request kind's own fields, and the rules that tie fields together come from the code
/// that enforces them, so the document cannot say more or less than the API takes. Adding an
/// operation is adding an ``APIOperation`` to ``operations``.
struct IntakeAPIDocument: Sendable {
    let submission: SubmissionValidator
    let serviceRequests: ServiceRequestValidator
    let outageReports: OutageReportValidator
    let plannedOutages: PlannedOutageSchedule
    let readingSchedule: MeterReadingSchedule
    /// The service's clock: an ID number's plausible birth years run up to this year.
    let clock: WallClock

    var json: JSONValue {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "intake",
                "version": "1",
                "description": """
                    Customers' requests: a new connection (filing, tracking, attaching papers, and signing the \
                    contract with a one-time code sent by SMS) and every request about an existing supply point; outage reports; \
                    the planned-outage and meter-reading schedules and the bill estimate. Every refusal is \
                    {"errors": [FieldError]} with Vietnamese and English messages. An optional field left blank \
                    or null is taken as left out.
                    """,
            ],
            "paths": .object(Dictionary(grouping: operations, by: \.path).mapValues { operations -> JSONValue in
                .object(Dictionary(uniqueKeysWithValues: operations.map { ($0.method, $0.json) }))
            }),
            "components": ["schemas": .object(schemas)],
        ]
    }

    // MARK: Operations

    var operations: [APIOperation] {
        let filed = "Filed; the receipt. `Location` is the tracking URL."
        var receipt = APIAnswer.json(201, "SubmissionReceipt", filed)
        receipt.headers = ["Location": ("The tracking URL", true)]
        let planned = plannedOutages.parameters
        return [
            APIOperation(
                method: "post", path: "/api/v1/requests", id: "submitRequest",
                summary: "File a request for a new connection",
                parameters: [idempotencyKey], body: "SubmissionForm",
                answers: [receipt, .tooLarge(SubmissionEndpoint.maximumBodySize)] + idempotencyRefusals
                    + [.refusal(422, "Every invalid field at once")]),
            APIOperation(
                method: "post", path: "/api/v1/service-requests", id: "submitServiceRequest",
                summary: "File a request about an existing supply point: a contract change, a meter check, a split",
                parameters: [idempotencyKey], body: "ServiceRequestForm",
                answers: [receipt, .tooLarge(ServiceRequestEndpoint.maximumBodySize)] + idempotencyRefusals
                    + [.refusal(422, "Every invalid field at once; a field of another kind is field.not_for_kind")]),
            APIOperation(
                method: "post", path: "/api/v1/requests/{code}/tracking", id: "trackRequest",
                summary: "Where the request stands, for the applicant's phone", parameters: [requestCode], body: "AccessForm",
                answers: [.json(200, "TrackingAnswer", "crm's timeline, or intake's own first step while crm has none"),
                          .malformed, .tooLarge(Request.defaultJSONBodyLimit), notFound,
                          .refusal(422, "Phone missing or not a Vietnamese mobile"), accessClosed]),
            APIOperation(
                method: "post", path: "/api/v1/requests/{code}/attachments", id: "attachPapers",
                summary: "Attach photos or scans of papers (ID card, household book, residence confirmation) to the request",
                parameters: [requestCode], body: "AttachmentUpload", bodyMediaType: "multipart/form-data",
                answers: [.json(201, "AttachmentsKept", "Kept, sealed; the branch handling the request sees them"),
                          .refusal(400, "Not a multipart/form-data form (body.not_multipart)"),
                          .refusal(413, "Body larger than ATTACHMENT_MAX_FILES files of ATTACHMENT_MAX_BYTES (body.too_large)"),
                          notFound,
                          .refusal(422, "Every invalid field at once: phone, kind (attachment.unknown_kind), a file that is not "
                              + "a JPEG, PNG or PDF by its content (attachment.unsupported_type), larger than ATTACHMENT_MAX_BYTES "
                              + "(attachment.too_large), none (attachment.missing), or more than ATTACHMENT_MAX_FILES on the "
                              + "request (attachment.too_many)"),
                          accessClosed]),
            APIOperation(
                method: "post", path: "/api/v1/requests/{code}/signature", id: "signContract",
                summary: "Sign the drafted contract with the code sent by SMS", parameters: [requestCode],
                body: "SignatureForm",
                answers: [.json(200, "SignatureReceipt", "Signed"), .malformed, .tooLarge(Request.defaultJSONBodyLimit), notFound,
                          .refusal(409, "No contract to sign yet (contract.not_drafted), or already signed (contract.already_signed)"),
                          .refusal(410, "The code expired \(SigningPolicy.codeValidityMinutes) minutes after it was issued; request a new one"),
                          .refusal(422, "Invalid phone or code format, or a wrong code (signing_code.wrong, the attempts left in the message)"),
                          .refusal(423, "Locked after \(SigningPolicy.maximumWrongAttempts) wrong codes; request a new one"),
                          accessClosed]),
            APIOperation(
                method: "post", path: "/api/v1/requests/{code}/signing-code", id: "requestSigningCode",
                summary: "Send a new signing code by SMS; the previous one stops working", parameters: [requestCode],
                body: "AccessForm",
                answers: [.json(202, "SigningCodeNotice", "A new code is on its way"), .malformed,
                          .tooLarge(Request.defaultJSONBodyLimit), notFound,
                          .refusal(409, "No contract to sign yet, or already signed"),
                          .refusal(422, "Phone missing or not a Vietnamese mobile"),
                          .refusal(429, "\(SigningPolicy.maximumCodesPerHour) codes within the hour (signing_code.too_many), too many failures with this code, or a rate limit")]),
            APIOperation(
                method: "post", path: "/api/v1/requests/{code}/signed-copy", id: "signedCopy",
                summary: "The contract as its signer signed it, byte for byte, for the signer's phone",
                parameters: [requestCode], body: "AccessForm",
                answers: [.document(200, mediaType: "text/html", "The signed document, as a download", headers: [
                    "Content-Disposition": ("attachment, named hop-dong-<code>.html", true),
                    "Repr-Digest": ("sha-256 of the bytes (RFC 9530): the receipt's signedCopySHA256, in base64", true)]),
                          .malformed, .tooLarge(Request.defaultJSONBodyLimit), notFound,
                          .refusal(409, "Not signed yet (contract.not_signed)"),
                          .refusal(422, "Phone missing or not a Vietnamese mobile"), accessClosed]),
            APIOperation(
                method: "post", path: "/api/v1/outage-reports", id: "reportOutage",
                summary: "Report a power outage; the reporter is texted once when power is back", body: "OutageReportForm",
                answers: [.json(202, "OutageReportReceipt", "Stored and on its way to dispatch"), .malformed,
                          .tooLarge(OutageReportEndpoint.maximumBodySize),
                          .refusal(422, "Every invalid field at once (a customer code or a commune is required)")]),
            APIOperation(
                method: "get", path: "/api/v1/planned-outages", id: "plannedOutages",
                summary: "The planned-outage schedule of a commune or a customer's supply point",
                parameters: [.query(planned.commune), .query(planned.customer), .query(planned.from), .query(planned.to)],
                answers: [.json(200, "PlannedOutages", "Soonest first, cancelled ones included"),
                          .refusal(404, "A customer code outage has no supply point for (customer_code.unknown)"),
                          .refusal(422, "Every invalid parameter at once; exactly one of communeCode and customerCode"),
                          .refusal(503, "outage did not answer in time (planned_outages.unavailable)")]),
            APIOperation(
                method: "get", path: "/api/v1/tariff/estimate", id: "tariffEstimate",
                summary: "A residential bill estimate from the dated tariff tables",
                parameters: TariffEstimateEndpoint.parameters,
                answers: [.json(200, "TariffEstimate", "Tier lines, amount before VAT, VAT, total"),
                          .refusal(422, "Every invalid parameter at once, or consumption, households or days the tables refuse")]),
            APIOperation(
                method: "get", path: "/api/v1/reading-schedule", id: "readingSchedule",
                summary: "When a customer's meter is read: the route, its day of the month, the next reading day",
                parameters: [.query(readingSchedule.customerCodeParameter)],
                answers: [.json(200, "ReadingSchedule", "The meter, its route and the next reading day"),
                          .refusal(404, "A customer code metering has no meter for (customer_code.unknown)"),
                          .refusal(422, "The customer code is missing, malformed, or of no served branch"),
                          .refusal(503, "metering did not answer in time (reading_schedule.unavailable)")]),
            APIOperation(
                method: "get", path: "/api/v1/openapi.json", id: "openAPIDocument", summary: "This document",
                answers: [APIAnswer(status: 200, summary: "OpenAPI 3.1", schema: ["type": "object"])]),
        ]
    }

    // MARK: Schemas

    var schemas: [String: JSONValue] {
        let kinds = serviceRequests.schemas
        let kindName = { (kind: RequestKind) in "ServiceRequestForm.\(kind.rawValue)" }
        var schemas: [String: JSONValue] = [
            "SubmissionForm": submission.schema.json,
            "ApplicantForm": IntakeFields.applicant(asOf: clock.now()).json,
            "PersonForm": IntakeFields.person(asOf: clock.now()).json,
            "SiteForm": IntakeFields.siteSchema(in: submission.areas).json,
            "AccessForm": AccessForm.schema.json,
            "AttachmentUpload": Self.object(required: ["phone", "kind", "file"], [
                "phone": ["type": "string", "description": "The phone registered with the request."],
                "kind": ["type": "string", "enum": .array(AttachmentKind.allCases.map { .string($0.rawValue) })],
                "file": ["type": "array", "minItems": 1,
                         "items": ["type": "string", "contentMediaType": "application/octet-stream",
                                   "description": "A JPEG, PNG or PDF, told by its content, not its name."]],
            ]),
            "SignatureForm": SignatureForm.schema.json,
            "OutageReportForm": outageReports.schema.json,
            "ServiceRequestForm": [
                "allOf": [IntakeFields.channelRule],
                "oneOf": .array(ServiceRequestValidator.kinds.map { .ref(kindName($0)) }),
                "discriminator": [
                    "propertyName": .string(ServiceRequestValidator.kind.name),
                    "mapping": .object(Dictionary(uniqueKeysWithValues: ServiceRequestValidator.kinds.map {
                        ($0.rawValue, JSONValue.string("#/components/schemas/\(kindName($0))"))
                    })),
                ],
            ],
        ]
        for (kind, schema) in kinds {
            schemas[kindName(kind)] = schema.json
        }
        return schemas.merging(Self.answers) { form, _ in form }
    }

    // MARK: Parameters and shared answers

    private var idempotencyKey: APIParameter {
        APIParameter(
            name: IdempotencyKey.header, location: "header", isRequired: false,
            schema: ["type": "string", "pattern": .string("^[!-~]{1,\(IdempotencyKey.maximumLength)}$")],
            summary: "The same key with the same body bytes gets the same answer and files nothing new.")
    }

    /// What a filing that takes an `Idempotency-Key` refuses beside its own errors.
    private var idempotencyRefusals: [APIAnswer] {
        [.refusal(400, "Not JSON, a field of the wrong JSON type, or a bad Idempotency-Key"),
         .refusal(409, "Idempotency-Key reused for a different body (idempotency_key.reused)")]
    }

    private var requestCode: APIParameter {
        APIParameter(name: "code", location: "path", isRequired: true,
                     schema: ["type": "string", "minLength": 1, "maxLength": .integer(RequestAccess.maximumCodeLength)],
                     summary: "The request code from the receipt, e.g. PC05TK-251124-000123.")
    }

    private var notFound: APIAnswer {
        .refusal(404, "Unknown code or wrong phone (one answer for both)")
    }

    private var accessClosed: APIAnswer {
        .refusal(429, "\(RequestAccess.failureLimit) failures with this code within \(Int(RequestAccess.failureWindow / 60)) minutes (request.too_many_failures), or a rate limit")
    }
}
