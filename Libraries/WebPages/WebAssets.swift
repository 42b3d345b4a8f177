import Hummingbird
import ServiceKit

/// The pages' stylesheets and script, served by every service with pages and cached by
/// browsers for a day: each path carries a version, changed whenever the file is, so a new
/// one is fetched at once.
///
/// Pages hold no inline style or script: their Content-Security-Policy (``SecurityHeaders``)
/// runs only what the service serves, so markup injected into a page cannot run.
public enum WebAssets {
    static let stylesheetPath = "/assets/site-7.css"
    /// The stylesheet of documents made to be printed: an A4 landscape list with signature blocks.
    public static let printStylesheetPath = "/assets/print-1.css"
    /// The script that makes a page's `button.print` print the page.
    public static let printScriptPath = "/assets/print-1.js"

    public static func register(on router: Router<ServiceRequestContext>) {
        serve(stylesheet, at: stylesheetPath, as: "text/css; charset=utf-8", on: router)
        serve(printStylesheet, at: printStylesheetPath, as: "text/css; charset=utf-8", on: router)
        serve(printScript, at: printScriptPath, as: "text/javascript; charset=utf-8", on: router)
    }

    private static func serve(_ text: String, at path: String, as contentType: String,
                              on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(String(path.dropFirst()))) { _, _ in
            Response(status: .ok,
                     headers: [.contentType: contentType, .cacheControl: "public, max-age=86400, immutable"],
                     body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    static let printScript = """
        document.querySelectorAll("button.print").forEach(function (button) {
          button.addEventListener("click", function () { window.print(); });
        });
        """

    static let printStylesheet = """
        @page { size: A4 landscape; margin: 12mm; }
        body { font-family: "Times New Roman", serif; font-size: 12pt; color: #000; margin: 0 auto; max-width: 277mm; }
        header { text-align: center; margin-bottom: 8mm; }
        h1 { font-size: 15pt; text-transform: uppercase; margin: 4mm 0 1mm; }
        .meta { font-style: italic; }
        table { width: 100%; border-collapse: collapse; }
        th, td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; }
        th { background: #eee; font-weight: bold; }
        td.n { text-align: right; white-space: nowrap; }
        tr { page-break-inside: avoid; }
        thead { display: table-header-group; }
        .signatures { display: flex; justify-content: space-around; margin-top: 12mm; text-align: center; }
        .signatures p { margin: 0 0 22mm; font-weight: bold; }
        @media screen { body { padding: 8mm; } .print { margin-bottom: 6mm; } }
        @media print { .print { display: none; } }
        """

    /// Contrast of at least 4.5:1 for text (WCAG 2.1 AA), visible focus, tap targets of 44 px.
    static let stylesheet = """
        :root { --ink: #1a1a1a; --brand: #00427a; --error: #a4001d; --ok: #0b6b2e; --warn: #7a4d00; --line: #c8ccd2; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 17px/1.5 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
        a { color: var(--brand); }
        :focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 8px; }
        header.site { display: flex; justify-content: space-between; align-items: center; gap: 12px;
                      background: var(--brand); color: #fff; padding: 12px 16px; }
        header.site a { color: #fff; font-weight: 600; text-decoration: none; min-height: 44px; display: inline-flex; align-items: center; }
        header.site .switch { border: 2px solid #fff; border-radius: 6px; padding: 0 12px; }
        header.site .signed-in { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 0; }
        header.site .signed-in button { background: #fff; color: var(--brand); min-height: 44px; }
        main { max-width: 40rem; margin: 0 auto; padding: 16px; }
        h1 { font-size: 1.5rem; color: var(--brand); margin: 8px 0 16px; }
        h2 { font-size: 1.2rem; margin: 24px 0 8px; }
        footer.site { border-top: 1px solid var(--line); padding: 16px; text-align: center; }
        form .field { margin: 0 0 16px; }
        label { display: block; font-weight: 600; margin-bottom: 4px; }
        .hint { display: block; font-size: .9rem; color: #4a4f55; }
        input[type=text], input[type=tel], input[type=email], input[type=number], input[type=password], select, textarea {
          width: 100%; min-height: 44px; padding: 8px 10px; font: inherit; border: 2px solid #6b7178; border-radius: 6px; background: #fff; }
        .invalid input, .invalid select { border-color: var(--error); }
        .field-error { color: var(--error); font-weight: 600; margin: 4px 0 0; }
        .field-error::before { content: "⚠ "; }
        .check { display: flex; gap: 10px; align-items: flex-start; } .check input { width: 24px; height: 24px; margin-top: 2px; }
        fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 16px; padding: 8px 12px 0; }
        legend { font-weight: 600; padding: 0 4px; }
        button, .button { display: inline-block; min-height: 48px; padding: 10px 24px; font: inherit; font-weight: 700;
          color: #fff; background: var(--brand); border: 0; border-radius: 8px; cursor: pointer; text-decoration: none; }
        .summary { border: 3px solid var(--error); border-radius: 8px; padding: 8px 16px; margin-bottom: 16px; }
        .notice { border-left: 6px solid var(--ok); background: #eef7f1; padding: 12px 16px; margin-bottom: 16px; }
        .code { font: 700 1.4rem ui-monospace, monospace; letter-spacing: .05em; }
        .digest { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
        ol.timeline { list-style: none; padding: 0; border-left: 3px solid var(--brand); margin-left: 8px; }
        ol.timeline li { position: relative; padding: 0 0 12px 16px; }
        ol.timeline li::before { content: ""; position: absolute; left: -9px; top: 6px; width: 14px; height: 14px;
          border-radius: 50%; background: var(--brand); }
        ol.timeline time { display: block; font-size: .9rem; color: #4a4f55; }
        nav.tasks a { display: block; padding: 14px 16px; margin-bottom: 10px; border: 2px solid var(--brand);
          border-radius: 8px; font-weight: 600; text-decoration: none; }
        table.tickets { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; } table.tickets th, table.tickets td { text-align: left;
          padding: 8px; border-bottom: 1px solid var(--line); }
        .sla-on_track { color: var(--ok); } .sla-due_today { color: var(--warn); } .sla-breached { color: var(--error); }
        body.wall { background: #0d1b2a; color: #fff; } body.wall main { max-width: none; }
        body.wall header.site, body.wall footer.site { display: none; } body.wall h1 { color: #fff; font-size: 2.6rem; }
        .counts { display: flex; gap: 24px; margin-bottom: 24px; font-size: 2rem; font-weight: 700; }
        .counts div { padding: 12px 24px; border-radius: 12px; background: #1b2d44; }
        .board { display: grid; grid-template-columns: repeat(auto-fill, minmax(26rem, 1fr)); gap: 16px; list-style: none; padding: 0; }
        .board li { padding: 16px 20px; border-radius: 12px; font-size: 1.5rem; border-left: 14px solid; background: #1b2d44; }
        .board li.sla-on_track { border-color: #2ecc71; color: #fff; } .board li.sla-due_today { border-color: #f5b700; color: #fff; }
        .board li.sla-breached { border-color: #ff4d4d; color: #fff; background: #4a1620; }
        .board .ticket-code { font: 700 1.6rem ui-monospace, monospace; display: block; white-space: nowrap; }
        @media (min-width: 48rem) { main { padding: 24px; } }
        """
}
