import Attachments
import Contracts
import ServiceKit

extension IntakeAPIDocument {
    /// The schemas of what the API answers.
    static let answers: [String: JSONValue] = [
        "SubmissionReceipt": object(required: ["requestCode", "trackingUrl", "branch", "submittedAt", "notices"], [
            "requestCode": requestCodeValue,
            "trackingUrl": ["type": "string"],
            "branch": .ref("Branch"),
            "submittedAt": instant,
            "notices": ["type": "array", "items": .ref("FieldError"),
                        "description": "Accepted but worth knowing, e.g. a legacy ID number (id_number.legacy)."],
        ]),
        "TrackingAnswer": object(required: ["requestCode", "branch", "channel", "steps"], [
            "requestCode": requestCodeValue,
            "branch": .ref("Branch"),
            "channel": ["type": "string", "enum": .array([Channel.web, .phone].map { .string($0.rawValue) }),
                        "description": "How the request reached the company: web (the portal), phone (the call centre)."],
            "dueDate": ["type": "string", "format": "date",
                        "description": "Last working day within the limit; absent until crm opened the ticket."],
            "steps": ["type": "array", "items": .ref("TimelineStep"), "minItems": 1],
        ]),
        "TimelineStep": object(required: ["at", "actor", "label"], [
            "at": instant,
            "actor": ["type": "string", "enum": .array(ServiceName.allCases.map { .string($0.rawValue) })],
            "label": .ref("LocalizedText"),
        ]),
        "AttachmentsKept": object(required: ["attachments"], [
            "attachments": ["type": "array", "items": object(
                required: ["attachmentId", "kind", "contentType", "byteCount", "addedAt"], [
                    "attachmentId": ["type": "string"],
                    "kind": ["type": "string", "enum": .array(AttachmentKind.allCases.map { .string($0.rawValue) })],
                    "contentType": ["type": "string",
                                    "enum": .array(AttachmentContentType.allCases.map { .string($0.mediaType) })],
                    "byteCount": ["type": "integer", "minimum": 1],
                    "addedAt": instant,
                ])],
        ]),
        "SignatureReceipt": object(required: ["requestCode", "contractNumber", "signedAt"], [
            "requestCode": requestCodeValue, "contractNumber": ["type": "string"], "signedAt": instant,
            "signedCopySHA256": ["type": "string", "pattern": "^[0-9a-f]{64}$"],
        ]),
        "SigningCodeNotice": object(required: ["requestCode", "contractNumber", "validityMinutes", "expiresAt"], [
            "requestCode": requestCodeValue,
            "contractNumber": ["type": "string"],
            "validityMinutes": ["type": "integer", "const": .integer(SigningPolicy.codeValidityMinutes)],
            "expiresAt": instant,
        ]),
        "OutageReportReceipt": object(required: ["reportCode", "branch", "reportedAt", "message"], [
            "reportCode": ["type": "string"], "branch": .ref("Branch"), "reportedAt": instant,
            "message": .ref("LocalizedText"),
        ]),
        "PlannedOutages": object(required: ["plannedOutages"], [
            "plannedOutages": ["type": "array", "items": object(
                required: ["plannedOutageId", "branch", "communeCodes", "location", "reason", "startsAt", "endsAt", "status"], [
                    "plannedOutageId": ["type": "string"], "branch": .ref("Branch"),
                    "communeCodes": ["type": "array", "items": ["type": "string"]],
                    "location": ["type": "string"], "reason": ["type": "string"], "startsAt": instant, "endsAt": instant,
                    "status": ["type": "string", "enum": .array(PlannedOutage.Status.allCases.map { .string($0.rawValue) })],
                ])],
        ]),
        "TariffEstimate": ["anyOf": [
            object(required: ["tableEffectiveFrom", "consumption", "lines", "amountBeforeVAT", "vatAmount", "total"], [
                "lines": ["type": "array"], "amountBeforeVAT": ["type": "number"], "vatAmount": ["type": "number"],
                "total": ["type": "number"],
            ]),
            object(required: ["from", "through", "days", "consumption", "parts", "amountBeforeVAT", "vatAmount", "total"], [
                "days": ["type": "integer"], "parts": ["type": "array"], "amountBeforeVAT": ["type": "number"],
                "vatAmount": ["type": "number"], "total": ["type": "number"],
            ]),
        ]],
        "ReadingSchedule": object(
            required: ["customerCode", "meterSerial", "branch", "route", "readingDay", "nextReadingOn"], [
                "customerCode": ["type": "string"], "meterSerial": ["type": "string"], "branch": .ref("Branch"),
                "route": ["type": "string"], "readingDay": ["type": "integer", "minimum": 1, "maximum": 28],
                "nextReadingOn": ["type": "string", "format": "date"],
            ]),
        "Branch": object(required: ["code", "name", "hotline"], [
            "code": ["type": "string"], "name": ["type": "string"], "hotline": ["type": "string"],
        ]),
        "LocalizedText": object(required: ["vi", "en"], ["vi": ["type": "string"], "en": ["type": "string"]]),
        "FieldError": object(required: ["field", "code", "message"], [
            "field": ["type": "string", "description": "JSON path of the field, empty for the request as a whole."],
            "code": ["type": "string", "description": "Stable machine-readable code, e.g. signing_code.wrong."],
            "message": .ref("LocalizedText"),
        ]),
        "Errors": object(required: ["errors"], ["errors": ["type": "array", "items": .ref("FieldError"), "minItems": 1]]),
    ]

    static let requestCodeValue: JSONValue = ["type": "string", "examples": ["PC05TK-251124-000123"]]
    static let instant: JSONValue = ["type": "string", "format": "date-time"]

    static func object(required: [JSONValue], _ properties: [String: JSONValue]) -> JSONValue {
        ["type": "object", "required": .array(required), "properties": .object(properties)]
    }
}
