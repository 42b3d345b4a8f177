import Testing
import NotificationText

/// Boundaries worked out by hand from 3GPP TS 23.038 / 23.040: GSM-7 160 alone, 153 per
/// segment; UCS-2 70 alone, 67 per segment; an escape sequence or a surrogate pair never
/// split between segments.
@Suite("SMSText")
struct SMSTextTests {
    private func text(_ character: Character, _ count: Int) -> String {
        String(repeating: character, count: count)
    }

    @Test func anEmptyTextIsOneMessage() {
        let sms = SMSText("")
        #expect(sms.encoding == .gsm7)
        #expect(sms.units == 0)
        #expect(sms.segments == 1)
    }

    @Test func gsm7Takes160SeptetsInOneMessage() {
        let sms = SMSText(text("a", 160))
        #expect(sms.encoding == .gsm7)
        #expect(sms.septets == 160)
        #expect(sms.segments == 1)
    }

    @Test func gsm7Septet161StartsASecondSegment() {
        let sms = SMSText(text("a", 161))
        #expect(sms.septets == 161)
        #expect(sms.segments == 2)
    }

    @Test func twoGSM7SegmentsHold306Septets() {
        #expect(SMSText(text("a", 306)).segments == 2)
        #expect(SMSText(text("a", 307)).segments == 3)
    }

    @Test func extensionCharactersCostTwoSeptets() {
        let sms = SMSText("^{}\\[~]|€")
        #expect(sms.encoding == .gsm7)
        #expect(sms.septets == 18)
        #expect(SMSText("\u{0C}").septets == 2)
    }

    @Test func anExtensionCharacterCanTipASingleMessageOver() {
        #expect(SMSText(text("a", 158) + "€").septets == 160)
        #expect(SMSText(text("a", 158) + "€").segments == 1)
        #expect(SMSText(text("a", 159) + "€").septets == 161)
        #expect(SMSText(text("a", 159) + "€").segments == 2)
    }

    @Test func anEscapeSequenceIsNeverSplitBetweenSegments() {
        // 152 + 2 + 152 = 306 septets, but `€` cannot straddle septets 153/154: the first
        // segment closes at 152, the second holds `€` + 151, one `a` is left for a third.
        let straddling = SMSText(text("a", 152) + "€" + text("a", 152))
        #expect(straddling.septets == 306)
        #expect(straddling.segments == 3)
        // 151 + 2 ends the first segment exactly at 153: two segments.
        let fitting = SMSText(text("a", 151) + "€" + text("a", 153))
        #expect(fitting.septets == 306)
        #expect(fitting.segments == 2)
    }

    @Test func theWholeGSMBasicTableIsGSM7AtOneSeptetEach() {
        let basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
        #expect(basic.unicodeScalars.count == 127)
        let sms = SMSText(basic)
        #expect(sms.encoding == .gsm7)
        #expect(sms.septets == 127)
    }

    @Test func oneCharacterOutsideGSMMakesTheWholeTextUCS2() {
        let sms = SMSText(text("a", 100) + "ệ")
        #expect(sms.encoding == .ucs2)
        #expect(sms.septets == nil)
        #expect(sms.units == 101)
        #expect(sms.segments == 2)
    }

    @Test func ucs2Takes70CharactersInOneMessage() {
        #expect(SMSText(text("ệ", 70)).units == 70)
        #expect(SMSText(text("ệ", 70)).segments == 1)
        #expect(SMSText(text("ệ", 71)).segments == 2)
    }

    @Test func twoUCS2SegmentsHold134Units() {
        #expect(SMSText(text("ệ", 134)).segments == 2)
        #expect(SMSText(text("ệ", 135)).segments == 3)
    }

    @Test func aCharacterOutsideTheBMPCountsTwoUnits() {
        let sms = SMSText(text("ệ", 69) + "😀")
        #expect(sms.units == 71)
        #expect(sms.segments == 2)
        #expect(SMSText(text("ệ", 68) + "😀").segments == 1)
    }

    @Test func aSurrogatePairIsNeverSplitBetweenSegments() {
        // 66 + 2 + 66 = 134 units, but the emoji cannot straddle units 67/68.
        let sms = SMSText(text("ệ", 66) + "😀" + text("ệ", 66))
        #expect(sms.units == 134)
        #expect(sms.segments == 3)
        #expect(SMSText(text("ệ", 65) + "😀" + text("ệ", 67)).segments == 2)
    }

    @Test func decomposedVietnameseIsSentComposed() {
        let sms = SMSText("Vie\u{0323}\u{0302}t")
        #expect(sms.text.unicodeScalars.count == 4)
        #expect(sms.units == 4)
    }

    @Test func vietnameseLettersThatAreInTheGSMTableStayGSM7AsIs() {
        #expect(SMSText("và là").encoding == .gsm7)
    }

    @Test func aVietnameseSentenceBeforeAndAfterRemovingDiacritics() {
        let sms = SMSText("Yêu cầu cấp điện của quý khách đã được tiếp nhận")
        #expect(sms.encoding == .ucs2)
        #expect(sms.units == 48)
        #expect(sms.segments == 1)

        let plain = sms.withoutDiacritics
        #expect(plain.text == "Yeu cau cap dien cua quy khach da duoc tiep nhan")
        #expect(plain.encoding == .gsm7)
        #expect(plain.septets == 48)
        #expect(plain.segments == 1)
    }

    @Test func removingDiacriticsSavesSegments() {
        // 100 Vietnamese characters: two UCS-2 segments, one GSM-7 message.
        let sms = SMSText(String(repeating: "Điện lực ", count: 11) + "x")
        #expect(sms.units == 100)
        #expect(sms.segments == 2)
        #expect(sms.withoutDiacritics.segments == 1)
    }

    @Test func capacitiesAreThoseOfTS23040() {
        #expect(SMSEncoding.gsm7.singleMessageCapacity == 160)
        #expect(SMSEncoding.gsm7.segmentCapacity == 153)
        #expect(SMSEncoding.ucs2.singleMessageCapacity == 70)
        #expect(SMSEncoding.ucs2.segmentCapacity == 67)
    }
}
