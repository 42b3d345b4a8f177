import Testing
import VietnameseIdentity

@Suite("PersonName")
struct PersonNameTests {
    /// "Nguyễn Thị Ánh" typed with combining marks, as some keyboards and PDFs produce it.
    let decomposed = "Nguye\u{0302}\u{0303}n Thi\u{0323} A\u{0301}nh"
    let composed = "Nguy\u{1EC5}n Th\u{1ECB} \u{00C1}nh"

    @Test func decomposedAndComposedSpellingsGiveTheSameBytes() throws {
        #expect(Array(decomposed.utf8) != Array(composed.utf8))
        let fromDecomposed = try PersonName(decomposed)
        let fromComposed = try PersonName(composed)
        #expect(fromDecomposed == fromComposed)
        #expect(Array(fromDecomposed.value.utf8) == Array(composed.utf8))
        #expect(fromDecomposed.value.unicodeScalars.count == 14)
    }

    @Test func trimsAndCollapsesWhitespace() throws {
        #expect(try PersonName("  Trần \t Văn\u{00A0}\u{00A0}Bình \n").value == "Trần Văn Bình")
    }

    @Test func keepsTheCaseAsTyped() throws {
        #expect(try PersonName("lê thị hồng").value == "lê thị hồng")
    }

    @Test func acceptsAOneWordName() throws {
        #expect(try PersonName("Mai").value == "Mai")
    }

    @Test func acceptsApostrophesAndHyphensBetweenLetters() throws {
        #expect(try PersonName("H'Hen Niê").value == "H'Hen Niê")
        #expect(try PersonName("Nguyễn-Trần Minh Khôi").value == "Nguyễn-Trần Minh Khôi")
    }

    @Test func straightensCurlyApostrophes() throws {
        #expect(try PersonName("H\u{2019}Hen Niê").value == "H'Hen Niê")
    }

    @Test func rejectsDigits() {
        #expect(throws: PersonNameError.invalidCharacter("2")) { try PersonName("Nguyễn Văn 2") }
    }

    @Test func rejectsOtherSymbols() {
        #expect(throws: PersonNameError.invalidCharacter(".")) { try PersonName("Nguyễn V. An") }
        #expect(throws: PersonNameError.invalidCharacter("@")) { try PersonName("an@example") }
    }

    @Test func rejectsPunctuationOutsideAWord() {
        #expect(throws: PersonNameError.misplacedPunctuation) { try PersonName("-An") }
        #expect(throws: PersonNameError.misplacedPunctuation) { try PersonName("Văn An-") }
        #expect(throws: PersonNameError.misplacedPunctuation) { try PersonName("Văn - An") }
        #expect(throws: PersonNameError.misplacedPunctuation) { try PersonName("O''Brien") }
    }

    @Test func rejectsBlankInput() {
        #expect(throws: PersonNameError.empty) { try PersonName(" \t ") }
    }

    @Test func rejectsASingleCharacter() {
        #expect(throws: PersonNameError.tooShort) { try PersonName("A") }
    }

    @Test func countsCharactersNotCodePoints() throws {
        // "Ấu" is two characters however it is typed.
        #expect(try PersonName("A\u{0302}\u{0301}u").value == "Ấu")
    }

    @Test func acceptsOneHundredCharactersAndRejectsMore() throws {
        let hundred = String(repeating: "Ánh ", count: 25).dropLast() + "h"
        #expect(hundred.count == 100)
        #expect(try PersonName(String(hundred)).value.count == 100)
        #expect(throws: PersonNameError.tooLong) { try PersonName(String(hundred) + "a") }
    }

    @Test func foldedFormDropsDiacriticsAndCase() throws {
        #expect(try PersonName("Nguyễn Thị Ánh Tuyết").folded == "nguyen thi anh tuyet")
    }

    @Test func foldedFormTurnsDStrokeIntoD() throws {
        #expect(try PersonName("Đặng Đình Đức").folded == "dang dinh duc")
    }

    @Test func foldedFormsMatchWhetherOrNotDiacriticsWereTyped() throws {
        #expect(try PersonName("Phạm Thị Hương").folded == PersonName("PHAM THI HUONG").folded)
        #expect(try PersonName(decomposed).folded == PersonName(composed).folded)
    }
}
