import Testing
import VietnameseIdentity

@Suite("PersonalDataMask")
struct PersonalDataMaskTests {
    @Test func masksACitizenIDInALogLine() {
        #expect(PersonalDataMask.scrub("level=info msg=\"dossier saved\" cccd=079088012345 unit=PC03")
            == "level=info msg=\"dossier saved\" cccd=079*******45 unit=PC03")
    }

    @Test func masksAnEmailAddressInALogLine() {
        #expect(PersonalDataMask.scrub("level=warning msg=\"mail refused\" to=nguyen.van.an@example.com.vn.")
            == "level=warning msg=\"mail refused\" to=n***@example.com.vn.")
        #expect(PersonalDataMask.scrub("a@b.vn, Tran_Thi+evn@mail-1.evn.vn")
            == "a***@b.vn, T***@mail-1.evn.vn")
    }

    @Test func leavesWhatIsNotAnEmailAddressAndAnAlreadyMaskedOne() {
        for text in ["@channel", "user@localhost", "n***@example.vn", "price @ 1.500 đồng", "a@.vn"] {
            #expect(PersonalDataMask.scrub(text) == text)
        }
    }

    @Test func masksACitizenIDWrittenInGroups() {
        #expect(PersonalDataMask.scrub("CCCD: 079 088 012 345.") == "CCCD: 079*******45.")
    }

    @Test func masksALegacyNineDigitID() {
        #expect(PersonalDataMask.scrub("cmnd=201234567") == "cmnd=20*****67")
    }

    @Test(arguments: [
        "0912345678", "0912 345 678", "091 234 5678", "0912.345.678", "0912-345-678",
        "84912345678", "+84912345678", "+84 912 345 678", "+84-912-345-678", "+84 912.345.678",
        "+84 0912 345 678",
    ])
    func masksAMobileNumberInEveryUsualForm(form: String) {
        #expect(PersonalDataMask.scrub("gọi \(form) lúc 9h") == "gọi +8491****678 lúc 9h")
    }

    @Test func findsANumberAtAnyOffsetAndAtEitherEndOfTheText() {
        for padding in 0..<20 {
            let prefix = String(repeating: "x", count: padding) + " "
            #expect(PersonalDataMask.scrub(prefix + "0912345678") == prefix + "+8491****678")
            #expect(PersonalDataMask.scrub("0912345678 " + prefix) == "+8491****678 " + prefix)
        }
    }

    @Test func masksLandlinesToo() {
        #expect(PersonalDataMask.scrub("tel=0235 3812 345") == "tel=+8423*****345")
    }

    @Test func masksPre2018ElevenDigitMobiles() {
        #expect(PersonalDataMask.scrub("old=01689993339") == "old=+8416*****339")
    }

    @Test func producesTheSameFormsAsTheTypes() throws {
        let id = try CitizenID("079088012345", asOf: TestDates.midJune2025)
        let phone = try VietnamesePhoneNumber("0912345678")
        #expect(PersonalDataMask.scrub(id.unmaskedDigits) == id.masked)
        #expect(PersonalDataMask.scrub(phone.e164) == phone.masked)
    }

    @Test func masksEveryNumberOfALine() {
        let line = #"{"fullName":"Nguyễn Văn An","phone":"+84912345678","idNumber":"079088012345","otherPhone":"0987 654 321"}"#
        #expect(PersonalDataMask.scrub(line)
            == #"{"fullName":"Nguyễn Văn An","phone":"+8491****678","idNumber":"079*******45","otherPhone":"+8498****321"}"#)
    }

    @Test func masksNumbersNextToVietnamesePunctuationAndText() {
        #expect(PersonalDataMask.scrub("Khách hàng (SĐT 0912345678), CCCD 079088012345; xong")
            == "Khách hàng (SĐT +8491****678), CCCD 079*******45; xong")
    }

    @Test func leavesAmountsAlone() {
        for line in ["amount=250000", "tiền điện 1.250.000 đồng", "total=150.000.000đ", "kwh=1234567"] {
            #expect(PersonalDataMask.scrub(line) == line)
        }
    }

    @Test func leavesDatesAndTimesAlone() {
        for line in [
            "2025-06-15T10:30:00.123456789+07:00 level=info", "ngày 15/06/2025", "hạn 15.06.2025 10:30",
            "ngày 09.08.2024 10 giờ", "20250615",
        ] {
            #expect(PersonalDataMask.scrub(line) == line)
        }
    }

    @Test func leavesIdentifiersAlone() {
        for line in [
            "message_id=550e8400-e29b-41d4-a716-446655440000",
            "traceparent=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "request=HP2025061500123", "ts=1749963600000", "ip=10.0.0.12 port=5672",
            "request_code=202506150001",
        ] {
            #expect(PersonalDataMask.scrub(line) == line)
        }
    }

    @Test func leavesNumbersGluedToLettersAlone() {
        #expect(PersonalDataMask.scrub("sku=AB0912345678") == "sku=AB0912345678")
    }

    @Test func leavesAPlusThatOpensNoNumberAlone() {
        #expect(PersonalDataMask.scrub("a + b +") == "a + b +")
    }

    @Test func leavesOtherCountriesNumbersAlone() {
        #expect(PersonalDataMask.scrub("call +1 202 555 0100") == "call +1 202 555 0100")
    }

    @Test func leavesAMaskedLineUnchanged() {
        let once = PersonalDataMask.scrub("cccd=079088012345 phone=0912345678 cmnd=201234567")
        #expect(PersonalDataMask.scrub(once) == once)
    }

    @Test func leavesALineWithoutNumbersUnchanged() {
        let line = "level=info service=households msg=\"đồng bộ xong\""
        #expect(PersonalDataMask.scrub(line) == line)
        #expect(PersonalDataMask.scrub("") == "")
    }
}
