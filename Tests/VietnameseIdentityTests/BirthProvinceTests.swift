import Testing
import VietnameseIdentity

@Suite("BirthProvince")
struct BirthProvinceTests {
    @Test func listsThe63CodesOfCircular07Of2016() {
        #expect(BirthProvince.all.count == 63)
        #expect(Set(BirthProvince.all.map(\.code)).count == 63)
    }

    @Test func everyCodeIsThreeDigitsFrom001To096() {
        for province in BirthProvince.all {
            #expect(province.code.count == 3 && province.code.allSatisfy(\.isASCII) && province.code.allSatisfy(\.isNumber))
            #expect(("001"..."096").contains(province.code))
        }
    }

    @Test func findsProvincesByCode() {
        #expect(BirthProvince.withCode("001")?.name == "Hà Nội")
        #expect(BirthProvince.withCode("048")?.name == "Đà Nẵng")
        #expect(BirthProvince.withCode("049")?.name == "Quảng Nam")
        #expect(BirthProvince.withCode("079")?.name == "Hồ Chí Minh")
        #expect(BirthProvince.withCode("096")?.name == "Cà Mau")
    }

    @Test func codesSkippedByTheCircularDoNotExist() {
        for code in ["000", "003", "047", "050", "097", "099"] {
            #expect(BirthProvince.withCode(code) == nil)
        }
    }
}
