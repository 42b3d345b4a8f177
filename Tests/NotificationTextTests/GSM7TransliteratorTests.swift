import Testing
import NotificationText

@Suite("GSM7Transliterator")
struct GSM7TransliteratorTests {
    private func plain(_ text: String) -> String {
        GSM7Transliterator.transliterate(text)
    }

    @Test func removesEveryToneAndVowelModifierInLowerCase() {
        let vowels = "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ"
        #expect(plain(vowels) == "aaaaaa aaaaaa aaaaaa eeeeee eeeeee iiiiii oooooo oooooo oooooo uuuuuu uuuuuu yyyyyy")
    }

    @Test func removesEveryToneAndVowelModifierInUpperCase() {
        let vowels = "AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ"
        #expect(plain(vowels) == "AAAAAA AAAAAA AAAAAA EEEEEE EEEEEE IIIIII OOOOOO OOOOOO OOOOOO UUUUUU UUUUUU YYYYYY")
    }

    @Test func turnsDBarIntoD() {
        #expect(plain("đường Đống Đa") == "duong Dong Da")
    }

    @Test func treatsDecomposedTextLikeComposedText() {
        #expect(plain("Vie\u{0323}\u{0302}t Nam, Đa\u{0300} Na\u{0306}\u{0303}ng") == "Viet Nam, Da Nang")
    }

    @Test func aVietnameseSentence() {
        #expect(
            plain("Yêu cầu cấp điện của quý khách đã được tiếp nhận")
                == "Yeu cau cap dien cua quy khach da duoc tiep nhan")
        #expect(plain("ĐIỆN LỰC TAM KỲ") == "DIEN LUC TAM KY")
    }

    @Test func keepsTheRestOfTheGSMBasicTable() {
        let others = "@£$¥ÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæß¡ÄÖÑÜ§¿äöñü!\"#¤%&'()*+,-./:;<=>?\r\n"
        #expect(plain(others) == others)
        #expect(plain("ABC xyz 0123456789") == "ABC xyz 0123456789")
    }

    @Test func keepsTheExtensionTable() {
        #expect(plain("^{}\\[~]|€") == "^{}\\[~]|€")
    }

    @Test func straightensTypographicPunctuation() {
        #expect(plain("“Quý khách” ‘cảm ơn’") == "\"Quy khach\" 'cam on'")
        #expect(plain("8:00 – 17:00 — thứ Hai") == "8:00 - 17:00 - thu Hai")
        #expect(plain("Xin chờ…") == "Xin cho...")
        #expect(plain("`x´") == "'x'")
    }

    @Test func plainASCIIIsKeptAndOnlyWhatGSMLacksIsMapped() {
        let notice = "Ma ky: 123456. Tra cuu: https://cskh.example.vn/tra-cuu?ma=PC05TK-251124-000001 [x]\r\n"
        #expect(plain(notice) == notice)
        #expect(plain("Ma `ky`") == "Ma 'ky'")
        #expect(plain("Ma\tky") == "Ma ky")
        #expect(plain("Ma\u{7F}ky") == "Ma?ky")
    }

    @Test func stripsMarksFromOtherLettersWhenTheBareLetterIsGSM() {
        #expect(plain("ç ā ő ł") == "c a o ?")
    }

    @Test func replacesWhatGSMCannotCarryWithOneQuestionMarkPerCharacter() {
        #expect(plain("OK 👍🏽") == "OK ?")
        #expect(plain("電力") == "??")
        #expect(plain("№ 5") == "? 5")
    }

    @Test func normalisesWhiteSpaceAndDropsInvisibleCharacters() {
        #expect(plain("a\u{00A0}b\tc") == "a b c")
        #expect(plain("a\u{200B}b\u{00AD}c\u{FEFF}") == "abc")
        #expect(plain("a\u{2028}b") == "a\nb")
    }

    @Test func alwaysProducesGSM7() {
        let mixed = "Điện lực “Hội An” – giờ mở cửa 7:30… ☎ 0235 3861 234 € [x] 😀 Ñ ç ő ß"
        #expect(SMSText(plain(mixed)).encoding == .gsm7)
    }
}
