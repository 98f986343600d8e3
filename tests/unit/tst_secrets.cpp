#include "secrets/SecretStore.h"

#include <QTest>

using namespace sb;

// Runs against a real secret service (gnome-keyring in a private D-Bus session, see tests/with-keyring.sh).
class TestSecrets : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        const Status probe = SecretStore::probe();
        QVERIFY2(probe.ok(), probe.ok() ? "" : qPrintable(probe.error().message));
    }

    void roundTrip()
    {
        const SecretStore store(QStringLiteral("ws-1"));
        QVERIFY(store.write(QStringLiteral("acc-1"), QStringLiteral("access_token"), QStringLiteral("s3cr3t")).ok());
        QCOMPARE(store.read(QStringLiteral("acc-1"), QStringLiteral("access_token")).value(), QStringLiteral("s3cr3t"));
        // Keys are per workspace and per account: nothing leaks across.
        const SecretStore other(QStringLiteral("ws-2"));
        QCOMPARE(other.read(QStringLiteral("acc-1"), QStringLiteral("access_token")).error().kind, ErrorKind::NotFound);
        QCOMPARE(store.read(QStringLiteral("acc-2"), QStringLiteral("access_token")).error().kind, ErrorKind::NotFound);
        QVERIFY(store.write(QStringLiteral("acc-1"), QStringLiteral("access_token"), QStringLiteral("rotated")).ok());
        QCOMPARE(store.read(QStringLiteral("acc-1"), QStringLiteral("access_token")).value(),
                 QStringLiteral("rotated"));
        QVERIFY(store.remove(QStringLiteral("acc-1"), QStringLiteral("access_token")).ok());
        QCOMPARE(store.read(QStringLiteral("acc-1"), QStringLiteral("access_token")).error().kind, ErrorKind::NotFound);
        QVERIFY(store.remove(QStringLiteral("acc-1"), QStringLiteral("access_token")).ok()); // idempotent
    }

    void credentialReferences()
    {
        const SecretStore store(QStringLiteral("ws-3"));
        QVERIFY(store.write(QStringLiteral("a"), QStringLiteral("access_token"), QStringLiteral("from-keychain")).ok());
        QCOMPARE(
            resolveCredential(store, QStringLiteral("a"), QStringLiteral("keychain"), QStringLiteral("access_token"))
                .value(),
            QStringLiteral("from-keychain"));
        qputenv("SWITCHBOARD_TEST_TOKEN", "from-env");
        QCOMPARE(resolveCredential(store, QStringLiteral("a"), QStringLiteral("env:SWITCHBOARD_TEST_TOKEN"),
                                   QStringLiteral("access_token"))
                     .value(),
                 QStringLiteral("from-env"));
        qunsetenv("SWITCHBOARD_TEST_TOKEN");
        const auto missingEnv = resolveCredential(
            store, QStringLiteral("a"), QStringLiteral("env:SWITCHBOARD_TEST_TOKEN"), QStringLiteral("access_token"));
        QCOMPARE(missingEnv.error().kind, ErrorKind::AuthExpired);
        QVERIFY(missingEnv.error().message.contains(QStringLiteral("SWITCHBOARD_TEST_TOKEN")));
        const auto missingKey = resolveCredential(store, QStringLiteral("nobody"), QStringLiteral("keychain"),
                                                  QStringLiteral("access_token"));
        QCOMPARE(missingKey.error().kind, ErrorKind::AuthExpired);
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
