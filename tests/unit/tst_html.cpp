#include "channels/HtmlSanitizer.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace sb;

namespace {
// Every tag left in sanitized output must be on the allow-list, with no attribute but a safe href or a class.
void verifyOnlyAllowedMarkup(const QString &html)
{
    static const QRegularExpression tagRe(QStringLiteral("<(/?)([a-zA-Z0-9]+)([^>]*)>"));
    static const QStringList allowed {
        QStringLiteral("p"),      QStringLiteral("br"),  QStringLiteral("span"), QStringLiteral("a"),
        QStringLiteral("del"),    QStringLiteral("pre"), QStringLiteral("code"), QStringLiteral("em"),
        QStringLiteral("strong"), QStringLiteral("b"),   QStringLiteral("i"),    QStringLiteral("u"),
        QStringLiteral("ul"),     QStringLiteral("ol"),  QStringLiteral("li"),   QStringLiteral("blockquote")};
    static const QRegularExpression attrsRe(
        QStringLiteral("^( href=\"https?://[^\"<>]*\" rel=\"nofollow noopener noreferrer\"| class=\"[a-z\\- ]+\")?$"));
    auto it = tagRe.globalMatch(html);
    while (it.hasNext()) {
        const auto m = it.next();
        QVERIFY2(allowed.contains(m.captured(2)), qPrintable(html));
        QVERIFY2(attrsRe.match(m.captured(3)).hasMatch(), qPrintable(m.captured(0)));
    }
}
} // namespace

class TestHtml : public QObject {
    Q_OBJECT
private slots:
    void keepsMastodonMarkup()
    {
        // Shape of a real status body (Mastodon.py's recorded test_notifications response).
        const QString in = QStringLiteral(
            "<p><span class=\"h-card\" translate=\"no\"><a href=\"http://localhost:3000/@mastodonpy_test\" "
            "class=\"u-url mention\">@<span>mastodonpy_test</span></a></span> hello!</p>");
        QCOMPARE(Html::sanitize(in),
                 QStringLiteral("<p><span class=\"h-card\"><a href=\"http://localhost:3000/@mastodonpy_test\" "
                                "rel=\"nofollow noopener noreferrer\">@<span>mastodonpy_test</span></a></span> "
                                "hello!</p>"));
        QCOMPARE(Html::toPlainText(in), QStringLiteral("@mastodonpy_test hello!"));
    }

    void dropsDangerousMarkup_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("script") << QStringLiteral("<p>hi<script>alert(1)</script></p>") << QStringLiteral("<p>hi</p>");
        QTest::newRow("img") << QStringLiteral("<p><img src=\"https://tracker.example/p.gif\" onerror=\"x()\">x</p>")
                             << QStringLiteral("<p>x</p>");
        QTest::newRow("js-link") << QStringLiteral("<a href=\"javascript:alert(1)\">x</a>")
                                 << QStringLiteral("<a>x</a>");
        QTest::newRow("split-scheme") << QStringLiteral("<a href=\"java&#9;script:alert(1)\">x</a>")
                                      << QStringLiteral("<a>x</a>");
        QTest::newRow("data-link") << QStringLiteral("<a href='data:text/html,<b>'>x</a>")
                                   << QStringLiteral("<a>x</a>");
        QTest::newRow("handlers") << QStringLiteral("<a href=\"https://ok.example/\" onclick=\"steal()\" "
                                                    "style=\"x\">ok</a>")
                                  << QStringLiteral("<a href=\"https://ok.example/\" rel=\"nofollow noopener "
                                                    "noreferrer\">ok</a>");
        QTest::newRow("style") << QStringLiteral("<style>p{background:url(https://x/y)}</style><em>a</em>")
                               << QStringLiteral("<em>a</em>");
        QTest::newRow("iframe") << QStringLiteral("<iframe src=\"https://x\">inner</iframe>after")
                                << QStringLiteral("after");
        QTest::newRow("unknown-kept-text") << QStringLiteral("<div><h1>Title</h1></div>") << QStringLiteral("Title");
        QTest::newRow("unclosed") << QStringLiteral("<p><b>bold<i>both")
                                  << QStringLiteral("<p><b>bold<i>both</i></b></p>");
        QTest::newRow("stray-close") << QStringLiteral("a</p></div>b") << QStringLiteral("ab");
        QTest::newRow("misnested") << QStringLiteral("<b><i>x</b>y</i>") << QStringLiteral("<b><i>x</i></b>y");
        QTest::newRow("escaped-text") << QStringLiteral("&lt;script&gt;x&lt;/script&gt;")
                                      << QStringLiteral("&lt;script&gt;x&lt;/script&gt;");
        QTest::newRow("lone-lt") << QStringLiteral("1 < 2 & 3 > 2") << QStringLiteral("1 &lt; 2 &amp; 3 &gt; 2");
        QTest::newRow("nul-entity") << QStringLiteral("a&#0;b&#xD800;c") << QStringLiteral("a&amp;#0;b&amp;#xD800;c");
        QTest::newRow("comment") << QStringLiteral("a<!-- <script>x</script> -->b") << QStringLiteral("ab");
        QTest::newRow("nested-trick") << QStringLiteral("<scr<script>ipt>alert(1)</script>")
                                      << QStringLiteral("ipt&gt;alert(1)");
        QTest::newRow("unterminated-attr")
            << QStringLiteral("<a href=\"https://x>text") << QStringLiteral("&lt;a href=&quot;https://x&gt;text");
    }

    void dropsDangerousMarkup()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        const QString got = Html::sanitize(in);
        QCOMPARE(got, out);
        verifyOnlyAllowedMarkup(got);
    }

    void plainText()
    {
        QCOMPARE(Html::toPlainText(QStringLiteral("<p>first</p><p>second<br>line &amp; more</p>")),
                 QStringLiteral("first\n\nsecond\nline & more"));
        QCOMPARE(Html::toPlainText(QStringLiteral("<ul><li>one</li><li>two</li></ul>")),
                 QStringLiteral("• one\n• two"));
        QCOMPARE(Html::toPlainText(QStringLiteral("<p>a<script>b</script>c</p>")), QStringLiteral("ac"));
    }

    void randomInputNeverYieldsForbiddenMarkup()
    {
        const QStringList pieces {QStringLiteral("<"),
                                  QStringLiteral(">"),
                                  QStringLiteral("/"),
                                  QStringLiteral("a"),
                                  QStringLiteral("script"),
                                  QStringLiteral("p"),
                                  QStringLiteral(" href="),
                                  QStringLiteral("\""),
                                  QStringLiteral("'"),
                                  QStringLiteral("javascript:"),
                                  QStringLiteral("https://x"),
                                  QStringLiteral("&"),
                                  QStringLiteral("#"),
                                  QStringLiteral(";"),
                                  QStringLiteral("img"),
                                  QStringLiteral(" onerror=x"),
                                  QStringLiteral("<!--"),
                                  QStringLiteral("-->"),
                                  QStringLiteral("span class=\"invisible evil\""),
                                  QStringLiteral("\t"),
                                  QStringLiteral("é"),
                                  QStringLiteral("<style>")};
        QRandomGenerator rng(42);
        for (int round = 0; round < 3000; ++round) {
            QString in;
            const int n = rng.bounded(1, 40);
            for (int k = 0; k < n; ++k) {
                in += pieces[rng.bounded(int(pieces.size()))];
            }
            const QString out = Html::sanitize(in);
            verifyOnlyAllowedMarkup(out);
            // Sanitized output is a fixed point: nothing in it is reinterpreted on a second pass.
            QVERIFY2(Html::sanitize(out) == out, qPrintable(in));
        }
    }

    void hugePayloadIsBounded()
    {
        QString in = QStringLiteral("<p>") + QString(10 * 1024 * 1024, QLatin1Char('x'));
        QElapsedTimer timer;
        timer.start();
        const QString out = Html::sanitize(in);
        QVERIFY(out.size() <= Html::kMaxInput + 16);
        QVERIFY(out.endsWith(QStringLiteral("</p>")));
        // Deeply nested markup neither recurses nor explodes.
        const QString nested = QStringLiteral("<b>").repeated(100000);
        QCOMPARE(Html::sanitize(nested).count(QStringLiteral("</b>")), 100000);
    }
};

QTEST_GUILESS_MAIN(TestHtml)
#include "tst_html.moc"
