import Contracts
import Foundation
import VietnameseIdentity
import WebPages
import WorkingCalendar

/// The sentence `crm.request.progressed` carries for the customer at each stage of a service
/// request, in Vietnamese and English; it names no person, only codes, counts and amounts.
enum ServiceRequestSummary {
    static func approved(_ kind: RequestKind) -> LocalizedText {
        switch kind {
        case .contractTermination:
            LocalizedText(vi: "Đã chấp thuận chấm dứt hợp đồng; nhân viên sẽ đến chốt chỉ số công tơ",
                          en: "Termination approved; staff will take the final meter reading")
        case .householdCountChange:
            LocalizedText(vi: "Đã chấp thuận; đang cập nhật số hộ dùng chung công tơ",
                          en: "Approved; the households sharing the meter are being counted")
        case .changeOfHolder:
            LocalizedText(vi: "Đã chấp thuận; chủ hợp đồng mới sẽ nhận mã ký hợp đồng qua tin nhắn",
                          en: "Approved; the new holder will get a signing code by text message")
        case .meterSplit:
            LocalizedText(vi: "Đã chấp thuận tách công tơ; nhân viên sẽ lắp công tơ riêng",
                          en: "Meter split approved; staff will install a meter of your own")
        default:
            LocalizedText(vi: "Điện lực đã chấp thuận yêu cầu", en: "The branch approved your request")
        }
    }

    /// A contract changed on `day`; a change of holder tells the one leaving, who filed it, that
    /// the contract is no longer in their name from that day.
    static func contractChanged(_ kind: RequestKind, customerCode: String, tariffGroup: String?,
                                on day: CalendarDay) -> LocalizedText {
        switch kind {
        case .changeOfHolder:
            LocalizedText(vi: "Hợp đồng mã khách hàng \(customerCode) đã chuyển cho chủ hợp đồng mới từ ngày "
                              + "\(ShownTime.day(day.description)); hợp đồng không còn đứng tên Quý khách",
                          en: "The contract of customer \(customerCode) passed to its new holder on "
                              + "\(ShownTime.day(day.description)); it is no longer in your name")
        case .changeOfPurpose:
            LocalizedText(vi: "Đã đổi mục đích sử dụng điện của mã khách hàng \(customerCode), áp giá \(tariffGroup ?? "")",
                          en: "Purpose of use of customer \(customerCode) changed; tariff \(tariffGroup ?? "")")
        default:
            LocalizedText(vi: "Hợp đồng mã khách hàng \(customerCode) đã được gia hạn",
                          en: "The contract of customer \(customerCode) was renewed")
        }
    }

    /// A renewed contract and the last day it now runs to.
    static func renewed(customerCode: String, until endsOn: CalendarDay) -> LocalizedText {
        let day = ShownTime.day(endsOn.description)
        return LocalizedText(vi: "Hợp đồng mã khách hàng \(customerCode) đã được gia hạn đến hết ngày \(day)",
                             en: "The contract of customer \(customerCode) was renewed until \(day)")
    }

    /// A renewal of an open-ended contract: it never runs out, so the branch extends nothing.
    static func nothingToRenew(customerCode: String) -> LocalizedText {
        LocalizedText(vi: "Hợp đồng mã khách hàng \(customerCode) không có thời hạn; không cần gia hạn",
                      en: "The contract of customer \(customerCode) has no end date; nothing to renew")
    }

    static func households(_ quarters: Int) -> LocalizedText {
        let shown = HouseholdQuarters(quarters: quarters).description
        return LocalizedText(vi: "Số hộ dùng chung công tơ nay là \(shown); hợp đồng đã được điều chỉnh",
                             en: "The meter is now shared by \(shown) households; the contract was amended")
    }

    static func finalReading(_ kWh: Int, customerCode: String) -> LocalizedText {
        LocalizedText(vi: "Chỉ số chốt \(NumberText.vi(kWh)) kWh; hợp đồng mã khách hàng \(customerCode) đã chấm dứt",
                      en: "Final reading \(NumberText.en(kWh)) kWh; the contract of customer \(customerCode) ended")
    }

    static func split(newCustomerCode: String, meterSerial: String) -> LocalizedText {
        LocalizedText(vi: "Đã lắp công tơ riêng \(meterSerial), mã khách hàng mới \(newCustomerCode)",
                      en: "Your own meter \(meterSerial) is installed; new customer code \(newCustomerCode)")
    }

    /// The result of an inspection or verification, and what the customer pays.
    static func checked(_ check: MeterVisited.Check) -> LocalizedText {
        let error = check.measuredErrorPercent
        let sign = error > 0 ? "+" : ""
        let errorVi = sign + NumberText.vi(error), errorEn = sign + NumberText.en(error)
        let classVi = NumberText.vi(check.accuracyClass), classEn = NumberText.en(check.accuracyClass)
        if check.accurate {
            let feeVi = check.feeVND > 0 ? "; phí kiểm định \(NumberText.vi(check.feeVND)) đồng" : ""
            let feeEn = check.feeVND > 0 ? "; verification fee \(NumberText.en(check.feeVND)) VND" : ""
            return LocalizedText(vi: "Công tơ sai số \(errorVi)%, đạt cấp chính xác \(classVi)\(feeVi)",
                                 en: "Meter error \(errorEn)%, within class \(classEn)\(feeEn)")
        }
        return LocalizedText(
            vi: "Công tơ sai số \(errorVi)%, không đạt cấp chính xác \(classVi): công tơ sẽ được thay, không thu phí",
            en: "Meter error \(errorEn)%, outside class \(classEn): the meter will be replaced, free of charge")
    }
}
