import Contracts
import Testing

/// The branch codes and meter serials every service accepts alike.
@Suite struct IdentifierTests {
    @Test func aBranchCodeIsTwoToSixteenUpperCaseLettersOrDigits() {
        #expect(BranchCode(" pc05tk ")?.value == "PC05TK")
        #expect(BranchCode("CORP")?.value == "CORP")
        for invalid in ["P", "PC05-TK", "PC05 TK", "ĐLTK", String(repeating: "A", count: 17), ""] {
            #expect(BranchCode(invalid) == nil, "\(invalid)")
        }
    }

    @Test func aMeterSerialIsFourToThirtyTwoLettersDigitsOrHyphens() {
        #expect(MeterSerial(" vse-11-2503 ")?.value == "VSE-11-2503")
        for invalid in ["VSE", "VSE 11", "VSE_11", "CÔNGTƠ1", String(repeating: "9", count: 33)] {
            #expect(MeterSerial(invalid) == nil, "\(invalid)")
        }
    }
}
