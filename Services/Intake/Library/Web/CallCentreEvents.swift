import Foundation
import Hummingbird
import NIOCore
import ServiceKit
import ServiceLifecycle
import StaffAuth
import VietnameseIdentity
import WebPages

/// `GET /tong-dai/su-kien?extension=<agent's extension>`: the server-sent events (`text/event-stream`)
/// a signed-in operator's console (role `call_centre`, the console's own check) listens to. Each
/// call the PBX reports ringing at that extension (``TelephonyWebhookEndpoint``) is one `call`
/// event whose data is `{"callId", "caller", "page"}`, `page` being the console's address of the
/// caller, which the console's script (``script``) opens in place, without a reload. A comment line
/// every 15 seconds keeps the stream open through proxies. 401 without a console session (an
/// `EventSource` cannot follow a sign-in page); 422 for an extension that is not 2 to 8 digits.
struct CallCentreEvents: Sendable {
    static let path = "tong-dai/su-kien"
    /// The console's script, served with the pages' assets and versioned like them, so a new one
    /// is fetched at once.
    static let scriptPath = "/assets/console-1.js"

    /// One `call` event's data.
    struct Ringing: Encodable, Sendable {
        var callId: String
        var caller: String
        var page: String
    }

    let session: StaffPageSession
    let alerts: CallAlerts

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, context in
            do {
                _ = try await session.visitor(request, context, for: .callCentre)
            } catch let refusal as StaffPageRefusal where refusal.status != .forbidden {
                // A stream, not a page: an EventSource cannot follow the redirect to the sign-in.
                throw APIError(status: .unauthorized, code: "staff.sign_in_required",
                               vi: "Vui lòng đăng nhập tổng đài", en: "Sign in to the call-centre console first")
            }
            var validation = Validation()
            let given = validation.required("extension", request.uri.queryParameters.get("extension"),
                                            IncomingCallForm.agentExtension)
            let agentExtension: String
            do throws(ValidationFailure) { agentExtension = try validation.finish { given } } catch { throw APIError.invalid(error) }
            let alerts = await alerts.listen(at: agentExtension)
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: ": listening\n\n"))
                    // A stream ends when the service stops, so an open console never holds up a graceful shutdown.
                    for await alert in alerts.cancelOnGracefulShutdown() {
                        try await writer.write(ByteBuffer(string: try Self.event(alert)))
                    }
                    try await writer.finish(nil)
                })
        }
        router.get(RouterPath(String(Self.scriptPath.dropFirst()))) { _, _ in
            Response(status: .ok,
                     headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=86400, immutable"],
                     body: .init(byteBuffer: ByteBuffer(string: Self.script)))
        }
    }

    /// One line of JSON, keys sorted, the page's address as it is written.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The text of one alert on the stream.
    static func event(_ alert: CallAlerts.Alert) throws -> String {
        switch alert {
        case .keepAlive:
            return ": keep-alive\n\n"
        case .ringing(let call):
            let page = ConsoleLink.to("/tong-dai", [("phone", call.callerMobile?.e164 ?? call.caller), ("callId", call.callId)])
            let ringing = Ringing(callId: call.callId, caller: call.caller, page: page)
            let data = String(decoding: try encoder.encode(ringing), as: UTF8.self)
            return "event: call\ndata: \(data)\n\n"
        }
    }

    /// Remembers the agent's extension (in the browser), listens at it, and on each call
    /// replaces the console's content with the caller's page and puts its address in the bar.
    static let script = """
        (function () {
          var form = document.getElementById("extension-form");
          if (!form || !window.EventSource) { return; }
          var input = form.querySelector("input[name=extension]");
          var status = document.getElementById("listening");
          var source = null;
          function listen(extension) {
            if (source) { source.close(); }
            if (!/^[0-9]{2,8}$/.test(extension)) { return; }
            source = new EventSource("/\(path)?extension=" + encodeURIComponent(extension));
            source.addEventListener("open", function () { status.hidden = false; status.querySelector("strong").textContent = extension; });
            source.addEventListener("call", function (event) {
              var call = JSON.parse(event.data);
              fetch(call.page, { credentials: "same-origin" }).then(function (response) { return response.text(); }).then(function (html) {
                var page = new DOMParser().parseFromString(html, "text/html");
                var caller = page.getElementById("caller");
                var current = document.getElementById("caller");
                if (caller && current) { current.replaceWith(caller); }
                var find = page.getElementById("find-caller");
                if (find) { document.getElementById("find-caller").replaceWith(find); }
                history.replaceState(null, "", call.page);
                document.title = "☎ " + call.caller;
              });
            });
          }
          input.value = localStorage.getItem("evn.extension") || input.value;
          form.addEventListener("submit", function (event) {
            event.preventDefault();
            localStorage.setItem("evn.extension", input.value);
            listen(input.value);
          });
          listen(input.value);
        })();
        """
}
