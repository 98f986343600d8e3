// search_terms (schema v12) and prefix expansion: a prefix searched as the OR of the terms it stands for must find
// exactly what FTS5's own prefix query finds, for new, edited and migrated items alike.
#include "TestWorkspace.h"
#include "store/InboxSearch.h"
#include "store/Schema.h"
#include "store/SearchTerms.h"

#include <QDir>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

using namespace sb;

namespace {

// Words as people type them: diacritics (precomposed and combining), mixed case, apostrophes (straight and curly),
// digits, emoji, other scripts, ligatures and full-width forms, several words that share a prefix.
const char *const kWords[]
    = {"café",   "Café",     "CAFÉ",    "cafe\u0301", "caféteria", "crème",      "brûlée",   "naïve",     "NAÏVETÉ",
       "Straße", "STRASSE",  "Øresund", "ørsted",     "Ångström",  "façade",     "jalapeño", "São",       "Paulo",
       "Ελλάδα", "ελληνικά", "Москва",  "москвич",    "日本語",    "東京",       "Việt",     "tiếng",     "ấm",
       "ồn",     "don't",    "won’t",   "O'Brien",    "l'été",     "e-mail",     "#1234",    "order66",   "v2.0",
       "3D",     "100%",     "🙂",    "👍🏽",   "x🙂y",    "🎉party",     "ǅemal",    "İstanbul",  "ısık",
       "ﬁle",    "Ⅻ",        "²",       "①",          "ＡＢＣ",    "parcel",     "Parcels",  "PARCELLED", "parcelle",
       "order",  "ordered",  "Orders",  "orderly",    "ORDRE",     "refund",     "refunded", "réfund",    "size",
       "sized",  "sizing",   "late",    "later",      "lately",    "Lätt",       "zipper",   "zip",       "Zürich",
       "1",      "12",       "123",     "1234",       "12345",     "2026-05-28", "a",        "ab"};

QString randomText(QRandomGenerator &rng)
{
    static const QString kGlue[] = {QStringLiteral(" "),   QStringLiteral(", "), QStringLiteral("! "),
                                    QStringLiteral(" – "), QStringLiteral("\n"), QStringLiteral("... ")};
    QString text;
    const int words = 3 + int(rng.bounded(8));
    for (int w = 0; w < words; ++w) {
        text += QString::fromUtf8(kWords[rng.bounded(int(std::size(kWords)))]);
        text += kGlue[rng.bounded(int(std::size(kGlue)))];
    }
    // Terms of their own: numbers and made-up words, so short prefixes stand for more than 64 terms.
    text += QStringLiteral("#%1 w%2x").arg(rng.bounded(100000)).arg(rng.bounded(400));
    return text;
}

QList<qint64> rowids(SqliteDb &db, const QString &match)
{
    QList<qint64> out;
    auto st = db.prepare(QStringLiteral("SELECT rowid FROM item_fts WHERE item_fts MATCH ? ORDER BY rowid DESC"));
    if (!st.ok()) {
        qWarning() << st.error().message;
        return {-1};
    }
    st.value().bind(1, match);
    while (st.value().next()) {
        out << st.value().int64(0);
    }
    if (st.value().failed()) {
        qWarning() << match << st.value().error().message;
        return {-1};
    }
    return out;
}

QSet<QString> column(SqliteDb &db, const QString &sql)
{
    QSet<QString> out;
    auto st = db.prepare(sql);
    while (st.ok() && st.value().next()) {
        out.insert(st.value().text(0));
    }
    return out;
}

QSet<QString> indexTerms(SqliteDb &db)
{
    if (!db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, item_fts, row)").ok()) {
        return {};
    }
    return column(db, QStringLiteral("SELECT term FROM temp.vocab"));
}

// Every prefix of `word` that ends on a whole character.
QStringList prefixesOf(const QString &word)
{
    QStringList out;
    for (qsizetype n = 1; n <= word.size(); ++n) {
        if (n < word.size() && word.at(n).isLowSurrogate()) {
            continue;
        }
        out << word.left(n);
    }
    return out;
}

// The same search without expansion: FTS5's prefix query.
QString plainExpression(const QStringList &words)
{
    return ftsMatchExpression(words, true, nullptr);
}

} // namespace

class TestSearchTerms : public QObject {
    Q_OBJECT
private slots:
    // The expanded query finds the very rows of FTS5's prefix query, for prefixes of every word of the corpus (as
    // typed and as indexed) and of every term, alone and after another word.
    void expandedPrefixesFindWhatPrefixQueriesFind()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        QRandomGenerator rng(42);
        std::vector<IncomingItem> items;
        for (int i = 0; i < 1500; ++i) {
            items.push_back(t.inbound(QStringLiteral("r%1").arg(i), QStringLiteral("t%1").arg(i % 300), randomText(rng),
                                      t.clock.nowMs() - 1000 * (1500 - i)));
            if (items.size() == 100) {
                QVERIFY(ingestor.ingest(items).ok());
                items.clear();
            }
        }
        // Every term of the index is listed, and nothing else (nothing was deleted).
        const QSet<QString> indexed = indexTerms(t.db());
        QVERIFY(indexed.size() > 400);
        const QSet<QString> listed = column(t.db(), QStringLiteral("SELECT term FROM search_terms"));
        QCOMPARE(indexed - listed, QSet<QString>());
        QCOMPARE(listed - indexed, QSet<QString>());

        QStringList prefixes;
        for (const char *word : kWords) {
            prefixes << prefixesOf(QString::fromUtf8(word));
        }
        for (const QString &term : indexed) {
            prefixes << prefixesOf(term);
        }
        prefixes.removeDuplicates();

        PrefixExpander expander(t.db());
        int expanded = 0;
        int many = 0;
        for (const QString &prefix : std::as_const(prefixes)) {
            for (const QStringList &words : {QStringList {prefix}, QStringList {QStringLiteral("order"), prefix}}) {
                const QString plain = plainExpression(words);
                const QString expression = ftsMatchExpression(words, true, &expander);
                const QList<qint64> expected = rowids(t.db(), plain);
                QVERIFY2(expected != QList<qint64> {-1}, qPrintable(plain));
                QVERIFY2(rowids(t.db(), expression) == expected,
                         qPrintable(plain + QStringLiteral(" vs ") + expression));
                if (expression != plain) {
                    ++expanded;
                } else if (words.size() == 1 && expected.size() > 0) {
                    ++many;
                }
            }
        }
        // Both ways were exercised: most prefixes were expanded, short ones fell back to the prefix query.
        QVERIFY2(expanded > prefixes.size(), qPrintable(QString::number(expanded)));
        QVERIFY2(many > 10, qPrintable(QString::number(many)));
    }

    void prefixesStandForTheirTerms()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        const qint64 now = t.clock.nowMs();
        std::vector<IncomingItem> items;
        for (int i = 0; i < 70; ++i) {
            items.push_back(t.inbound(QStringLiteral("n%1").arg(i), QStringLiteral("n"),
                                      QStringLiteral("ticket 7%1").arg(i, 2, 10, QLatin1Char('0')), now + i));
        }
        items.push_back(
            t.inbound(QStringLiteral("c1"), QStringLiteral("c"), QStringLiteral("Café crème, e-mail"), now));
        QVERIFY(ingestor.ingest(items).ok());
        PrefixExpander expander(t.db());
        auto terms = [&expander](const char *prefix) {
            auto r = expander.terms(QString::fromUtf8(prefix));
            return r.ok() ? r.value() : QStringList {QStringLiteral("error: ") + r.error().message};
        };
        // Folded as the index folds: case and diacritics.
        QCOMPARE(terms("CAFÉ"), QStringList {QStringLiteral("cafe")});
        QCOMPARE(terms("cr"), QStringList {QStringLiteral("creme")});
        QCOMPARE(terms("ticket"), QStringList {QStringLiteral("ticket")});
        QCOMPARE(terms("70").size(), 10);
        QCOMPARE(terms("7").size(), 0); // 70 terms: FTS5's prefix query instead
        QCOMPARE(terms("zzz").size(), 0); // none: the prefix query matches nothing at once
        QCOMPARE(terms("e-ma").size(), 0); // a phrase: left to FTS5
        QCOMPARE(ftsMatchExpression({QStringLiteral("late"), QStringLiteral("cré")}, true, &expander),
                 QStringLiteral("\"late\" \"creme\""));
        QCOMPARE(ftsMatchExpression({QStringLiteral("cre"), QStringLiteral("cafe")}, false, &expander),
                 QStringLiteral("\"cre\" \"cafe\""));
        QCOMPARE(ftsMatchExpression({QStringLiteral("tick*"), QStringLiteral("700")}, true, &expander),
                 QStringLiteral("\"ticket\" \"700\""));
        QCOMPARE(ftsMatchExpression({QStringLiteral("ticket"), QStringLiteral("70")}, true, &expander),
                 QStringLiteral("\"ticket\" AND (\"700\" OR \"701\" OR \"702\" OR \"703\" OR \"704\" OR \"705\" OR "
                                "\"706\" OR \"707\" OR \"708\" OR \"709\")"));
        QCOMPARE(rowids(t.db(), ftsMatchExpression({QStringLiteral("ticket"), QStringLiteral("70")}, true, &expander))
                     .size(),
                 10);
    }

    // Terms of new items, of items edited on the server, and of items written inside an enclosing transaction are
    // found by prefix; terms of a rolled-back write are written again by the next one.
    void newAndEditedItemsAreFoundByPrefix()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        PrefixExpander expander(t.db());
        const qint64 now = t.clock.nowMs();
        auto found = [&](const char *prefix) {
            const QString expression = ftsMatchExpression({QString::fromUtf8(prefix)}, true, &expander);
            const QList<qint64> rows = rowids(t.db(), expression);
            return expression.endsWith(QLatin1Char('*')) ? -1 : rows.size(); // -1: not expanded
        };
        QVERIFY(
            ingestor.ingest({t.inbound(QStringLiteral("r1"), QStringLiteral("t1"), QStringLiteral("Zeppelin"), now)})
                .ok());
        QCOMPARE(found("zep"), 1);
        QVERIFY(ingestor
                    .ingest({t.inbound(QStringLiteral("r2"), QStringLiteral("t1"), QStringLiteral("zeppelins ahoy"),
                                       now + 1)})
                    .ok());
        QCOMPARE(found("zep"), 2);
        QCOMPARE(found("aho"), 1);

        // Edited on the server: the new text's terms, and the old ones match nothing any more.
        QVERIFY(ingestor.ingest({t.inbound(QStringLiteral("r1"), QStringLiteral("t1"), QStringLiteral("Känguru"), now)})
                    .ok());
        QCOMPARE(found("kang"), 1);
        QCOMPARE(found("zep"), 1);

        // Inside an enclosing transaction that rolls back: the term is gone with the item, and a later item
        // brings it back.
        {
            Transaction outer(t.db());
            QVERIFY(outer.began().ok());
            QVERIFY(
                ingestor
                    .ingest({t.inbound(QStringLiteral("r3"), QStringLiteral("t3"), QStringLiteral("quokka"), now + 3)})
                    .ok());
            QCOMPARE(found("quo"), 1);
        }
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM search_terms WHERE term = 'quokka'")), qint64(0));
        QVERIFY(ingestor
                    .ingest({t.inbound(QStringLiteral("r4"), QStringLiteral("t4"), QStringLiteral("quokka selfie"),
                                       now + 4)})
                    .ok());
        QCOMPARE(found("quo"), 1);

        // Inside an enclosing transaction that commits: kept.
        {
            Transaction outer(t.db());
            QVERIFY(outer.began().ok());
            QVERIFY(
                ingestor
                    .ingest({t.inbound(QStringLiteral("r5"), QStringLiteral("t5"), QStringLiteral("wombat"), now + 5)})
                    .ok());
            QVERIFY(outer.commit().ok());
        }
        QVERIFY(ingestor
                    .ingest({t.inbound(QStringLiteral("r6"), QStringLiteral("t6"), QStringLiteral("wombat again"),
                                       now + 6)})
                    .ok());
        QCOMPARE(found("wom"), 2);

        // A call that fails after writing its items and terms (a cursor of an unknown account) leaves no term, and
        // the next call writes the terms it needs.
        const IncomingItem narwhal
            = t.inbound(QStringLiteral("r8"), QStringLiteral("t8"), QStringLiteral("narwhal"), now + 8);
        QVERIFY(
            !ingestor.ingest({narwhal}, {CursorUpdate {QStringLiteral("nope"), QStringLiteral("x"), {}, {}, {}}}).ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM search_terms WHERE term = 'narwhal'")), qint64(0));
        QVERIFY(ingestor.ingest({narwhal}).ok());
        QCOMPARE(found("narw"), 1);

        // Every term of the index is listed.
        const QSet<QString> listed = column(t.db(), QStringLiteral("SELECT term FROM search_terms"));
        for (const QString &term : indexTerms(t.db())) {
            QVERIFY2(listed.contains(term), qPrintable(term));
        }
    }

    // The migration lists the terms of the index as it was.
    void migrationListsTheTermsOfTheIndex()
    {
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(Workspace::databaseFileName());
        {
            SqliteDb db;
            QVERIFY(db.open(path, SqliteDb::Mode::ReadWriteCreate).ok());
            QVERIFY(db.exec("PRAGMA journal_mode = WAL").ok());
            QVERIFY(schema::migrate(db, 11).ok()); // search_terms came with v12
            QVERIFY(db.exec("INSERT INTO accounts(id, network, handle, service_url, created_at, updated_at) "
                            "VALUES ('a1', 'mastodon', '@old@example.social', 'https://example.social', 1, 1)")
                        .ok());
            QRandomGenerator rng(7);
            auto items = db.prepare(QStringLiteral(
                "INSERT INTO items(seq, account_id, remote_id, kind, direction, text, created_at, received_at, "
                "updated_at) VALUES (?1, 'a1', ?1, 'mention', 'in', ?2, 1, 1, 1)"));
            auto fts = db.prepare(QStringLiteral("INSERT INTO item_fts(rowid, text) VALUES (?, ?)"));
            QVERIFY(items.ok() && fts.ok());
            for (int i = 1; i <= 300; ++i) {
                const QString text = randomText(rng);
                items.value().bindAll(qint64(i), text);
                QVERIFY(items.value().exec().ok());
                fts.value().bindAll(qint64(i), text);
                QVERIFY(fts.value().exec().ok());
            }
        }
        auto opened = Workspace::open(dir.path(), Workspace::OpenMode::OpenExisting);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        SqliteDb &db = opened.value()->db();
        const QSet<QString> indexed = indexTerms(db);
        QVERIFY(indexed.contains(QStringLiteral("cafe")));
        const QSet<QString> listed = column(db, QStringLiteral("SELECT term FROM search_terms"));
        QCOMPARE(indexed - listed, QSet<QString>());
        QCOMPARE(listed - indexed, QSet<QString>());
        PrefixExpander expander(db);
        const QString expression = ftsMatchExpression({QStringLiteral("CAF")}, true, &expander);
        QVERIFY2(expression.startsWith(QLatin1String("(\"cafe\" OR ")), qPrintable(expression));
        QCOMPARE(rowids(db, expression), rowids(db, QStringLiteral("\"caf\"*")));
    }
};

QTEST_GUILESS_MAIN(TestSearchTerms)
#include "tst_searchterms.moc"
