/// The layout every page shares: a phone-first page with the company's header, the language
/// switch (and on a staff page who is signed in, with the sign-out button), a skip link for
/// keyboard users, and the hotline in the footer.
enum WebLayout {
    static let template = """
        <!doctype html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {{#refresh}}<meta http-equiv="refresh" content="{{refresh}}">{{/refresh}}
        <title>{{title}} — EVN CSKH</title>
        <link rel="stylesheet" href="\(WebAssets.stylesheetPath)">
        </head>
        <body class="{{bodyClass}}">
        <a class="skip" href="#main">{{#vi}}Bỏ qua, tới nội dung{{/vi}}{{#en}}Skip to content{{/en}}</a>
        <header class="site">
          <a class="brand" href="/">EVN · {{#vi}}Chăm sóc khách hàng{{/vi}}{{#en}}Customer service{{/en}}</a>
          <a class="switch" href="{{switchLink}}" hreflang="{{#vi}}en{{/vi}}{{#en}}vi{{/en}}">{{switchLabel}}</a>
          {{#staff}}<form class="signed-in" method="post" action="{{signOut}}">
            <span id="signed-in-as">{{#vi}}Nhân viên{{/vi}}{{#en}}Signed in as{{/en}} <strong>{{staffId}}</strong> · {{unit}} · {{roles}}</span>
            <button type="submit" id="sign-out">{{#vi}}Đăng xuất{{/vi}}{{#en}}Sign out{{/en}}</button>
          </form>{{/staff}}
        </header>
        <main id="main">
        <h1>{{title}}</h1>
        {{$content}}{{/content}}
        </main>
        <footer class="site">
          {{#vi}}Tổng đài chăm sóc khách hàng{{/vi}}{{#en}}Customer care hotline{{/en}}: <a href="tel:19001909">1900 1909</a>
        </footer>
        </body>
        </html>
        """
}
