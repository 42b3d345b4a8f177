import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// The test gateway answers as a brandname gateway does, so tests that use it prove something.
@Suite struct SMSGatewayRecorderTests {
    private func send(_ gateway: SMSGatewayRecorder, apiKey: String = "k", requestId: String,
                      phone: String = "84912345678", content: String = "Xin chao") async throws -> (Int, [String: String]) {
        var request = URLRequest(url: URL(string: gateway.url)!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: [
            "ApiKey": apiKey, "SecretKey": "s", "Phone": phone, "Content": content, "Brandname": "EVNCPC",
            "SmsType": "2", "IsUnicode": "0", "RequestId": requestId, "Sandbox": "0",
        ])
        let (data, response) = try await URLSession.shared.data(for: request)
        let answer = (try? JSONSerialization.jsonObject(with: data) as? [String: String]) ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, answer)
    }

    @Test func acceptsAMessageOnceAndDropsARepeatedRequestId() async throws {
        let gateway = try await SMSGatewayRecorder.start(apiKey: "k", secretKey: "s")
        let (status, first) = try await send(gateway, requestId: "r-1")
        let (_, repeated) = try await send(gateway, requestId: "r-1")
        await gateway.stop()

        #expect(status == 200)
        #expect(first["CodeResult"] == "100")
        #expect(repeated["CodeResult"] == "100")
        #expect(repeated["SMSID"] == first["SMSID"])
        let messages = await gateway.messages()
        #expect(messages.count == 1)
        #expect(messages.first?.phone == "84912345678")
        #expect(messages.first?.content == "Xin chao")
        #expect(messages.first?.isUnicode == false)
    }

    @Test func refusesWrongKeysAndFailsOnRequest() async throws {
        let gateway = try await SMSGatewayRecorder.start(apiKey: "k", secretKey: "s")
        let (_, wrongKey) = try await send(gateway, apiKey: "other", requestId: "r-1")
        gateway.failNext(1)
        let (busy, _) = try await send(gateway, requestId: "r-2")
        let (afterwards, _) = try await send(gateway, requestId: "r-2")
        await gateway.stop()

        #expect(wrongKey["CodeResult"] == "101")
        #expect(busy == 503)
        #expect(afterwards == 200)
        #expect(await gateway.messages().map(\.requestId) == ["r-2"])
        #expect(await gateway.requestCount() == 3)
    }

    @Test func findsAPhonesMessagesHoweverItsNumberIsWritten() async throws {
        let gateway = try await SMSGatewayRecorder.start(apiKey: "k", secretKey: "s")
        _ = try await send(gateway, requestId: "r-1", phone: "84912345678", content: "first")
        _ = try await send(gateway, requestId: "r-2", phone: "84987654321", content: "to someone else")
        _ = try await send(gateway, requestId: "r-3", phone: "84912345678", content: "second")
        _ = try await send(gateway, requestId: "r-3", phone: "84912345678", content: "second")
        await gateway.stop()

        for written in ["+84912345678", "84912345678", "0912345678", "+84 912 345 678"] {
            #expect(await gateway.messages(to: written).map(\.content) == ["first", "second"], "\(written)")
        }
        #expect(await gateway.messages(to: "0987654321").map(\.content) == ["to someone else"])
        #expect(await gateway.messages(to: "0911111111").isEmpty)
    }
}
