// switchboard-cli as a user meets it: the real executable on throwaway workspaces, checked by exit code, stdout and
// stderr. Data is made through the engine and the ingest path, so these tests do not depend on the demo generator
// (except demo(), which keeps to what DemoGenerator.h promises).
#include "core/Clock.h"
#include "core/Ids.h"
#include "engine/Engine.h"
#include "store/Ingest.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <unistd.h>

using namespace sb;

namespace {

struct CliRun {
    int code = -1;
    QByteArray out;
    QByteArray err;
    QString errText() const { return QString::fromUtf8(err); }
    QString outText() const { return QString::fromUtf8(out); }
};

// The workspace every test starts from: an admin (Alice, from `init`), three more employees, two brand accounts and
// four conversations whose newest items are, newest first: C, B, A, D.
struct Fixture {
    QString dir;
    QString alice, bob, carol, dave;
    QString mastodon, bluesky;
    QString convA, convB, convC, convD;
};

const QRegularExpression &isoPattern()
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z$"));
    return re;
}

bool isIso(const QJsonValue &value)
{
    return value.isString() && isoPattern().match(value.toString()).hasMatch();
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

IncomingItem item(const QString &account, const QString &remoteId, const QString &thread, const QString &kind,
                  bool outbound, const QString &author, const QString &text, qint64 at)
{
    IncomingItem i;
    i.accountId = account;
    i.remoteId = remoteId;
    i.threadKey = thread;
    i.kind = kind;
    i.outbound = outbound;
    i.text = text;
    i.createdAt = at;
    i.author = RemotePerson {QStringLiteral("id-") + author, author, author.section(QLatin1Char('@'), 0, 0), {}};
    return i;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    CliRun cli(const QStringList &args, const QHash<QString, QString> &env = {}, const QByteArray &input = {});
    CliRun cliIn(const Fixture &f, QStringList args, const QHash<QString, QString> &env = {},
                 const QByteArray &input = {});
    QJsonDocument jsonOf(const CliRun &run);
    Fixture makeWorkspace(const QString &name);
    QJsonObject show(const Fixture &f, const QString &id);
    QStringList listIds(const Fixture &f, const QStringList &filters);
    qint64 eventCount(const QString &dir);

    QTemporaryDir m_root;
    QString m_program;
    Fixture m_shared; // read-only tests use this one
    int m_workspaces = 0;

private slots:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void helpAndVersion();
    void missingWorkspace();
    void defaultWorkspaceLocation();
    void corruptDatabase_data();
    void corruptDatabase();
    void tooNewDatabase();
    void notWritable();
    void initWorkspace();
    void inboxListJson();
    void inboxListTable();
    void inboxListFilters();
    void terminalControlsAreNotPrinted();
    void searchInputIsNeverSyntax_data();
    void searchInputIsNeverSyntax();
    void inboxShow();
    void triageCommandsLogOneEventEach();
    void actorFromEnvironment();
    void roleRefusal();
    void notFound();
    void accountList();
    void reportEngagement();
    void postNewAndList();
    void postImportReportsEveryRow();
    void postRepeatsAndWarnsOfDuplicates();
    void serveWritesTheWeeklyReport();
    void demo();
};

CliRun TestCli::cli(const QStringList &args, const QHash<QString, QString> &env, const QByteArray &input)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("SWITCHBOARD_WORKSPACE"));
    environment.remove(QStringLiteral("SWITCHBOARD_EMPLOYEE"));
    environment.remove(QStringLiteral("QT_LOGGING_RULES"));
    // The default workspace lives under the data location: keep it inside the test's folder.
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_root.filePath(QStringLiteral("xdg-data")));
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        environment.insert(it.key(), it.value());
    }
    process.setProcessEnvironment(environment);
    process.start(m_program, args);
    if (!process.waitForStarted(10000)) {
        qWarning() << "cannot start" << m_program;
        return {};
    }
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        qWarning() << "timed out:" << args;
        return {};
    }
    CliRun run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

CliRun TestCli::cliIn(const Fixture &f, QStringList args, const QHash<QString, QString> &env, const QByteArray &input)
{
    args.prepend(f.dir);
    args.prepend(QStringLiteral("--workspace"));
    return cli(args, env, input);
}

QJsonDocument TestCli::jsonOf(const CliRun &run)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning() << "not JSON:" << error.errorString() << run.out.left(400) << run.err;
    }
    // Valid UTF-8 survives a decode/encode round trip unchanged.
    if (QString::fromUtf8(run.out).toUtf8() != run.out) {
        qWarning() << "stdout is not valid UTF-8";
        return {};
    }
    return doc;
}

Fixture TestCli::makeWorkspace(const QString &name)
{
    Fixture f;
    f.dir = m_root.filePath(name + QString::number(++m_workspaces));
    const CliRun init = cli({QStringLiteral("--workspace"), f.dir, QStringLiteral("init"), QStringLiteral("--admin"),
                             QStringLiteral("Alice"), QStringLiteral("--time-zone"), QStringLiteral("Europe/Berlin")});
    if (init.code != 0) {
        qWarning() << "init failed" << init.err;
        return f;
    }
    auto ws = Workspace::open(f.dir, Workspace::OpenMode::OpenExisting);
    if (!ws.ok()) {
        qWarning() << ws.error().message;
        return f;
    }
    SqliteDb &db = ws.value()->db();
    Engine engine(db, SystemClock::instance(), RandomIdSource::instance());
    f.alice = db.scalarText(QStringLiteral("SELECT id FROM employees WHERE name = 'Alice'"));
    const Actor admin = Actor::employee(f.alice);
    f.bob = engine.addEmployee(admin, {QStringLiteral("Bob"), {}, Role::CommunityManager, {}}).value();
    f.carol = engine.addEmployee(admin, {QStringLiteral("Carol"), {}, Role::Contributor, {}}).value();
    f.dave = engine.addEmployee(admin, {QStringLiteral("Dave"), {}, Role::Manager, {}}).value();
    NewAccount m;
    m.network = Network::Mastodon;
    m.handle = QStringLiteral("brand@example.social");
    m.displayName = QStringLiteral("Brand");
    m.serviceUrl = QStringLiteral("https://example.social");
    f.mastodon = engine.addAccount(admin, m).value();
    NewAccount b;
    b.network = Network::Bluesky;
    b.handle = QStringLiteral("brand.bsky.social");
    b.displayName = QStringLiteral("Brand on Bluesky");
    b.serviceUrl = QStringLiteral("https://bsky.social");
    f.bluesky = engine.addAccount(admin, b).value();

    const qint64 hour = 3600 * 1000;
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 10 * hour;
    Ingestor ingest(db, SystemClock::instance(), RandomIdSource::instance());
    const std::vector<IncomingItem> items {
        item(f.bluesky, QStringLiteral("r-d1"), QStringLiteral("t-d"), QStringLiteral("mention"), false,
             QStringLiteral("gina.bsky.social"), QStringLiteral("Question about pricing tiers"), base + hour / 2),
        item(f.mastodon, QStringLiteral("r-a1"), QStringLiteral("t-a"), QStringLiteral("mention"), false,
             QStringLiteral("dana@example.org"), QStringLiteral("My order 1234 never arrived"), base + hour),
        item(f.mastodon, QStringLiteral("r-a2"), QStringLiteral("t-a"), QStringLiteral("reply"), true,
             QStringLiteral("brand@example.social"), QStringLiteral("Sorry! Checking your order now"), base + 2 * hour),
        item(f.mastodon, QStringLiteral("r-a3"), QStringLiteral("t-a"), QStringLiteral("reply"), false,
             QStringLiteral("dana@example.org"), QStringLiteral("Still waiting for the order, any news?"),
             base + 3 * hour),
        item(f.bluesky, QStringLiteral("r-b1"), QStringLiteral("t-b"), QStringLiteral("dm"), false,
             QStringLiteral("erin.bsky.social"), QStringLiteral("Grüße aus München — is the café event still on?"),
             base + 4 * hour),
        item(f.mastodon, QStringLiteral("r-c1"), QStringLiteral("t-c"), QStringLiteral("mention"), false,
             QStringLiteral("frank@example.net"), QStringLiteral("Loved the launch livestream!"), base + 5 * hour),
    };
    if (auto r = ingest.ingest(items); !r.ok()) {
        qWarning() << r.error().message;
    }
    auto conv = [&db](const char *thread) {
        auto st = db.prepare(QStringLiteral("SELECT id FROM conversations WHERE thread_key = ?"));
        st.value().bind(1, QString::fromLatin1(thread));
        return st.value().next() ? st.value().text(0) : QString();
    };
    f.convA = conv("t-a");
    f.convB = conv("t-b");
    f.convC = conv("t-c");
    f.convD = conv("t-d");
    return f;
}

QJsonObject TestCli::show(const Fixture &f, const QString &id)
{
    const CliRun run = cliIn(f, {QStringLiteral("inbox"), QStringLiteral("show"), id, QStringLiteral("--json")});
    if (run.code != 0) {
        qWarning() << "show failed" << run.err;
    }
    return jsonOf(run).object();
}

QStringList TestCli::listIds(const Fixture &f, const QStringList &filters)
{
    const CliRun run
        = cliIn(f, QStringList {QStringLiteral("inbox"), QStringLiteral("list"), QStringLiteral("--json")} + filters);
    if (run.code != 0) {
        qWarning() << "list failed" << filters << run.code << run.err;
        return {QStringLiteral("<failed>")};
    }
    QStringList ids;
    for (const QJsonValue &v : jsonOf(run).array()) {
        ids << v.toObject().value(QStringLiteral("id")).toString();
    }
    return ids;
}

qint64 TestCli::eventCount(const QString &dir)
{
    SqliteDb db;
    if (!db.open(QDir(dir).filePath(Workspace::databaseFileName()), SqliteDb::Mode::ReadOnly).ok()) {
        return -1;
    }
    return db.scalarInt(QStringLiteral("SELECT count(*) FROM events"), -1);
}

void TestCli::initTestCase()
{
    QVERIFY(m_root.isValid());
    m_program = qEnvironmentVariable("SWITCHBOARD_CLI");
    QVERIFY2(QFileInfo(m_program).isExecutable(), "SWITCHBOARD_CLI must name the built switchboard-cli");
    m_shared = makeWorkspace(QStringLiteral("shared"));
    QVERIFY(!m_shared.convA.isEmpty());
    QVERIFY(!m_shared.convD.isEmpty());
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    const QString id = m_shared.convA;
    auto row = [](const char *name, const QStringList &args) { QTest::newRow(name) << args; };
    const QString inbox = QStringLiteral("inbox");
    row("no command", {});
    row("unknown command", {QStringLiteral("frobnicate")});
    row("later command: post new", {QStringLiteral("post"), QStringLiteral("new")});
    row("later command: team init", {QStringLiteral("team"), QStringLiteral("init")});
    row("reply without text", {QStringLiteral("reply"), id});
    row("reply with empty text", {QStringLiteral("reply"), id, QStringLiteral("--text"), QStringLiteral(" ")});
    row("account add unknown network", {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("myspace")});
    row("account add without instance",
        {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("mastodon"),
         QStringLiteral("--token-stdin")});
    row("account add without token",
        {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("mastodon"), QStringLiteral("--instance"),
         QStringLiteral("https://example.social")});
    row("account add with both tokens",
        {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("mastodon"), QStringLiteral("--instance"),
         QStringLiteral("https://example.social"), QStringLiteral("--token-stdin"), QStringLiteral("--token-env"),
         QStringLiteral("X")});
    row("sync with a value for --once", {QStringLiteral("sync"), QStringLiteral("--once=yes")});
    row("missing inbox command", {inbox});
    row("unknown inbox command", {inbox, QStringLiteral("frob")});
    row("unknown option", {inbox, QStringLiteral("list"), QStringLiteral("--bogus")});
    row("unknown short option", {inbox, QStringLiteral("list"), QStringLiteral("-x")});
    row("flag given a value", {inbox, QStringLiteral("list"), QStringLiteral("--json=yes")});
    row("limit abc", {inbox, QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("abc")});
    row("limit zero", {inbox, QStringLiteral("list"), QStringLiteral("--limit=0")});
    row("limit negative", {inbox, QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("-5")});
    row("limit without value", {inbox, QStringLiteral("list"), QStringLiteral("--limit")});
    row("status filter foo", {inbox, QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("foo")});
    row("empty search", {inbox, QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("  ")});
    row("show without id", {inbox, QStringLiteral("show")});
    row("show with extra argument", {inbox, QStringLiteral("show"), id, QStringLiteral("extra")});
    row("assign without employee", {inbox, QStringLiteral("assign"), id});
    row("status foo", {inbox, QStringLiteral("status"), id, QStringLiteral("foo")});
    row("snoozed without until", {inbox, QStringLiteral("status"), id, QStringLiteral("snoozed")});
    row("until not a date",
        {inbox, QStringLiteral("status"), id, QStringLiteral("snoozed"), QStringLiteral("--until"),
         QStringLiteral("tomorrow")});
    row("until with open",
        {inbox, QStringLiteral("status"), id, QStringLiteral("open"), QStringLiteral("--until"),
         QStringLiteral("2030-01-01T00:00Z")});
    row("note without text", {inbox, QStringLiteral("note"), id});
    row("note of spaces", {inbox, QStringLiteral("note"), id, QStringLiteral("   ")});
    row("demo size huge", {QStringLiteral("demo"), QStringLiteral("--size"), QStringLiteral("huge")});
    row("demo seed negative", {QStringLiteral("demo"), QStringLiteral("--seed"), QStringLiteral("-1")});
    row("demo anchor not a date", {QStringLiteral("demo"), QStringLiteral("--anchor"), QStringLiteral("2025-13-01")});
    row("init unknown zone", {QStringLiteral("init"), QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus")});
    row("account list extra", {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("everything")});
    row("as without value", {inbox, QStringLiteral("list"), QStringLiteral("--as")});
    const QString report = QStringLiteral("report");
    const QString engagement = QStringLiteral("engagement");
    row("report without format",
        {report, engagement, QStringLiteral("--from"), QStringLiteral("2026-01-01"), QStringLiteral("--to"),
         QStringLiteral("2026-01-31")});
    row("report format pdf",
        {report, engagement, QStringLiteral("--from"), QStringLiteral("2026-01-01"), QStringLiteral("--to"),
         QStringLiteral("2026-01-31"), QStringLiteral("--format"), QStringLiteral("pdf")});
    row("report bad date",
        {report, engagement, QStringLiteral("--from"), QStringLiteral("2026-02-30"), QStringLiteral("--to"),
         QStringLiteral("2026-03-01"), QStringLiteral("--format"), QStringLiteral("csv")});
    row("report backwards",
        {report, engagement, QStringLiteral("--from"), QStringLiteral("2026-03-01"), QStringLiteral("--to"),
         QStringLiteral("2026-02-01"), QStringLiteral("--format"), QStringLiteral("json")});
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    const qint64 eventsBefore = eventCount(m_shared.dir);
    const CliRun run = cliIn(m_shared, args);
    QCOMPARE(run.code, 2);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    QVERIFY2(run.errText().startsWith(QLatin1String("switchboard-cli: ")), run.err.constData());
    QVERIFY2(run.errText().contains(QLatin1String("usage: switchboard-cli")), run.err.constData());
    QCOMPARE(eventCount(m_shared.dir), eventsBefore);
}

void TestCli::helpAndVersion()
{
    CliRun run = cli({QStringLiteral("--help")});
    QCOMPARE(run.code, 0);
    QVERIFY(run.err.isEmpty());
    for (const char *command :
         {"init", "demo", "account list", "account add", "sync", "serve", "reply", "report engagement", "inbox list",
          "inbox show", "inbox assign", "inbox status", "inbox note", "employee add", "team init", "team join",
          "team add-member", "team status"}) {
        QVERIFY2(run.outText().contains(QLatin1String("  ") + QLatin1String(command)), command);
    }

    run = cli({QStringLiteral("--version")});
    QCOMPARE(run.code, 0);
    QCOMPARE(run.outText().trimmed(), QStringLiteral("switchboard-cli " SWITCHBOARD_VERSION));

    run = cli({QStringLiteral("inbox"), QStringLiteral("list"), QStringLiteral("--help")});
    QCOMPARE(run.code, 0);
    QVERIFY(run.outText().startsWith(QLatin1String("usage: switchboard-cli [--workspace DIR] inbox list")));

    run = cli({QStringLiteral("inbox"), QStringLiteral("-h")});
    QCOMPARE(run.code, 0);
    QVERIFY(run.outText().contains(QLatin1String("inbox note")));
}

void TestCli::missingWorkspace()
{
    const QString missing = m_root.filePath(QStringLiteral("does-not-exist"));
    CliRun run = cli({QStringLiteral("--workspace"), missing, QStringLiteral("inbox"), QStringLiteral("list"),
                      QStringLiteral("--json")});
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.errText().startsWith(QLatin1String("switchboard-cli: ")), run.err.constData());
    QVERIFY(run.errText().contains(missing));
    QCOMPARE(run.errText().count(QLatin1Char('\n')), 1);
    QVERIFY(!QFileInfo::exists(missing)); // reading never creates a workspace

    // A folder without a database: the message says how to make one.
    const QString empty = m_root.filePath(QStringLiteral("empty-folder"));
    QVERIFY(QDir().mkpath(empty));
    run = cli({QStringLiteral("--workspace"), empty, QStringLiteral("account"), QStringLiteral("list")});
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.errText().contains(QLatin1String("init")), run.err.constData());
    QVERIFY(!QFileInfo::exists(QDir(empty).filePath(Workspace::databaseFileName())));

    // $SWITCHBOARD_WORKSPACE is the default when --workspace is not given.
    run = cli({QStringLiteral("inbox"), QStringLiteral("list")}, {{QStringLiteral("SWITCHBOARD_WORKSPACE"), missing}});
    QCOMPARE(run.code, 1);
    QVERIFY(run.errText().contains(missing));
}

void TestCli::defaultWorkspaceLocation()
{
    // Without --workspace or $SWITCHBOARD_WORKSPACE the workspace is <per-user data location>/default.
    const CliRun run = cli({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("Root")});
    QCOMPARE(run.code, 0);
    const QString expected = m_root.filePath(QStringLiteral("xdg-data/Switchboard/switchboard/default/switchboard.db"));
    QVERIFY2(QFileInfo::exists(expected), qPrintable(run.outText()));
    const CliRun list = cli({QStringLiteral("employee"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.code, 0);
    QCOMPARE(jsonOf(list).array().first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Root"));
}

void TestCli::corruptDatabase_data()
{
    QTest::addColumn<QByteArray>("content");
    QByteArray garbage;
    for (int i = 0; i < 8192; ++i) {
        garbage.append(char((i * 131 + 7) % 251));
    }
    QTest::newRow("garbage") << garbage;
    QByteArray header("SQLite format 3", 16);
    QTest::newRow("sqlite header, scrambled body") << (header + garbage);
    QTest::newRow("truncated header") << QByteArray("SQLite format 3");
}

void TestCli::corruptDatabase()
{
    QFETCH(QByteArray, content);
    const QString dir = m_root.filePath(QStringLiteral("corrupt-") + QString::number(++m_workspaces));
    QVERIFY(QDir().mkpath(dir));
    const QString path = QDir(dir).filePath(Workspace::databaseFileName());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QByteArray before = fileHash(path);
    const QList<QStringList> commands {
        {QStringLiteral("inbox"), QStringLiteral("list"), QStringLiteral("--json")},
        {QStringLiteral("account"), QStringLiteral("list")},
        {QStringLiteral("inbox"), QStringLiteral("note"), QStringLiteral("12345678"), QStringLiteral("hello")},
        {QStringLiteral("init")},
        {QStringLiteral("demo"), QStringLiteral("--size"), QStringLiteral("10")},
    };
    for (const QStringList &command : commands) {
        const CliRun run = cli(QStringList {QStringLiteral("--workspace"), dir} + command);
        QVERIFY2(run.code == 1, qPrintable(command.join(QLatin1Char(' ')) + QStringLiteral(": ") + run.errText()));
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errText().startsWith(QLatin1String("switchboard-cli: ")), run.err.constData());
        QVERIFY2(run.errText().contains(path), run.err.constData());
        QCOMPARE(run.errText().count(QLatin1Char('\n')), 1);
        QCOMPARE(fileHash(path), before);
    }
}

void TestCli::tooNewDatabase()
{
    const QString dir = m_root.filePath(QStringLiteral("too-new"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = QDir(dir).filePath(Workspace::databaseFileName());
    const QString source = QDir(m_shared.dir).filePath(Workspace::databaseFileName());
    QVERIFY(!QFileInfo::exists(source + QStringLiteral("-wal"))
            || QFileInfo(source + QStringLiteral("-wal")).size() == 0);
    QVERIFY(QFile::copy(source, path));
    {
        SqliteDb db;
        QVERIFY(db.open(path, SqliteDb::Mode::ReadWrite).ok());
        QVERIFY(db.exec("PRAGMA user_version = 999").ok());
    }
    const QByteArray before = fileHash(path);
    const CliRun run = cli({QStringLiteral("--workspace"), dir, QStringLiteral("inbox"), QStringLiteral("list")});
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.errText().contains(QLatin1String("newer")), run.err.constData());
    QCOMPARE(fileHash(path), before);
}

void TestCli::notWritable()
{
    if (geteuid() == 0) {
        // root writes into read-only folders; sysfs refuses new files even to root.
        if (!QFileInfo(QStringLiteral("/sys")).isDir()) {
            QSKIP("needs an ordinary user or /sys");
        }
        const CliRun run = cli(
            {QStringLiteral("--workspace"), QStringLiteral("/sys"), QStringLiteral("inbox"), QStringLiteral("list")});
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errText().contains(QLatin1String("not writable")), run.err.constData());
        return;
    }
    const Fixture f = makeWorkspace(QStringLiteral("readonly"));
    const QByteArray before = fileHash(QDir(f.dir).filePath(Workspace::databaseFileName()));
    QVERIFY(QFile::setPermissions(f.dir, QFile::ReadOwner | QFile::ExeOwner));
    const CliRun run = cliIn(f, {QStringLiteral("inbox"), QStringLiteral("note"), f.convA, QStringLiteral("hi")});
    QVERIFY(QFile::setPermissions(f.dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.errText().contains(QLatin1String("not writable")), run.err.constData());
    QCOMPARE(fileHash(QDir(f.dir).filePath(Workspace::databaseFileName())), before);
}

void TestCli::initWorkspace()
{
    const QString dir = m_root.filePath(QStringLiteral("fresh/nested"));
    CliRun run = cli({QStringLiteral("--workspace"), dir, QStringLiteral("init"), QStringLiteral("--name"),
                      QStringLiteral("Acme Social"), QStringLiteral("--admin"), QStringLiteral("Zoë Admin"),
                      QStringLiteral("--time-zone"), QStringLiteral("America/New_York")});
    QCOMPARE(run.code, 0);
    QVERIFY(run.err.isEmpty());

    run = cli({QStringLiteral("--workspace"), dir, QStringLiteral("employee"), QStringLiteral("list"),
               QStringLiteral("--json")});
    QCOMPARE(run.code, 0);
    const QJsonArray employees = jsonOf(run).array();
    QCOMPARE(employees.size(), 1);
    const QJsonObject admin = employees.first().toObject();
    QCOMPARE(admin.value(QStringLiteral("name")).toString(), QStringLiteral("Zoë Admin"));
    QCOMPARE(admin.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
    QCOMPARE(admin.value(QStringLiteral("active")).toBool(), true);
    QVERIFY(isIso(admin.value(QStringLiteral("created_at"))));

    SqliteDb db;
    QVERIFY(db.open(QDir(dir).filePath(Workspace::databaseFileName()), SqliteDb::Mode::ReadOnly).ok());
    QCOMPARE(db.scalarText(QStringLiteral("SELECT value FROM settings WHERE key = 'time_zone'")),
             QStringLiteral("America/New_York"));
    QCOMPARE(db.scalarText(QStringLiteral("SELECT value FROM settings WHERE key = 'workspace_name'")),
             QStringLiteral("Acme Social"));
    // One event per engine change: the admin and the two settings.
    QCOMPARE(db.scalarInt(QStringLiteral("SELECT count(*) FROM events")), 3);
    db.close();

    run = cli({QStringLiteral("--workspace"), dir, QStringLiteral("init")});
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.errText().contains(QLatin1String("already")), run.err.constData());
    QCOMPARE(eventCount(dir), 3);
}

void TestCli::inboxListJson()
{
    const CliRun run = cliIn(m_shared, {QStringLiteral("inbox"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(run.code, 0);
    QVERIFY(run.err.isEmpty());
    const QJsonDocument doc = jsonOf(run);
    QVERIFY(doc.isArray());
    const QJsonArray list = doc.array();
    QCOMPARE(list.size(), 4);

    QStringList ids;
    QString previous;
    for (const QJsonValue &value : list) {
        QVERIFY(value.isObject());
        const QJsonObject c = value.toObject();
        ids << c.value(QStringLiteral("id")).toString();
        for (const char *key : {"id", "account", "network", "author", "text", "status"}) {
            QVERIFY2(c.value(QLatin1String(key)).isString(), key);
        }
        QVERIFY(c.value(QStringLiteral("assignee")).isNull());
        for (const char *key : {"created_at", "updated_at", "last_item_at", "sla_due_at"}) {
            QVERIFY2(isIso(c.value(QLatin1String(key))), key);
        }
        QVERIFY(c.value(QStringLiteral("priority")).isDouble());
        QVERIFY(c.value(QStringLiteral("tags")).isArray());
        QCOMPARE(c.value(QStringLiteral("unread")).toBool(), true);
        QVERIFY(c.value(QStringLiteral("unread")).isBool());
        QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        // Newest first: ISO UTC text sorts like time.
        const QString last = c.value(QStringLiteral("last_item_at")).toString();
        QVERIFY(previous.isEmpty() || last <= previous);
        previous = last;
    }
    QCOMPARE(ids, (QStringList {m_shared.convC, m_shared.convB, m_shared.convA, m_shared.convD}));

    const QJsonObject a = list.at(2).toObject();
    QCOMPARE(a.value(QStringLiteral("account")).toString(), QStringLiteral("brand@example.social"));
    QCOMPARE(a.value(QStringLiteral("network")).toString(), QStringLiteral("mastodon"));
    QCOMPARE(a.value(QStringLiteral("author")).toString(), QStringLiteral("dana@example.org"));
    // The latest inbound item, not the brand's own reply.
    QCOMPARE(a.value(QStringLiteral("text")).toString(), QStringLiteral("Still waiting for the order, any news?"));
    const QJsonObject b = list.at(1).toObject();
    QCOMPARE(b.value(QStringLiteral("network")).toString(), QStringLiteral("bluesky"));
    QCOMPARE(b.value(QStringLiteral("text")).toString(),
             QStringLiteral("Grüße aus München — is the café event still on?"));
}

void TestCli::inboxListTable()
{
    const CliRun run = cliIn(m_shared, {QStringLiteral("inbox"), QStringLiteral("list")});
    QCOMPARE(run.code, 0);
    const QStringList lines = run.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines.at(0).startsWith(QLatin1String("ID")));
    QVERIFY(lines.at(1).startsWith(m_shared.convC.left(8)));
    QVERIFY(lines.at(4).startsWith(m_shared.convD.left(8)));
    // Aligned: the TEXT column starts at the same position in every row.
    const qsizetype textColumn = lines.at(0).indexOf(QLatin1String("TEXT"));
    QVERIFY(textColumn > 0);
    QCOMPARE(lines.at(3).mid(textColumn), QStringLiteral("Still waiting for the order, any news?"));
}

void TestCli::inboxListFilters()
{
    const Fixture f = makeWorkspace(QStringLiteral("filters"));
    {
        auto ws = Workspace::open(f.dir, Workspace::OpenMode::OpenExisting);
        QVERIFY(ws.ok());
        Engine engine(ws.value()->db(), SystemClock::instance(), RandomIdSource::instance());
        QVERIFY(engine.assign(Actor::employee(f.alice), f.convA, f.bob).ok());
        QVERIFY(engine.setStatus(Actor::employee(f.alice), f.convD, ConversationStatus::Resolved).ok());
    }
    const QString A = f.convA, B = f.convB, C = f.convC, D = f.convD;
    auto ids = [](std::initializer_list<QString> list) { return QStringList(list); };
    QCOMPARE(listIds(f, {QStringLiteral("--status"), QStringLiteral("resolved")}), ids({D}));
    QCOMPARE(listIds(f, {QStringLiteral("--status=open")}), ids({C, B, A}));
    QCOMPARE(listIds(f, {QStringLiteral("--assignee"), QStringLiteral("bob")}), ids({A}));
    QCOMPARE(listIds(f, {QStringLiteral("--assignee"), f.bob}), ids({A}));
    QCOMPARE(listIds(f, {QStringLiteral("--assignee"), QStringLiteral("none")}), ids({C, B, D}));
    QCOMPARE(listIds(f, {QStringLiteral("--account"), QStringLiteral("brand.bsky.social")}), ids({B, D}));
    QCOMPARE(listIds(f, {QStringLiteral("--account"), QStringLiteral("@Brand@example.social")}), ids({C, A}));
    QCOMPARE(listIds(f, {QStringLiteral("--account"), f.mastodon}), ids({C, A}));
    QCOMPARE(listIds(f, {QStringLiteral("--limit"), QStringLiteral("2")}), ids({C, B}));
    // Full-text search, alone and with filters.
    QCOMPARE(listIds(f, {QStringLiteral("--search"), QStringLiteral("order")}), ids({A}));
    QCOMPARE(listIds(f, {QStringLiteral("--search"), QStringLiteral("ORDER")}), ids({A}));
    QCOMPARE(listIds(f, {QStringLiteral("--search"), QStringLiteral("ord*")}), ids({A}));
    QCOMPARE(listIds(f, {QStringLiteral("--search"), QStringLiteral("munchen")}), ids({B}));
    QCOMPARE(listIds(f, {QStringLiteral("--search"), QStringLiteral("question pricing")}), ids({D}));
    QCOMPARE(listIds(f, {QStringLiteral("--search"), QStringLiteral("question order")}), ids({}));
    QCOMPARE(listIds(f, {QStringLiteral("--search"), QStringLiteral("the")}), ids({C, B, A}));
    QCOMPARE(
        listIds(f, {QStringLiteral("--search"), QStringLiteral("the"), QStringLiteral("--limit"), QStringLiteral("1")}),
        ids({C}));
    QCOMPARE(listIds(f,
                     {QStringLiteral("--search"), QStringLiteral("the"), QStringLiteral("--account"),
                      QStringLiteral("brand.bsky.social")}),
             ids({B}));
    QCOMPARE(listIds(f,
                     {QStringLiteral("--search"), QStringLiteral("order"), QStringLiteral("--assignee"),
                      QStringLiteral("Bob"), QStringLiteral("--status"), QStringLiteral("open")}),
             ids({A}));
    QCOMPARE(listIds(f,
                     {QStringLiteral("--search"), QStringLiteral("pricing"), QStringLiteral("--status"),
                      QStringLiteral("open")}),
             ids({}));

    // Names that match nothing are runtime errors, not empty lists.
    for (const QStringList &bad : {QStringList {QStringLiteral("--assignee"), QStringLiteral("nobody")},
                                   QStringList {QStringLiteral("--account"), QStringLiteral("nope.example")}}) {
        const CliRun run = cliIn(f, QStringList {QStringLiteral("inbox"), QStringLiteral("list")} + bad);
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.errText().startsWith(QLatin1String("switchboard-cli: ")));
    }
}

void TestCli::terminalControlsAreNotPrinted()
{
    const Fixture f = makeWorkspace(QStringLiteral("controls"));
    const QString hostile = QStringLiteral("Hi \x1b]0;pwned\x07there\x1b[2J\rgone");
    {
        auto ws = Workspace::open(f.dir, Workspace::OpenMode::OpenExisting);
        QVERIFY(ws.ok());
        Ingestor ingest(ws.value()->db(), SystemClock::instance(), RandomIdSource::instance());
        QVERIFY(ingest
                    .ingest({item(f.mastodon, QStringLiteral("r-x1"), QStringLiteral("t-x"), QStringLiteral("mention"),
                                  false, QStringLiteral("mallory@evil.example"), hostile,
                                  QDateTime::currentMSecsSinceEpoch())})
                    .ok());
    }
    for (const QStringList &args :
         {QStringList {QStringLiteral("inbox"), QStringLiteral("list")},
          QStringList {QStringLiteral("inbox"), QStringLiteral("show"), QStringLiteral("r")}}) {
        QStringList a = args;
        if (a.last() == QLatin1String("r")) {
            a.last() = listIds(f, {QStringLiteral("--limit"), QStringLiteral("1")}).value(0);
        }
        const CliRun run = cliIn(f, a);
        QCOMPARE(run.code, 0);
        QVERIFY2(!run.out.contains('\x1b') && !run.out.contains('\r') && !run.out.contains('\x07'),
                 run.out.constData());
        QVERIFY(run.outText().contains(QLatin1String("gone")));
    }
    // JSON keeps the text as stored (escaped by the JSON writer).
    const CliRun json = cliIn(f,
                              {QStringLiteral("inbox"), QStringLiteral("list"), QStringLiteral("--json"),
                               QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(jsonOf(json).array().first().toObject().value(QStringLiteral("text")).toString(), hostile);
}

void TestCli::searchInputIsNeverSyntax_data()
{
    QTest::addColumn<QString>("query");
    for (const char *q :
         {"\"unbalanced", "order AND", "NOT order", "(", ")", "order OR", "text:order", "*", "order -arrived", "^order",
          "NEAR(order arrived)", "'", "\"\"", "{text}: order", "o\"r\"der", "+", "!!!"}) {
        QTest::newRow(q) << QString::fromUtf8(q);
    }
}

void TestCli::searchInputIsNeverSyntax()
{
    QFETCH(QString, query);
    const CliRun run = cliIn(
        m_shared,
        {QStringLiteral("inbox"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--search"), query});
    if (query == QLatin1String("*")) {
        QCOMPARE(run.code, 2); // no word left to search for
        return;
    }
    QVERIFY2(run.code == 0, run.err.constData());
    QVERIFY(jsonOf(run).isArray());
}

void TestCli::inboxShow()
{
    const QString id = m_shared.convA;
    QJsonObject c = show(m_shared, id);
    QCOMPARE(c.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(c.value(QStringLiteral("text")).toString(), QStringLiteral("Still waiting for the order, any news?"));
    const QJsonArray items = c.value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 3);
    QStringList remoteIds, directions;
    for (const QJsonValue &v : items) {
        const QJsonObject i = v.toObject();
        remoteIds << i.value(QStringLiteral("remote_id")).toString();
        directions << i.value(QStringLiteral("direction")).toString();
        QVERIFY(isIso(i.value(QStringLiteral("created_at"))));
        QVERIFY(i.value(QStringLiteral("text")).isString());
        QVERIFY(i.value(QStringLiteral("author")).isString());
        QVERIFY(i.value(QStringLiteral("kind")).isString());
    }
    QCOMPARE(remoteIds, (QStringList {QStringLiteral("r-a1"), QStringLiteral("r-a2"), QStringLiteral("r-a3")}));
    QCOMPARE(directions, (QStringList {QStringLiteral("in"), QStringLiteral("out"), QStringLiteral("in")}));
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("mention"));
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("author")).toString(), QStringLiteral("dana@example.org"));
    QVERIFY(c.value(QStringLiteral("notes")).isArray());
    QVERIFY(c.value(QStringLiteral("tags")).isArray());
    QVERIFY(c.value(QStringLiteral("events")).isArray());

    // A unique prefix of 8+ characters, in either case, names the same conversation.
    QCOMPARE(show(m_shared, id.left(8)).value(QStringLiteral("id")).toString(), id);
    QCOMPARE(show(m_shared, id.left(13).toUpper()).value(QStringLiteral("id")).toString(), id);
    CliRun run = cliIn(m_shared, {QStringLiteral("inbox"), QStringLiteral("show"), id.left(7)});
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.errText().contains(QLatin1String("8")), run.err.constData());
    run = cliIn(
        m_shared,
        {QStringLiteral("inbox"), QStringLiteral("show"), QStringLiteral("00000000-0000-4000-8000-000000000000")});
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.isEmpty());

    run = cliIn(m_shared, {QStringLiteral("inbox"), QStringLiteral("show"), id});
    QCOMPARE(run.code, 0);
    QVERIFY(run.outText().contains(id));
    QVERIFY(run.outText().contains(QLatin1String("Sorry! Checking your order now")));
    QVERIFY(run.outText().contains(QLatin1String("dana@example.org")));
}

void TestCli::triageCommandsLogOneEventEach()
{
    const Fixture f = makeWorkspace(QStringLiteral("triage"));
    const QString id = f.convA;
    const QString inbox = QStringLiteral("inbox");
    struct Step {
        QStringList args;
        QByteArray input;
        QString action;
        QString actor;
    };
    const std::vector<Step> steps {
        {{inbox, QStringLiteral("assign"), id.left(8), QStringLiteral("bob")},
         {},
         QStringLiteral("assigned"),
         QStringLiteral("Alice")},
        {{inbox, QStringLiteral("assign"), id, QStringLiteral("none")},
         {},
         QStringLiteral("unassigned"),
         QStringLiteral("Alice")},
        {{QStringLiteral("--as"), QStringLiteral("BOB"), inbox, QStringLiteral("assign"), id, QStringLiteral("Carol")},
         {},
         QStringLiteral("assigned"),
         QStringLiteral("Bob")},
        {{inbox, QStringLiteral("status"), id, QStringLiteral("pending")},
         {},
         QStringLiteral("status_changed"),
         QStringLiteral("Alice")},
        {{inbox, QStringLiteral("status"), id, QStringLiteral("snoozed"), QStringLiteral("--until"),
          QStringLiteral("2099-01-01T09:00")},
         {},
         QStringLiteral("status_changed"),
         QStringLiteral("Alice")},
        {{inbox, QStringLiteral("status"), id, QStringLiteral("resolved"), QStringLiteral("--as"), f.dave},
         {},
         QStringLiteral("status_changed"),
         QStringLiteral("Dave")},
        {{inbox, QStringLiteral("note"), id, QStringLiteral("Called"), QStringLiteral("the customer back")},
         {},
         QStringLiteral("note_added"),
         QStringLiteral("Alice")},
        {{inbox, QStringLiteral("note"), id, QStringLiteral("-")},
         QByteArray("Über stdin: done\n"),
         QStringLiteral("note_added"),
         QStringLiteral("Alice")},
    };
    int events = int(show(f, id).value(QStringLiteral("events")).toArray().size());
    for (const Step &step : steps) {
        const CliRun run = cliIn(f, step.args, {}, step.input);
        QVERIFY2(run.code == 0, qPrintable(step.args.join(QLatin1Char(' ')) + QStringLiteral(": ") + run.errText()));
        QVERIFY(run.err.isEmpty());
        QVERIFY(!run.out.isEmpty());
        const QJsonArray after = show(f, id).value(QStringLiteral("events")).toArray();
        QCOMPARE(after.size(), events + 1);
        const QJsonObject last = after.last().toObject();
        QCOMPARE(last.value(QStringLiteral("action")).toString(), step.action);
        QCOMPARE(last.value(QStringLiteral("actor")).toString(), step.actor);
        QVERIFY(isIso(last.value(QStringLiteral("at"))));
        QVERIFY(last.value(QStringLiteral("details")).isObject());
        events = int(after.size());
    }
    const QJsonObject c = show(f, id);
    QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("resolved"));
    QVERIFY(isIso(c.value(QStringLiteral("resolved_at"))));
    QCOMPARE(c.value(QStringLiteral("assignee")).toString(), QStringLiteral("Carol"));
    QCOMPARE(c.value(QStringLiteral("assignee_id")).toString(), f.carol);
    const QJsonArray notes = c.value(QStringLiteral("notes")).toArray();
    QCOMPARE(notes.size(), 2);
    QCOMPARE(notes.at(0).toObject().value(QStringLiteral("body")).toString(),
             QStringLiteral("Called the customer back"));
    QCOMPARE(notes.at(0).toObject().value(QStringLiteral("author")).toString(), QStringLiteral("Alice"));
    QCOMPARE(notes.at(1).toObject().value(QStringLiteral("body")).toString(), QStringLiteral("Über stdin: done"));
    QVERIFY(isIso(notes.at(0).toObject().value(QStringLiteral("created_at"))));

    // The snooze time without an offset was read in the workspace's zone (Europe/Berlin, UTC+1 in January).
    const QJsonArray history = c.value(QStringLiteral("events")).toArray();
    const QJsonObject snooze = history.at(history.size() - 4).toObject();
    QCOMPARE(snooze.value(QStringLiteral("details")).toObject().value(QStringLiteral("until")).toString(),
             QStringLiteral("2099-01-01T08:00:00.000Z"));

    // --json on a change prints the conversation as inbox list does.
    const CliRun run
        = cliIn(f, {inbox, QStringLiteral("status"), id, QStringLiteral("open"), QStringLiteral("--json")});
    QCOMPARE(run.code, 0);
    const QJsonObject reopened = jsonOf(run).object();
    QCOMPARE(reopened.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(reopened.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
    QVERIFY(reopened.value(QStringLiteral("resolved_at")).isNull());
}

void TestCli::actorFromEnvironment()
{
    const Fixture f = makeWorkspace(QStringLiteral("env-actor"));
    const CliRun run = cliIn(f, {QStringLiteral("inbox"), QStringLiteral("status"), f.convB, QStringLiteral("pending")},
                             {{QStringLiteral("SWITCHBOARD_EMPLOYEE"), QStringLiteral("dave")}});
    QCOMPARE(run.code, 0);
    const QJsonObject last = show(f, f.convB).value(QStringLiteral("events")).toArray().last().toObject();
    QCOMPARE(last.value(QStringLiteral("actor")).toString(), QStringLiteral("Dave"));
    QCOMPARE(last.value(QStringLiteral("actor_id")).toString(), f.dave);

    // --as wins over the environment.
    const CliRun as = cliIn(f,
                            {QStringLiteral("--as"), QStringLiteral("Bob"), QStringLiteral("inbox"),
                             QStringLiteral("status"), f.convB, QStringLiteral("open")},
                            {{QStringLiteral("SWITCHBOARD_EMPLOYEE"), QStringLiteral("dave")}});
    QCOMPARE(as.code, 0);
    QCOMPARE(show(f, f.convB)
                 .value(QStringLiteral("events"))
                 .toArray()
                 .last()
                 .toObject()
                 .value(QStringLiteral("actor"))
                 .toString(),
             QStringLiteral("Bob"));
}

void TestCli::roleRefusal()
{
    const Fixture f = makeWorkspace(QStringLiteral("roles"));
    const QString id = f.convC;
    const qint64 before = eventCount(f.dir);
    const QList<QPair<QStringList, QHash<QString, QString>>> refused {
        {{QStringLiteral("--as"), QStringLiteral("carol"), QStringLiteral("inbox"), QStringLiteral("status"), id,
          QStringLiteral("resolved")},
         {}},
        {{QStringLiteral("inbox"), QStringLiteral("status"), id, QStringLiteral("resolved")},
         {{QStringLiteral("SWITCHBOARD_EMPLOYEE"), QStringLiteral("Carol")}}},
        {{QStringLiteral("--as"), f.carol, QStringLiteral("inbox"), QStringLiteral("assign"), id,
          QStringLiteral("Bob")},
         {}},
    };
    for (const auto &[args, env] : refused) {
        const CliRun run = cliIn(f, args, env);
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errText().startsWith(QLatin1String("switchboard-cli: ")), run.err.constData());
        QVERIFY2(run.errText().contains(QLatin1String("not allowed")), run.err.constData());
    }
    QCOMPARE(eventCount(f.dir), before);
    const QJsonObject c = show(f, id);
    QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
    QVERIFY(c.value(QStringLiteral("assignee")).isNull());

    // Contributors write notes.
    const CliRun note = cliIn(f,
                              {QStringLiteral("--as"), QStringLiteral("Carol"), QStringLiteral("inbox"),
                               QStringLiteral("note"), id, QStringLiteral("Product says: shipping Friday")});
    QCOMPARE(note.code, 0);
    QCOMPARE(eventCount(f.dir), before + 1);

    // Somebody unknown cannot act at all.
    const CliRun ghost = cliIn(f,
                               {QStringLiteral("--as"), QStringLiteral("Mallory"), QStringLiteral("inbox"),
                                QStringLiteral("note"), id, QStringLiteral("hi")});
    QCOMPARE(ghost.code, 1);
    QVERIFY(ghost.errText().contains(QLatin1String("Mallory")));
    QCOMPARE(eventCount(f.dir), before + 1);
}

void TestCli::notFound()
{
    const Fixture f = makeWorkspace(QStringLiteral("not-found"));
    const qint64 before = eventCount(f.dir);
    const QString nobody = QStringLiteral("00000000-0000-4000-8000-000000000000");
    const QList<QStringList> commands {
        {QStringLiteral("inbox"), QStringLiteral("assign"), nobody, QStringLiteral("bob")},
        {QStringLiteral("inbox"), QStringLiteral("assign"), f.convA, QStringLiteral("ghost")},
        {QStringLiteral("inbox"), QStringLiteral("status"), nobody.left(8), QStringLiteral("resolved")},
        {QStringLiteral("inbox"), QStringLiteral("note"), QStringLiteral("zzzzzzzzzz"), QStringLiteral("hello")},
        {QStringLiteral("inbox"), QStringLiteral("show"), QStringLiteral("x")},
    };
    for (const QStringList &args : commands) {
        const CliRun run = cliIn(f, args);
        QVERIFY2(run.code == 1, qPrintable(args.join(QLatin1Char(' '))));
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.errText().startsWith(QLatin1String("switchboard-cli: ")));
        QCOMPARE(run.errText().count(QLatin1Char('\n')), 1);
    }
    // A snooze in the past is refused by the engine.
    const CliRun past = cliIn(f,
                              {QStringLiteral("inbox"), QStringLiteral("status"), f.convA, QStringLiteral("snoozed"),
                               QStringLiteral("--until"), QStringLiteral("2001-01-01T00:00:00Z")});
    QCOMPARE(past.code, 1);
    QCOMPARE(eventCount(f.dir), before);
}

// report engagement: the panel's figures for a range of days, as JSON or CSV (RFC 4180, formula-safe); a
// contributor gets their own row and the team's.
void TestCli::reportEngagement()
{
    const Fixture f = makeWorkspace(QStringLiteral("report"));
    {
        auto opened = Workspace::open(f.dir, Workspace::OpenMode::OpenExisting);
        QVERIFY(opened.ok());
        Engine engine(opened.value()->db(), SystemClock::instance(), RandomIdSource::instance());
        QVERIFY(
            engine.addEmployee(Actor::employee(f.alice), {QStringLiteral("=Evil, \"Inc\""), {}, Role::Contributor, {}})
                .ok());
    }
    QCOMPARE(cliIn(f,
                   {QStringLiteral("inbox"), QStringLiteral("status"), f.convC, QStringLiteral("resolved"),
                    QStringLiteral("--as"), QStringLiteral("Bob")})
                 .code,
             0);
    QCOMPARE(cliIn(f,
                   {QStringLiteral("inbox"), QStringLiteral("note"), f.convA, QStringLiteral("checking"),
                    QStringLiteral("--as"), QStringLiteral("Carol")})
                 .code,
             0);
    const QDate today = QDate::currentDate();
    const QStringList range {QStringLiteral("report"), QStringLiteral("engagement"),
                             QStringLiteral("--from"), today.addDays(-3).toString(Qt::ISODate),
                             QStringLiteral("--to"),   today.addDays(1).toString(Qt::ISODate)};

    const CliRun json = cliIn(f, range + QStringList {QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.code, 0);
    const QJsonObject report = jsonOf(json).object();
    QCOMPARE(report.value(QStringLiteral("from")).toString(), today.addDays(-3).toString(Qt::ISODate));
    QVERIFY(!report.value(QStringLiteral("time_zone")).toString().isEmpty());
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue &v : report.value(QStringLiteral("employees")).toArray()) {
        byName.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
    }
    QCOMPARE(byName.size(), 5);
    QCOMPARE(byName.value(QStringLiteral("Bob")).value(QStringLiteral("conversations_resolved")).toInt(), 1);
    QCOMPARE(byName.value(QStringLiteral("Bob")).value(QStringLiteral("role")).toString(),
             QStringLiteral("community_manager"));
    QCOMPARE(byName.value(QStringLiteral("Carol")).value(QStringLiteral("notes_written")).toInt(), 1);
    QVERIFY(byName.value(QStringLiteral("Bob")).value(QStringLiteral("median_first_response_business_secs")).isNull());
    const QJsonObject team = report.value(QStringLiteral("team")).toObject();
    QCOMPARE(team.value(QStringLiteral("conversations_resolved")).toInt(), 1);
    QCOMPARE(team.value(QStringLiteral("notes_written")).toInt(), 1);
    QVERIFY(team.value(QStringLiteral("employee_id")).isNull());
    for (const QString &key :
         {QStringLiteral("replies_sent"), QStringLiteral("p90_first_response_business_secs"),
          QStringLiteral("sla_attainment_percent"), QStringLiteral("open_workload"), QStringLiteral("posts_published"),
          QStringLiteral("posts_drafted"), QStringLiteral("likes_earned"), QStringLiteral("own_post_engagement")}) {
        QVERIFY2(team.contains(key), qPrintable(key));
    }

    const CliRun csv = cliIn(f, range + QStringList {QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(csv.code, 0);
    const QStringList lines = csv.outText().split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 5 + 1); // header, employees, team
    QVERIFY(lines.front().startsWith(QStringLiteral("employee_id,name,role,active,replies_sent,")));
    const int columns = int(lines.front().count(QLatin1Char(','))) + 1;
    QCOMPARE(columns, 24);
    QVERIFY(lines.front().endsWith(QStringLiteral(",posts_drafted,posts_approved,posts_published,likes_earned,"
                                                  "reposts_earned,replies_earned,own_posts,own_post_engagement")));
    QVERIFY(lines.back().startsWith(QStringLiteral(",Team,,true,")));
    const auto evil = std::find_if(lines.cbegin(), lines.cend(),
                                   [](const QString &l) { return l.contains(QStringLiteral("Evil")); });
    QVERIFY(evil != lines.cend());
    QVERIFY2(evil->contains(QStringLiteral(",\"'=Evil, \"\"Inc\"\"\",contributor,")), qPrintable(*evil));

    // A contributor: their own row and the team's; asking for someone else is refused.
    const CliRun own = cliIn(f,
                             range
                                 + QStringList {QStringLiteral("--format"), QStringLiteral("json"),
                                                QStringLiteral("--as"), QStringLiteral("Carol")});
    QCOMPARE(own.code, 0);
    const QJsonArray ownRows = jsonOf(own).object().value(QStringLiteral("employees")).toArray();
    QCOMPARE(ownRows.size(), 1);
    QCOMPARE(ownRows.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Carol"));
    const CliRun peek
        = cliIn(f,
                range
                    + QStringList {QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--as"),
                                   QStringLiteral("Carol"), QStringLiteral("--employee"), QStringLiteral("Bob")});
    QCOMPARE(peek.code, 1);
    QVERIFY(peek.out.isEmpty());
    // Where the workspace lets contributors see their peers, the same request is answered.
    {
        auto opened = Workspace::open(f.dir, Workspace::OpenMode::OpenExisting);
        QVERIFY(opened.ok());
        Engine engine(opened.value()->db(), SystemClock::instance(), RandomIdSource::instance());
        QVERIFY(engine
                    .setSetting(Actor::employee(f.alice), QStringLiteral("engagement_peer_visibility"),
                                QStringLiteral("team"))
                    .ok());
    }
    const CliRun peers
        = cliIn(f,
                range
                    + QStringList {QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--as"),
                                   QStringLiteral("Carol"), QStringLiteral("--employee"), QStringLiteral("Bob")});
    QCOMPARE(peers.code, 0);
    QVERIFY(peers.outText().contains(QStringLiteral(",Bob,community_manager,")));
    // A manager narrows to one person.
    const CliRun bob = cliIn(f,
                             range
                                 + QStringList {QStringLiteral("--format"), QStringLiteral("json"),
                                                QStringLiteral("--employee"), QStringLiteral("Bob")});
    QCOMPARE(jsonOf(bob).object().value(QStringLiteral("employees")).toArray().size(), 1);
}

void TestCli::accountList()
{
    CliRun run = cliIn(m_shared, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(run.code, 0);
    const QJsonArray accounts = jsonOf(run).array();
    QCOMPARE(accounts.size(), 2);
    const QJsonObject m = accounts.at(0).toObject();
    QCOMPARE(m.value(QStringLiteral("id")).toString(), m_shared.mastodon);
    QCOMPARE(m.value(QStringLiteral("network")).toString(), QStringLiteral("mastodon"));
    QCOMPARE(m.value(QStringLiteral("handle")).toString(), QStringLiteral("brand@example.social"));
    QCOMPARE(m.value(QStringLiteral("display_name")).toString(), QStringLiteral("Brand"));
    QCOMPARE(m.value(QStringLiteral("service_url")).toString(), QStringLiteral("https://example.social"));
    QCOMPARE(m.value(QStringLiteral("health")).toString(), QStringLiteral("ok"));
    QVERIFY(m.value(QStringLiteral("health_detail")).isNull());
    QVERIFY(m.value(QStringLiteral("rate_limited_until")).isNull());
    QVERIFY(m.value(QStringLiteral("last_sync_at")).isNull());
    QCOMPARE(m.value(QStringLiteral("sync_paused")), QJsonValue(false));
    QCOMPARE(accounts.at(1).toObject().value(QStringLiteral("network")).toString(), QStringLiteral("bluesky"));

    run = cliIn(m_shared, {QStringLiteral("account"), QStringLiteral("list")});
    QCOMPARE(run.code, 0);
    QVERIFY(run.outText().contains(QLatin1String("brand.bsky.social")));
    QVERIFY(run.outText().startsWith(QLatin1String("ID")));
}

void TestCli::postNewAndList()
{
    const Fixture f = makeWorkspace(QStringLiteral("posts"));
    const QStringList base {QStringLiteral("post"),      QStringLiteral("new"),
                            QStringLiteral("--account"), f.mastodon,
                            QStringLiteral("--zone"),    QStringLiteral("Europe/Berlin")};
    // A time the clocks skip is refused, never shifted.
    CliRun gap = cliIn(f,
                       base
                           + QStringList {QStringLiteral("--text"), QStringLiteral("Spring"), QStringLiteral("--at"),
                                          QStringLiteral("2026-03-29T02:30")});
    QCOMPARE(gap.code, 2);
    QVERIFY2(gap.err.contains("does not exist in Europe/Berlin"), gap.err.constData());
    // A time that happens twice needs its offset.
    CliRun twice = cliIn(f,
                         base
                             + QStringList {QStringLiteral("--text"), QStringLiteral("Autumn"), QStringLiteral("--at"),
                                            QStringLiteral("2026-10-25T02:30")});
    QCOMPARE(twice.code, 2);
    QVERIFY2(twice.err.contains("+02:00 or +01:00"), twice.err.constData());
    CliRun later = cliIn(f,
                         base
                             + QStringList {QStringLiteral("--text"), QStringLiteral("Autumn"), QStringLiteral("--at"),
                                            QStringLiteral("2026-10-25T02:30+01:00"), QStringLiteral("--json"),
                                            QStringLiteral("--as"), QStringLiteral("Dave")});
    QVERIFY2(later.code == 0, later.err.constData());
    const QJsonObject post = jsonOf(later).object();
    // A manager's own post is approved at once; the instant is the later of the two 02:30s.
    QCOMPARE(post.value(QStringLiteral("state")).toString(), QStringLiteral("scheduled"));
    QCOMPARE(post.value(QStringLiteral("scheduled_at")).toString(), QStringLiteral("2026-10-25T02:30:00.000+01:00"));
    QCOMPARE(post.value(QStringLiteral("time_zone")).toString(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(post.value(QStringLiteral("variants")).toArray().size(), 1);
    // A contributor's post waits for review; --draft keeps it a draft.
    CliRun review = cliIn(f,
                          base
                              + QStringList {QStringLiteral("--text"), QStringLiteral("Idea"), QStringLiteral("--at"),
                                             QStringLiteral("2026-12-01T10:00"), QStringLiteral("--json"),
                                             QStringLiteral("--as"), QStringLiteral("Carol")});
    QCOMPARE(jsonOf(review).object().value(QStringLiteral("state")).toString(), QStringLiteral("in_review"));
    CliRun draft = cliIn(f,
                         {QStringLiteral("post"), QStringLiteral("new"), QStringLiteral("--account"),
                          f.mastodon + QLatin1Char(',') + f.bluesky, QStringLiteral("--text"), QStringLiteral("Both"),
                          QStringLiteral("--draft"), QStringLiteral("--json")});
    QCOMPARE(jsonOf(draft).object().value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
    QCOMPARE(jsonOf(draft).object().value(QStringLiteral("variants")).toArray().size(), 2);
    // Lists filter by state; a wrong state is a usage error.
    const CliRun scheduled = cliIn(f,
                                   {QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--state"),
                                    QStringLiteral("scheduled"), QStringLiteral("--json")});
    QCOMPARE(scheduled.code, 0);
    QCOMPARE(jsonOf(scheduled).array().size(), 1);
    QCOMPARE(jsonOf(scheduled).array().at(0).toObject().value(QStringLiteral("author")).toString(),
             QStringLiteral("Dave"));
    const CliRun all = cliIn(f, {QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(jsonOf(all).array().size(), 3);
    QCOMPARE(
        cliIn(f, {QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("sent")})
            .code,
        2);
    const CliRun table = cliIn(f, {QStringLiteral("post"), QStringLiteral("list")});
    QVERIFY2(table.out.contains("2026-10-25 02:30  scheduled"), table.out.constData());

    // The schedule as iCalendar: text that needs escaping, and a line long enough to fold inside umlauts.
    const QString sale = QStringLiteral("Sale, today; only\nGrüße an alle Kundinnen und Kunden in Österreich, der "
                                        "Schweiz und Südtirol: äöü äöü äöü äöü");
    QCOMPARE(
        cliIn(f,
              base
                  + QStringList {QStringLiteral("--text"), sale, QStringLiteral("--at"),
                                 QStringLiteral("2026-12-24T09:00"), QStringLiteral("--as"), QStringLiteral("Dave")})
            .code,
        0);
    const CliRun ics = cliIn(
        f, {QStringLiteral("export"), QStringLiteral("calendar"), QStringLiteral("--format"), QStringLiteral("ics")});
    QVERIFY2(ics.code == 0, ics.err.constData());
    QVERIFY(ics.out.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    QVERIFY(ics.out.endsWith("END:VCALENDAR\r\n"));
    QVERIFY(!ics.out.contains("\r\r") && ics.out.count('\n') == ics.out.count("\r\n")); // CRLF only
    for (const QByteArray &physical : ics.out.split('\n')) {
        QVERIFY2(physical.size() <= 76, physical.constData()); // 75 octets and the CR
        auto decoder = QStringDecoder(QStringDecoder::Utf8);
        (void)QString(decoder(physical));
        QVERIFY2(!decoder.hasError(), physical.constData()); // folding never splits a character
    }
    const QString unfolded = QString::fromUtf8(ics.out).replace(QStringLiteral("\r\n "), QString());
    QCOMPARE(unfolded.count(QStringLiteral("BEGIN:VEVENT")), 3); // the draft has no time
    QVERIFY(unfolded.contains(QStringLiteral("DTSTART:20261025T013000Z"))); // the later 02:30 in Berlin
    QVERIFY(unfolded.contains(QStringLiteral("Scheduled for 2026-10-25 02:30 Europe/Berlin")));
    QVERIFY(unfolded.contains(QStringLiteral("DTSTART:20261201T090000Z")));
    QVERIFY(unfolded.contains(QStringLiteral("SUMMARY:[in review] Idea\r\n")));
    QVERIFY(unfolded.contains(QStringLiteral("STATUS:TENTATIVE")));
    QVERIFY(unfolded.contains(QStringLiteral("DTSTART:20261224T080000Z")));
    QVERIFY2(unfolded.contains(QStringLiteral(": Sale\\, today\\; only\\nGrüße an alle")), qPrintable(unfolded));
    // A range in the workspace's days, and the same bytes into a file.
    const QString file = m_root.filePath(QStringLiteral("schedule.ics"));
    const CliRun december = cliIn(f,
                                  {QStringLiteral("export"), QStringLiteral("calendar"), QStringLiteral("--from"),
                                   QStringLiteral("2026-12-01"), QStringLiteral("--to"), QStringLiteral("2026-12-31"),
                                   QStringLiteral("--output"), file});
    QVERIFY2(december.code == 0, december.err.constData());
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray decemberIcs = written.readAll();
    QCOMPARE(decemberIcs.count("BEGIN:VEVENT"), 2);
    QVERIFY(!decemberIcs.contains("20261025T013000Z"));
    QCOMPARE(
        cliIn(f,
              {QStringLiteral("export"), QStringLiteral("calendar"), QStringLiteral("--format"), QStringLiteral("csv")})
            .code,
        2);
}

void TestCli::postRepeatsAndWarnsOfDuplicates()
{
    const Fixture f = makeWorkspace(QStringLiteral("repeat"));
    const QStringList base {
        QStringLiteral("post"),   QStringLiteral("new"),           QStringLiteral("--account"), f.mastodon,
        QStringLiteral("--zone"), QStringLiteral("Europe/Berlin"), QStringLiteral("--as"),      QStringLiteral("Dave")};
    // Weekly at 09:00 over the change to summer time: 09:00 each week, as one series.
    CliRun run = cliIn(f,
                       base
                           + QStringList {QStringLiteral("--text"), QStringLiteral("Tip of the week"),
                                          QStringLiteral("--at"), QStringLiteral("2030-03-24T09:00"),
                                          QStringLiteral("--repeat"), QStringLiteral("weekly"),
                                          QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--json")});
    QVERIFY2(run.code == 0, run.err.constData());
    const QJsonArray series = jsonOf(run).array();
    QCOMPARE(series.size(), 3);
    QCOMPARE(series.at(1).toObject().value(QStringLiteral("scheduled_at")).toString(),
             QStringLiteral("2030-03-31T09:00:00.000+02:00"));
    QCOMPARE(series.at(2).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("scheduled"));
    {
        SqliteDb db;
        QVERIFY(db.open(QDir(f.dir).filePath(Workspace::databaseFileName()), SqliteDb::Mode::ReadOnly).ok());
        QCOMPARE(db.scalarInt(QStringLiteral("SELECT count(DISTINCT json_extract(recurrence, '$.series')) FROM posts "
                                             "WHERE recurrence IS NOT NULL")),
                 1);
    }
    // The same text to the same account within a week: a warning (the series itself is not its own duplicate).
    QVERIFY(!run.err.contains("warning"));
    run = cliIn(f,
                base
                    + QStringList {QStringLiteral("--text"), QStringLiteral("  tip of the WEEK "),
                                   QStringLiteral("--at"), QStringLiteral("2030-04-02T12:00")});
    QVERIFY2(run.code == 0, run.err.constData());
    QVERIFY2(run.err.contains("warning: the same text already goes to"), run.err.constData());
    // Wrong combinations are usage errors.
    QCOMPARE(cliIn(f,
                   base
                       + QStringList {QStringLiteral("--text"), QStringLiteral("x"), QStringLiteral("--at"),
                                      QStringLiteral("2030-04-02T12:00"), QStringLiteral("--repeat"),
                                      QStringLiteral("hourly"), QStringLiteral("--count"), QStringLiteral("2")})
                 .code,
             2);
    QCOMPARE(cliIn(f,
                   base
                       + QStringList {QStringLiteral("--text"), QStringLiteral("x"), QStringLiteral("--at"),
                                      QStringLiteral("2030-04-02T12:00"), QStringLiteral("--repeat"),
                                      QStringLiteral("daily")})
                 .code,
             2);
}

void TestCli::postImportReportsEveryRow()
{
    const Fixture f = makeWorkspace(QStringLiteral("import"));
    const QString csvPath = m_root.filePath(QStringLiteral("posts.csv"));
    const auto write = [&](const QByteArray &content) {
        QFile file(csvPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    };
    // Columns in another order, quoted commas and line breaks, a byte order mark, and one problem of each kind.
    write("\xEF\xBB\xBFtext,account,date,time,zone\r\n"
          "\"Hello, world\nsecond line\","
          + f.mastodon.toUtf8()
          + ",2030-01-10,09:30,Europe/Berlin\r\n"
            "Gap,"
          + f.mastodon.toUtf8()
          + ",2030-03-31,02:30,Europe/Berlin\r\n"
            "Twice,"
          + f.mastodon.toUtf8()
          + ",2030-10-27,02:30,Europe/Berlin\r\n"
            "Twice again,"
          + f.mastodon.toUtf8()
          + ",2030-10-27,02:30+01:00,Europe/Berlin\r\n"
            "Nobody,@nobody@example.org,2030-01-11,10:00,\r\n"
            "Past,"
          + f.mastodon.toUtf8() + ",2020-01-01,10:00,\r\n" + QByteArray(301, 'x') + "," + f.bluesky.toUtf8()
          + ",2030-01-12,10:00,\r\n");
    const QStringList import {QStringLiteral("post"), QStringLiteral("import"), csvPath, QStringLiteral("--json")};
    CliRun run = cliIn(f, import);
    QCOMPARE(run.code, 1); // a row has a problem: nothing is imported
    QVERIFY2(run.err.contains("--valid-only"), run.err.constData());
    QJsonObject report = jsonOf(run).object();
    QCOMPARE(report.value(QStringLiteral("rows")).toInt(), 7);
    QCOMPARE(report.value(QStringLiteral("valid")).toInt(), 2);
    QCOMPARE(report.value(QStringLiteral("imported")).toInt(), 0);
    QCOMPARE(
        jsonOf(cliIn(f, {QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--json")})).array().size(), 0);
    QStringList seen;
    for (const QJsonValue &v : report.value(QStringLiteral("problems")).toArray()) {
        const QJsonObject p = v.toObject();
        seen << QStringLiteral("%1 %2")
                    .arg(p.value(QStringLiteral("row")).toInt())
                    .arg(p.value(QStringLiteral("column")).toString());
    }
    // Spreadsheet rows: the header is row 1.
    QCOMPARE(seen,
             (QStringList {QStringLiteral("3 time"), QStringLiteral("4 time"), QStringLiteral("6 account"),
                           QStringLiteral("7 time"), QStringLiteral("8 text")}));
    QVERIFY(run.out.contains("does not exist in Europe/Berlin"));
    QVERIFY(run.out.contains("+02:00 or +01:00"));
    QVERIFY(run.out.contains("301 characters"));

    // The person chooses to import the valid rows: those two, as written.
    run = cliIn(f, import + QStringList {QStringLiteral("--valid-only")});
    QVERIFY2(run.code == 0, run.err.constData());
    QCOMPARE(jsonOf(run).object().value(QStringLiteral("imported")).toInt(), 2);
    const QJsonArray posts
        = jsonOf(cliIn(f, {QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--json")})).array();
    QCOMPARE(posts.size(), 2);
    QStringList times;
    for (const QJsonValue &p : posts) {
        times << p.toObject().value(QStringLiteral("scheduled_at")).toString();
        QCOMPARE(p.toObject().value(QStringLiteral("time_zone")).toString(), QStringLiteral("Europe/Berlin"));
    }
    times.sort();
    QCOMPARE(times,
             (QStringList {QStringLiteral("2030-01-10T09:30:00.000+01:00"),
                           QStringLiteral("2030-10-27T02:30:00.000+01:00")}));
    QVERIFY(posts.at(0)
                .toObject()
                .value(QStringLiteral("variants"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("text"))
                .toString()
                .contains(QStringLiteral("Hello, world\nsecond line"))
            || posts.at(1)
                   .toObject()
                   .value(QStringLiteral("variants"))
                   .toArray()
                   .at(0)
                   .toObject()
                   .value(QStringLiteral("text"))
                   .toString()
                   .contains(QStringLiteral("Hello, world\nsecond line")));

    // A broken file is a clear error; so is a header without the required columns.
    write("date,time,account,text\n2030-01-10,09:30,x,\"never closed\n");
    run = cliIn(f, import);
    QCOMPARE(run.code, 1);
    QVERIFY2(run.out.contains("never closed"), run.out.constData());
    write("when,account\n2030-01-10,x\n");
    run = cliIn(f, import);
    QCOMPARE(run.code, 1);
    QVERIFY2(run.out.contains("no date column") && run.out.contains("Unknown column"), run.out.constData());
}

void TestCli::serveWritesTheWeeklyReport()
{
    const QString dir = m_root.filePath(QStringLiteral("weekly"));
    QCOMPARE(cli({QStringLiteral("--workspace"), dir, QStringLiteral("init"), QStringLiteral("--admin"),
                  QStringLiteral("Ada"), QStringLiteral("--time-zone"), QStringLiteral("Europe/Berlin")})
                 .code,
             0);
    // A folder that is not there is a usage error before anything starts.
    const CliRun bad = cli({QStringLiteral("--workspace"), dir, QStringLiteral("serve"),
                            QStringLiteral("--weekly-report"), m_root.filePath(QStringLiteral("no/such/folder"))});
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains("--weekly-report"), bad.err.constData());

    const QString out = m_root.filePath(QStringLiteral("weekly-reports"));
    QVERIFY(QDir().mkpath(out));
    QProcess serve;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SWITCHBOARD_WORKSPACE"));
    serve.setProcessEnvironment(env);
    serve.start(m_program,
                {QStringLiteral("--workspace"), dir, QStringLiteral("serve"), QStringLiteral("--weekly-report"), out});
    QVERIFY(serve.waitForStarted());
    // Last week's report at start-up (the clock here is real: last week is whichever week ended last Sunday).
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Europe/Berlin")).date();
    const QDate monday = today.addDays(1 - today.dayOfWeek() - 7);
    int year = 0;
    const int week = monday.weekNumber(&year);
    const QString stem = QStringLiteral("engagement-%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(QDir(out).filePath(stem + QStringLiteral(".json"))), 15'000);
    serve.terminate();
    QVERIFY(serve.waitForFinished(15'000));
    QVERIFY2(serve.readAllStandardError().contains("weekly report written"), "the report is logged");
    QFile json(QDir(out).filePath(stem + QStringLiteral(".json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(report.value(QStringLiteral("from")).toString(), monday.toString(Qt::ISODate));
    QCOMPARE(report.value(QStringLiteral("employees")).toArray().size(), 1);
    QVERIFY(QFileInfo::exists(QDir(out).filePath(stem + QStringLiteral(".csv"))));
}

void TestCli::demo()
{
    // DemoGenerator.h promises: it fills an empty workspace, and the same seed and anchor give the same rows, ids
    // included.
    const QString first = m_root.filePath(QStringLiteral("demo-1"));
    const QString second = m_root.filePath(QStringLiteral("demo-2"));
    const QStringList args {QStringLiteral("demo"),      QStringLiteral("--size"), QStringLiteral("1000"),
                            QStringLiteral("--seed"),    QStringLiteral("7"),      QStringLiteral("--anchor"),
                            QStringLiteral("2025-06-30")};
    for (const QString &dir : {first, second}) {
        const CliRun run = cli(QStringList {QStringLiteral("--workspace"), dir} + args);
        QVERIFY2(run.code == 0, run.err.constData());
    }
    auto listed = [this](const QString &dir) {
        const CliRun run = cli({QStringLiteral("--workspace"), dir, QStringLiteral("inbox"), QStringLiteral("list"),
                                QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("100000")});
        return run.code == 0 ? jsonOf(run).array() : QJsonArray();
    };
    const QJsonArray list = listed(first);
    QVERIFY(!list.isEmpty());
    QString previous;
    QStringList ids;
    for (const QJsonValue &v : list) {
        const QJsonObject c = v.toObject();
        QVERIFY(c.value(QStringLiteral("id")).isString());
        QVERIFY(c.value(QStringLiteral("account")).isString());
        QVERIFY(c.value(QStringLiteral("text")).isString());
        QVERIFY(isIso(c.value(QStringLiteral("updated_at"))));
        const QString last = c.value(QStringLiteral("last_item_at")).toString();
        QVERIFY(previous.isEmpty() || last <= previous);
        previous = last;
        ids << c.value(QStringLiteral("id")).toString();
    }
    QStringList again;
    for (const QJsonValue &v : listed(second)) {
        again << v.toObject().value(QStringLiteral("id")).toString();
    }
    ids.sort();
    again.sort();
    QCOMPARE(again, ids);

    // A workspace with data is refused, clearly, and left as it was.
    const qint64 events = eventCount(first);
    CliRun run = cli(QStringList {QStringLiteral("--workspace"), first} + args);
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.errText().contains(QLatin1String("already has data")), run.err.constData());
    QCOMPARE(eventCount(first), events);
    run = cliIn(m_shared, {QStringLiteral("demo")});
    QCOMPARE(run.code, 1);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
