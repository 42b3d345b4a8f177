import Contracts
import VietnameseIdentity

/// The OpenAPI 3.1 description of intake's public API, served at `GET /api/v1/openapi.json`.
///
/// Written as Swift so that limits and choices come from the code that enforces them
/// (``SubmissionValidator``, ``SigningPolicy``, the contract enums). A test holds it to the
/// router (every route, nothing else), to the request forms (every field, the required ones)
/// and to real answers (their required properties).
enum IntakeAPIDocument {
    static let document: JSONValue = [
        "openapi": "3.1.0",
        "info": [
            "title": "intake",
            "version": "1",
            "description": """
                Customers' requests: a new connection (filing, tracking, and signing the contract with a \
                one-time code sent by SMS) and every request about an existing supply point; outage reports; \
                the planned-outage and meter-reading schedules and the bill estimate. Every refusal is \
                {"errors": [FieldError]} with Vietnamese and English messages.
                """,
        ],
        "paths": [
            "/api/v1/requests": ["post": submission],
            "/api/v1/requests/{code}/tracking": ["post": tracking],
            "/api/v1/requests/{code}/signature": ["post": signature],
            "/api/v1/requests/{code}/signing-code": ["post": signingCode],
            "/api/v1/openapi.json": ["get": openAPI],
            "/api/v1/outage-reports": ["post": outageReport],
            "/api/v1/planned-outages": ["get": plannedOutages],
            "/api/v1/tariff/estimate": ["get": tariffEstimate],
            "/api/v1/service-requests": ["post": serviceRequest],
            "/api/v1/reading-schedule": ["get": readingSchedule],
        ],
        "components": ["schemas": schemas],
    ]

    // MARK: Operations

    private static let submission: JSONValue = [
        "operationId": "submitRequest",
        "summary": "File a request for a new low-voltage connection",
        "parameters": [[
            "name": "Idempotency-Key", "in": "header", "required": false,
            "description": "The same key with the same body bytes gets the same answer and files nothing new.",
            "schema": ["type": "string", "minLength": 1, "maxLength": .integer(SubmissionEndpoint.maximumIdempotencyKeyLength),
                       "pattern": "^[!-~]+$"],
        ]],
        "requestBody": body("SubmissionForm"),
        "responses": [
            "201": [
                "description": "Filed; the receipt. `Location` is the tracking URL.",
                "headers": ["Location": ["schema": ["type": "string"]]],
                "content": json("SubmissionReceipt"),
            ],
            "400": errors("Not JSON, a field of the wrong JSON type, or a bad Idempotency-Key"),
            "409": errors("Idempotency-Key reused for a different body"),
            "413": errors("Body over 64 KiB"),
            "422": errors("Every invalid field at once"),
        ],
    ]

    private static let serviceRequest: JSONValue = [
        "operationId": "submitServiceRequest",
        "summary": "File a request about an existing supply point: a contract change, a meter check, a split",
        "requestBody": body("ServiceRequestForm"),
        "responses": [
            "201": [
                "description": "Filed; the receipt. `Location` is the tracking URL.",
                "headers": ["Location": ["schema": ["type": "string"]]],
                "content": json("SubmissionReceipt"),
            ],
            "400": errors("Not JSON or a field of the wrong JSON type"),
            "413": errors("Body over 64 KiB"),
            "422": errors("Every invalid field at once; a field of another kind is field.not_for_kind"),
        ],
    ]

    private static let readingSchedule: JSONValue = [
        "operationId": "readingSchedule",
        "summary": "When a customer's meter is read: the route, its day of the month, the next reading day",
        "parameters": [query("customerCode", "The customer code on the bill (required)")],
        "responses": [
            "200": ["description": "customerCode, meterSerial, branch, route, readingDay, nextReadingOn",
                    "content": ["application/json": ["schema": ["type": "object"]]]],
            "404": errors("A customer code metering has no meter for"),
            "422": errors("The customer code is missing, malformed, or of no served branch"),
            "503": errors("metering did not answer in time"),
        ],
    ]

    private static let tracking: JSONValue = [
        "operationId": "trackRequest",
        "summary": "Where the request stands, for the applicant's phone",
        "parameters": [code],
        "requestBody": body("AccessForm"),
        "responses": [
            "200": ["description": "crm's timeline, or intake's own first step while crm has none",
                    "content": json("TrackingAnswer")],
            "400": errors("Not JSON or a field of the wrong JSON type"),
            "404": errors("Unknown code or wrong phone (one answer for both)"),
            "413": errors("Body over 64 KiB"),
            "422": errors("Phone missing or not a Vietnamese mobile"),
            "429": errors("\(RequestAccess.failureLimit) failures with this code within \(Int(RequestAccess.failureWindow / 60)) minutes"),
        ],
    ]

    private static let signature: JSONValue = [
        "operationId": "signContract",
        "summary": "Sign the drafted contract with the code sent by SMS",
        "parameters": [code],
        "requestBody": body("SignatureForm"),
        "responses": [
            "200": ["description": "Signed", "content": json("SignatureReceipt")],
            "400": errors("Not JSON or a field of the wrong JSON type"),
            "404": errors("Unknown code or wrong phone (one answer for both)"),
            "409": errors("No contract to sign yet (`contract.not_drafted`), or already signed (`contract.already_signed`)"),
            "410": errors("The code expired \(SigningPolicy.codeValidityMinutes) minutes after it was issued; request a new one"),
            "413": errors("Body over 64 KiB"),
            "422": errors("Invalid phone or code format, or a wrong code (`signing_code.wrong`, the attempts left in the message)"),
            "423": errors("Locked after \(SigningPolicy.maximumWrongAttempts) wrong codes; request a new one"),
            "429": errors("\(RequestAccess.failureLimit) failures with this code within \(Int(RequestAccess.failureWindow / 60)) minutes"),
        ],
    ]

    private static let signingCode: JSONValue = [
        "operationId": "requestSigningCode",
        "summary": "Send a new signing code by SMS; the previous one stops working",
        "parameters": [code],
        "requestBody": body("AccessForm"),
        "responses": [
            "202": ["description": "A new code is on its way", "content": json("SigningCodeNotice")],
            "400": errors("Not JSON or a field of the wrong JSON type"),
            "404": errors("Unknown code or wrong phone (one answer for both)"),
            "409": errors("No contract to sign yet, or already signed"),
            "413": errors("Body over 64 KiB"),
            "422": errors("Phone missing or not a Vietnamese mobile"),
            "429": errors("\(SigningPolicy.maximumCodesPerHour) codes within the hour, or too many failures with this code"),
        ],
    ]

    private static let openAPI: JSONValue = [
        "operationId": "openAPIDocument",
        "summary": "This document",
        "responses": ["200": ["description": "OpenAPI 3.1", "content": ["application/json": ["schema": ["type": "object"]]]]],
    ]

    private static let outageReport: JSONValue = [
        "operationId": "reportOutage",
        "summary": "Report a power outage; the reporter is texted once when power is back",
        "requestBody": body("OutageReportForm"),
        "responses": [
            "202": ["description": "Stored and on its way to dispatch: reportCode, branch, reportedAt, message",
                    "content": ["application/json": ["schema": ["type": "object"]]]],
            "400": errors("Not JSON or a field of the wrong JSON type"),
            "413": errors("Body over 8 KiB"),
            "422": errors("Every invalid field at once (a customer code or a commune is required)"),
        ],
    ]

    private static let plannedOutages: JSONValue = [
        "operationId": "plannedOutages",
        "summary": "The planned-outage schedule of a commune or a customer's supply point",
        "parameters": [
            query("communeCode", "The commune's code (or give customerCode)"),
            query("customerCode", "The customer code on the bill (or give communeCode)"),
            query("from", "First day, YYYY-MM-DD (default today)"), query("to", "Last day, YYYY-MM-DD (default 30 days on)"),
        ],
        "responses": [
            "200": ["description": "plannedOutages, soonest first, cancelled ones included",
                    "content": ["application/json": ["schema": ["type": "object"]]]],
            "404": errors("A customer code outage has no supply point for"),
            "422": errors("Every invalid parameter at once"),
            "503": errors("outage did not answer in time"),
        ],
    ]

    private static let tariffEstimate: JSONValue = [
        "operationId": "tariffEstimate",
        "summary": "A residential bill estimate from the dated tariff tables",
        "parameters": [
            query("kWh", "Consumption of the month or the period (required)"),
            query("households", "Whole households on the meter (default 1)"),
            query("tenants", "Registered persons of tenant housing, a quarter each (default 0)"),
            query("declared", "false: occupants not declared, all at tier 3 (default true)"),
            query("day", "The day whose tables apply, YYYY-MM-DD (default today)"),
            query("from", "A reading period's first day (with through)"), query("through", "Its last day (with from)"),
        ],
        "responses": [
            "200": ["description": "Tier lines, amount before VAT, VAT, total",
                    "content": ["application/json": ["schema": ["type": "object"]]]],
            "422": errors("Every invalid parameter at once"),
        ],
    ]

    // MARK: Schemas

    private static let schemas: JSONValue = [
        "OutageReportForm": object(required: ["channel", "phone", "consent"], [
            "channel": choice(Channel.self),
            "operatorId": ["type": "string", "maxLength": .integer(IntakeFields.maximumOperatorIdLength)],
            "customerCode": ["type": "string", "description": "The customer code on the bill, e.g. PC05TK0012345"],
            "communeCode": ["type": "string", "description": "The commune without power (5 digits)"],
            "phone": ["type": "string", "description": "The mobile texted when power is back"],
            "note": ["type": "string", "maxLength": .integer(OutageReportValidator.maximumNoteLength)],
            "consent": ["type": "boolean", "const": true],
        ]),
        "ServiceRequestForm": object(required: ["kind", "channel", "customerCode", "requester", "consent"], [
            "kind": choice(RequestKind.allCases.filter { !$0.isConnection }),
            "channel": choice(Channel.self),
            "operatorId": [
                "type": "string", "maxLength": .integer(IntakeFields.maximumOperatorIdLength),
                "description": "The call-centre operator: required when channel is phone, refused when web.",
            ],
            "customerCode": ["type": "string", "description": "The customer code on the bill, e.g. PC05TK0012345"],
            "requester": ref("ApplicantForm"),
            "newHolder": ["$ref": "#/components/schemas/PersonForm", "description": "change_of_holder only"],
            "purpose": ["type": "string", "enum": .array(PurposeOfUse.allCases.map { .string($0.rawValue) }),
                        "description": "change_of_purpose only"],
            "newHouseholds": [
                "type": "array", "items": ref("PersonForm"), "minItems": 1,
                "maxItems": .integer(ConnectionRequest.maximumHouseholds - 1),
                "description": "household_count_change only: the heads of the households joining the meter.",
            ],
            "disputedRequestCode": ["type": "string", "maxLength": .integer(ServiceRequestValidator.maximumReferenceLength),
                                    "description": "independent_verification only: the verification disputed."],
            "subHouseholdId": ["type": "string", "maxLength": .integer(ServiceRequestValidator.maximumReferenceLength),
                               "description": "meter_split only: the sub-household's reference, e.g. SH-1042."],
            "site": ["$ref": "#/components/schemas/SiteForm", "description": "meter_split only: where the new meter goes"],
            "note": ["type": "string", "maxLength": .integer(ServiceRequestValidator.maximumNoteLength)],
            "consent": ["type": "boolean", "const": true],
        ]),
        "SubmissionForm": object(required: ["kind", "channel", "applicant", "site", "purpose", "householdCount", "consent"], [
            "kind": choice(RequestKind.allCases.filter(\.isConnection)),
            "channel": choice(Channel.self),
            "operatorId": [
                "type": "string", "maxLength": .integer(IntakeFields.maximumOperatorIdLength),
                "pattern": "^\\s*[A-Za-z0-9._-]+\\s*$",
                "description": "The call-centre operator: required when channel is phone, refused when web.",
            ],
            "applicant": ref("ApplicantForm"),
            "site": ref("SiteForm"),
            "purpose": choice(PurposeOfUse.self),
            "householdCount": ["type": "integer", "minimum": 1, "maximum": .integer(ConnectionRequest.maximumHouseholds),
                               "description": "Households sharing the meter, the applicant's included."],
            "extraHouseholds": [
                "type": "array", "items": ref("PersonForm"),
                "maxItems": .integer(ConnectionRequest.maximumHouseholds - 1),
                "description": "Exactly householdCount − 1 entries: the other households' heads.",
            ],
            "consent": ["type": "boolean", "const": true,
                        "description": "Consent to the processing of personal data (Decree 13/2023/NĐ-CP)."],
        ]),
        "ApplicantForm": object(required: ["fullName", "idNumber", "phone"], [
            "fullName": name,
            "idNumber": idNumber,
            "phone": phone,
            "email": ["type": "string", "maxLength": .integer(IntakeFields.maximumEmailLength), "format": "email"],
        ]),
        "SiteForm": object(required: ["province", "communeCode", "street"], [
            "province": ["type": "string", "maxLength": 100],
            "communeCode": ["type": "string", "description": "The 5-digit national code of a served commune or ward."],
            "street": ["type": "string", "maxLength": .integer(SubmissionValidator.maximumStreetLength)],
        ]),
        "PersonForm": object(required: ["fullName", "idNumber"], ["fullName": name, "idNumber": idNumber]),
        "AccessForm": object(required: ["phone"], ["phone": phone]),
        "SignatureForm": object(required: ["phone", "signingCode"], [
            "phone": phone,
            "signingCode": ["type": "string", "pattern": "^( *[0-9]){6} *$",
                            "description": "The six digits sent by SMS; spaces are ignored."],
        ]),
        "SubmissionReceipt": object(required: ["requestCode", "trackingUrl", "branch", "submittedAt", "notices"], [
            "requestCode": requestCode,
            "trackingUrl": ["type": "string"],
            "branch": ref("Branch"),
            "submittedAt": instant,
            "notices": ["type": "array", "items": ref("FieldError"),
                        "description": "Accepted but worth knowing, e.g. a legacy ID number (id_number.legacy)."],
        ]),
        "TrackingAnswer": object(required: ["requestCode", "branch", "steps"], [
            "requestCode": requestCode,
            "branch": ref("Branch"),
            "dueDate": ["type": "string", "format": "date",
                        "description": "Last working day within the limit; absent until crm opened the ticket."],
            "steps": ["type": "array", "items": ref("TimelineStep"), "minItems": 1],
        ]),
        "TimelineStep": object(required: ["at", "actor", "label"], [
            "at": instant,
            "actor": choice(ServiceName.self),
            "label": ref("LocalizedText"),
        ]),
        "SignatureReceipt": object(required: ["requestCode", "contractNumber", "signedAt"], [
            "requestCode": requestCode,
            "contractNumber": ["type": "string"],
            "signedAt": instant,
        ]),
        "SigningCodeNotice": object(required: ["requestCode", "contractNumber", "validityMinutes", "expiresAt"], [
            "requestCode": requestCode,
            "contractNumber": ["type": "string"],
            "validityMinutes": ["type": "integer", "const": .integer(SigningPolicy.codeValidityMinutes)],
            "expiresAt": instant,
        ]),
        "Branch": object(required: ["code", "name", "hotline"], [
            "code": ["type": "string"], "name": ["type": "string"], "hotline": ["type": "string"],
        ]),
        "LocalizedText": object(required: ["vi", "en"], ["vi": ["type": "string"], "en": ["type": "string"]]),
        "FieldError": object(required: ["field", "code", "message"], [
            "field": ["type": "string", "description": "JSON path of the field, empty for the body as a whole."],
            "code": ["type": "string", "description": "Stable machine-readable code, e.g. signing_code.wrong."],
            "message": ref("LocalizedText"),
        ]),
        "Errors": object(required: ["errors"], ["errors": ["type": "array", "items": ref("FieldError"), "minItems": 1]]),
    ]

    // MARK: Building blocks

    private static let code: JSONValue = [
        "name": "code", "in": "path", "required": true,
        "schema": ["type": "string", "maxLength": .integer(RequestAccess.maximumCodeLength)],
        "description": "The request code from the receipt, e.g. PC05TK-251124-000123.",
    ]
    private static let requestCode: JSONValue = ["type": "string", "examples": ["PC05TK-251124-000123"]]
    private static let instant: JSONValue = ["type": "string", "format": "date-time"]
    private static let name: JSONValue = [
        "type": "string", "minLength": .integer(PersonName.minimumLength),
        "maxLength": .integer(PersonName.maximumLength),
    ]
    private static let idNumber: JSONValue = [
        "type": "string", "description": "12-digit citizen ID (CCCD) or 9-digit legacy ID (CMND); spaces allowed.",
    ]
    private static let phone: JSONValue = [
        "type": "string",
        "description": "A Vietnamese mobile in any usual form (0912 345 678, +84912345678, 84912345678…).",
    ]

    private static func query(_ name: String, _ description: String) -> JSONValue {
        ["name": .string(name), "in": "query", "required": false, "description": .string(description),
         "schema": ["type": "string"]]
    }

    private static func object(required: [JSONValue], _ properties: [String: JSONValue]) -> JSONValue {
        ["type": "object", "required": .array(required), "properties": .object(properties)]
    }

    private static func ref(_ schema: String) -> JSONValue {
        ["$ref": .string("#/components/schemas/\(schema)")]
    }

    private static func choice<Choice: CaseIterable & RawRepresentable>(_: Choice.Type) -> JSONValue
    where Choice.RawValue == String {
        ["type": "string", "enum": .array(Choice.allCases.map { .string($0.rawValue) })]
    }

    private static func choice<Choice: RawRepresentable>(_ choices: [Choice]) -> JSONValue
    where Choice.RawValue == String {
        ["type": "string", "enum": .array(choices.map { .string($0.rawValue) })]
    }

    private static func json(_ schema: String) -> JSONValue {
        ["application/json": ["schema": ref(schema)]]
    }

    private static func body(_ schema: String) -> JSONValue {
        ["required": true, "content": json(schema)]
    }

    private static func errors(_ description: String) -> JSONValue {
        ["description": .string(description), "content": json("Errors")]
    }
}
