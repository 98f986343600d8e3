// The Accounts section end to end, in the real main window against the Mastodon test server: add an account by
// signing in through the "browser" (OAuth 2 with PKCE; the test stands in for the browser and follows the server's
// redirect to the app's loopback listener), watch the backfill progress and the first sync, the inbox filling
// and the status bar; a revoked token asks for a new sign-in, which the UI does; pause and resume; remove keeping
// the conversations (archive) or with them; a pasted code and a refused token; sync run by another process.
// The token goes to a real keychain (gnome-keyring in a private D-Bus session, see with-keyring.sh).
// With SWITCHBOARD_SCREENSHOT_DIR set, it saves what the section looks like in each state.
#include "BlueskyTestNetwork.h"
#include "MastodonTestServer.h"
#include "core/Clock.h"
#include "engine/Engine.h"
#include "models/AccountsModel.h"
#include "models/ModelRoles.h"
#include "models/WorkspaceContext.h"
#include "secrets/SecretStore.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "sync/SyncThread.h"
#include "ui/AccountsSignInDialog.h"
#include "ui/AccountsView.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTreeView>
#include <QUrlQuery>

#include <memory>

using namespace sb;
using sb::models::AccountsModel;
using sb::testing::BlueskyTestNetwork;
using sb::testing::MastodonTestServer;
using sb::ui::AccountsSignInDialog;
using sb::ui::AccountsView;
using sb::ui::MainWindow;

class TestAccounts : public QObject {
    Q_OBJECT

    MastodonTestServer m_server;
    MastodonTestServer::Brand m_brand;
    QString m_fan;
    QTemporaryDir m_dir;
    std::unique_ptr<models::WorkspaceContext> m_ctx;
    std::unique_ptr<MainWindow> m_window;
    QNetworkAccessManager m_browser;
    QList<QUrl> m_opened;
    QString m_admin;
    QString m_contributor;
    QString m_account;

    // --- helpers -------------------------------------------------------------------------------------------------

    void openWindow()
    {
        m_window = std::make_unique<MainWindow>(*m_ctx);
        m_window->resize(1280, 720);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QApplication::setActiveWindow(m_window.get());
        m_window->setCurrentSection(MainWindow::AccountsSection);
        // The browser: the consent page, which the test server approves at once with a redirect to the app's
        // loopback listener; or, out of band, a page that shows the code to paste.
        accounts()->setUrlOpener([this](const QUrl &url) {
            m_opened.append(url);
            if (QUrlQuery(url).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)
                != QLatin1String("urn:ietf:wg:oauth:2.0:oob")) {
                approveInBrowser(url);
            }
            return true;
        });
    }

    void approveInBrowser(const QUrl &url)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *consent = m_browser.get(request);
        connect(consent, &QNetworkReply::finished, this, [this, consent] {
            consent->deleteLater();
            const QUrl back = consent->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
            QNetworkReply *landing = m_browser.get(QNetworkRequest(consent->url().resolved(back)));
            connect(landing, &QNetworkReply::finished, landing, &QObject::deleteLater);
        });
    }

    AccountsView *accounts() const { return m_window->accountsView(); }
    AccountsSignInDialog *dialog() const { return accounts()->signInDialog(); }
    template <typename T> T *child(QObject *parent, const char *name) const
    {
        T *found = parent->findChild<T *>(QLatin1String(name));
        if (!found) {
            qWarning("no child %s", name);
        }
        return found;
    }
    QPushButton *button(const char *name) const { return child<QPushButton>(accounts(), name); }

    qint64 scalar(const QString &sql) { return m_ctx->workspace().db().scalarInt(sql, -1); }
    int rowOf(const QString &accountId) const { return accounts()->model()->rowOf(accountId); }
    QString healthText(const QString &accountId) const
    {
        const int row = rowOf(accountId);
        return row < 0 ? QString() : accounts()->model()->index(row, AccountsModel::HealthColumn).data().toString();
    }
    QString storedHealth(const QString &accountId)
    {
        return m_ctx->workspace().db().scalarText(
            QStringLiteral("SELECT health FROM accounts WHERE id = '%1'").arg(accountId));
    }
    // QtKeychain runs its jobs through one executor bound to the first thread that used it (here the window's sync
    // thread), so the test looks into the keychain from a process of its own: this executable, see main().
    Result<QString> keychainSecret(const QString &accountId, const QString &purpose = QStringLiteral("access_token"))
    {
        QProcess helper;
        helper.start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--read-secret"), m_ctx->workspace().id(), accountId, purpose});
        if (!helper.waitForFinished(40000)) {
            return makeError(ErrorKind::Transient, QStringLiteral("the keychain helper did not finish"));
        }
        const QByteArray out = helper.readAllStandardOutput().trimmed();
        if (out.startsWith("found ")) {
            return QString::fromUtf8(QByteArray::fromHex(out.mid(6)));
        }
        if (out == "missing") {
            return makeError(ErrorKind::NotFound, QStringLiteral("missing"));
        }
        return makeError(ErrorKind::Permanent, QString::fromUtf8(out + helper.readAllStandardError()));
    }
    QStringList statusBarTexts() const
    {
        QStringList texts;
        for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>()) {
            if (label->isVisible() && !label->text().isEmpty()) {
                texts.append(label->text());
            }
        }
        return texts;
    }
    void selectAccount(const QString &accountId)
    {
        QTreeView *list = accounts()->list();
        const QModelIndex index = accounts()->model()->index(rowOf(accountId), AccountsModel::HandleColumn);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
        QCOMPARE(accounts()->selectedAccount(), accountId);
    }
    // Fills in and starts the open sign-in dialog.
    void signInThroughTheDialog(const QString &server, const char *method = "accountsMethodBrowser")
    {
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        if (!server.isEmpty()) {
            auto *field = child<QLineEdit>(dialog(), "accountsServer");
            field->clear();
            QTest::keyClicks(field, server);
        }
        child<QRadioButton>(dialog(), method)->click();
        QPushButton *start = child<QPushButton>(dialog(), "accountsSignInStart");
        QVERIFY(start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
    }
    void saveShot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("SWITCHBOARD_SCREENSHOT_DIR");
        if (dir.isEmpty()) {
            return;
        }
        QDir().mkpath(dir);
        for (int i = 0; i < 3; ++i) { // pending layouts (status bar entries that changed length)
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::processEvents();
        }
        QVERIFY(widget->grab().save(QDir(dir).filePath(QStringLiteral("accounts-%1.png").arg(name))));
    }

private slots:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("SwitchboardTests"));
        QApplication::setApplicationName(QStringLiteral("tst_accounts"));
        QSettings().clear();
        qputenv("SWITCHBOARD_REQUEST_TIMEOUT_MS", "4000");
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_brand = m_server.createBrand();
        QVERIFY(!m_brand.accessToken.isEmpty());
        m_fan = m_server.createAccount(QStringLiteral("fan")).value(QStringLiteral("id")).toString();
        QVERIFY(!m_fan.isEmpty());
        // Three weeks of mentions, so the first sync has history to fetch, page by page.
        QCOMPARE(m_server
                     .control("POST", QStringLiteral("/_test/bulk"),
                              {{QStringLiteral("count"), 400}, {QStringLiteral("days"), 21}})
                     .status,
                 200);

        auto opened = Workspace::open(m_dir.path(), Workspace::OpenMode::CreateIfMissing);
        QVERIFY(opened.ok());
        m_ctx = std::make_unique<models::WorkspaceContext>(std::move(opened).value());
        auto admin = m_ctx->engine().createFirstAdmin(QStringLiteral("Ada Admin"));
        QVERIFY(admin.ok());
        m_admin = admin.value();
        auto contributor = m_ctx->engine().addEmployee(Actor::employee(m_admin),
                                                       {QStringLiteral("Sam Specialist"), {}, Role::Contributor, {}});
        QVERIFY(contributor.ok());
        m_contributor = contributor.value();
        m_ctx->setCurrentEmployee(m_admin);
        openWindow();
        QTRY_COMPARE(m_window->syncThread()->runner(), SyncThread::Runner::ThisProcess);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_ctx.reset();
    }

    void addAccountThroughTheBrowser()
    {
        QVERIFY(child<QLabel>(accounts(), "accountsEmpty")->isVisible());
        // Slow pages make the backfill long enough to watch.
        QVERIFY(m_server.addFault({{QStringLiteral("kind"), QStringLiteral("delay")},
                                   {QStringLiteral("ms"), 350},
                                   {QStringLiteral("method"), QStringLiteral("GET")},
                                   {QStringLiteral("path"), QStringLiteral("/api/v1/notifications")},
                                   {QStringLiteral("count"), 14}}));

        QPushButton *add = button("accountsAddButton");
        QVERIFY(add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        // Bluesky signs in with a handle and an app password instead of the browser.
        auto *bluesky = child<QRadioButton>(dialog(), "accountsNetworkBluesky");
        auto *mastodon = child<QRadioButton>(dialog(), "accountsNetworkMastodon");
        QVERIFY(mastodon->isChecked());
        QVERIFY(!child<QLineEdit>(dialog(), "accountsHandle")->isVisible());
        QVERIFY(child<QRadioButton>(dialog(), "accountsMethodBrowser")->isVisible());
        QTest::mouseClick(bluesky, Qt::LeftButton, {}, QPoint(4, bluesky->height() / 2));
        QVERIFY(bluesky->isChecked());
        QVERIFY(child<QLineEdit>(dialog(), "accountsHandle")->isVisible());
        QVERIFY(child<QLineEdit>(dialog(), "accountsAppPassword")->isVisible());
        QCOMPARE(child<QLineEdit>(dialog(), "accountsAppPassword")->echoMode(), QLineEdit::Password);
        QVERIFY(child<QLabel>(dialog(), "accountsAppPasswordHelp")->text().contains(QLatin1String("app-passwords")));
        QVERIFY(!child<QRadioButton>(dialog(), "accountsMethodBrowser")->isVisible());
        QCOMPARE(child<QLineEdit>(dialog(), "accountsServer")->text(), QStringLiteral("bsky.social"));
        QVERIFY(!child<QPushButton>(dialog(), "accountsSignInStart")->isEnabled()); // no handle, no app password yet
        saveShot(dialog(), QStringLiteral("add-dialog-bluesky"));
        QTest::mouseClick(mastodon, Qt::LeftButton, {}, QPoint(4, mastodon->height() / 2));
        QVERIFY(mastodon->isChecked());
        QVERIFY(child<QLineEdit>(dialog(), "accountsServer")->text().isEmpty());
        QVERIFY(!child<QLineEdit>(dialog(), "accountsHandle")->isVisible());
        QTest::keyClicks(child<QLineEdit>(dialog(), "accountsServer"), m_server.baseUrl().toString());
        saveShot(dialog(), QStringLiteral("add-dialog"));

        signInThroughTheDialog({});
        // The app registered itself and sent the browser to the consent page, with PKCE.
        QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 10000);
        const QUrlQuery query(m_opened.constFirst());
        QCOMPARE(m_opened.constFirst().path(), QStringLiteral("/oauth/authorize"));
        QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QVERIFY(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)
                    .startsWith(QStringLiteral("http://127.0.0.1:")));
        // The browser came back to the loopback listener; the account is verified, added and kept.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog(), 15000);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM accounts")), 1);
        m_account = m_ctx->workspace().db().scalarText(QStringLiteral("SELECT id FROM accounts"));
        QCOMPARE(accounts()->selectedAccount(), m_account);
        const QString handle = m_ctx->workspace().db().scalarText(QStringLiteral("SELECT handle FROM accounts"));
        QCOMPARE(handle, QStringLiteral("@brand@") + m_server.baseUrl().authority());
        QCOMPARE(m_ctx->workspace().db().scalarText(QStringLiteral("SELECT remote_id FROM accounts")),
                 m_brand.accountId);
        const auto secret = keychainSecret(m_account);
        QVERIFY2(secret.ok(), qPrintable(secret.ok() ? QString() : secret.error().message));
        QVERIFY(!secret.value().isEmpty());
        QVERIFY(secret.value() != m_brand.accessToken); // a token of its own, from the OAuth flow

        // The backfill shows as a progress bar on the account's row while history comes in.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (QProgressBar *bar : accounts()->findChildren<QProgressBar *>(QStringLiteral("accountsProgress"))) {
                    if (bar->isVisible() && bar->value() > 0 && bar->value() < 100) {
                        return true;
                    }
                }
                return false;
            }(),
            20000);
        QVERIFY(healthText(m_account).startsWith(QStringLiteral("Fetching history")));
        saveShot(m_window.get(), QStringLiteral("backfilling"));

        // After the first sync: healthy, no bar, and the mentions are in the inbox.
        QTRY_COMPARE_WITH_TIMEOUT(healthText(m_account), QStringLiteral("Healthy"), 30000);
        QTRY_VERIFY(accounts()->findChildren<QProgressBar *>(QStringLiteral("accountsProgress")).isEmpty());
        QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM conversations")) >= 300);
        const int row = rowOf(m_account);
        QVERIFY(accounts()->model()->index(row, AccountsModel::LastSyncColumn).data().toString()
                != QStringLiteral("Never"));
        QTRY_VERIFY(statusBarTexts().contains(handle + QStringLiteral(": Healthy")));
        m_window->setCurrentSection(MainWindow::InboxSection);
        auto *inbox = m_window->findChild<QTreeView *>(QStringLiteral("conversationList"));
        QTRY_VERIFY(inbox->model()->rowCount() > 0);
        m_window->setCurrentSection(MainWindow::AccountsSection);

        // The token is nowhere in the workspace folder.
        for (const QFileInfo &f : QDir(m_dir.path()).entryInfoList(QDir::Files)) {
            QFile file(f.absoluteFilePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(secret.value().toUtf8()), qPrintable(f.fileName()));
        }
        saveShot(m_window.get(), QStringLiteral("healthy"));
    }

    void revokedTokenAsksToSignInAgain()
    {
        QVERIFY(m_server.revokeTokens(m_brand.accountId));
        selectAccount(m_account);
        QPushButton *syncNow = button("accountsSyncNowButton");
        QVERIFY(syncNow->isEnabled());
        QTest::mouseClick(syncNow, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(healthText(m_account), QStringLiteral("Sign-in expired: sign in again"), 15000);
        QPushButton *signIn = button("accountsSignInButton");
        QVERIFY(signIn->isEnabled());
        QVERIFY(signIn->isDefault()); // the obvious next step
        QVERIFY(!syncNow->isEnabled());
        QVERIFY(child<QLabel>(accounts(), "accountsDetailError")->text().contains(QStringLiteral("invalid")));
        QTRY_VERIFY(statusBarTexts().filter(QStringLiteral("Sign-in expired")).size() == 1);
        saveShot(m_window.get(), QStringLiteral("auth-expired"));

        // Sign in again from the keyboard: the server is filled in and fixed.
        signIn->setFocus();
        QTest::keyClick(signIn, Qt::Key_Space);
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        QVERIFY(child<QLineEdit>(dialog(), "accountsServer")->isReadOnly());
        QCOMPARE(child<QLineEdit>(dialog(), "accountsServer")->text(), m_server.baseUrl().toString());
        const qsizetype opened = m_opened.size();
        signInThroughTheDialog({});
        QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), opened + 1, 10000);
        // The registration made at the first sign-in is reused: same client, same loopback redirect.
        const QUrlQuery first(m_opened.constFirst());
        const QUrlQuery again(m_opened.constLast());
        QVERIFY(!first.queryItemValue(QStringLiteral("client_id")).isEmpty());
        QCOMPARE(again.queryItemValue(QStringLiteral("client_id")), first.queryItemValue(QStringLiteral("client_id")));
        QCOMPARE(again.queryItemValue(QStringLiteral("redirect_uri")),
                 first.queryItemValue(QStringLiteral("redirect_uri")));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM oauth_apps")), 1);
        // Its client secret is in the keychain and nowhere in the workspace folder.
        const auto clientSecret
            = keychainSecret(QStringLiteral("oauth-app ") + m_server.baseUrl().toString(QUrl::StripTrailingSlash),
                             QStringLiteral("client_secret"));
        QVERIFY2(clientSecret.ok(), qPrintable(clientSecret.ok() ? QString() : clientSecret.error().message));
        QVERIFY(!clientSecret.value().isEmpty());
        for (const QFileInfo &f : QDir(m_dir.path()).entryInfoList(QDir::Files)) {
            QFile file(f.absoluteFilePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(clientSecret.value().toUtf8()), qPrintable(f.fileName()));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!dialog(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(healthText(m_account), QStringLiteral("Healthy"), 15000);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM accounts")), 1); // the same account, not a new one
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE action = 'account_signed_in'")), 1);
    }

    void pauseAndResume()
    {
        selectAccount(m_account);
        QPushButton *pause = button("accountsPauseButton");
        QCOMPARE(pause->text(), QStringLiteral("&Pause sync"));
        QTest::mouseClick(pause, Qt::LeftButton);
        QCOMPARE(healthText(m_account), QStringLiteral("Paused"));
        QTRY_COMPARE(storedHealth(m_account), QStringLiteral("paused")); // the engine stopped it
        QVERIFY(!button("accountsSyncNowButton")->isEnabled());
        QTRY_VERIFY(statusBarTexts().filter(QStringLiteral(": Paused")).size() == 1);

        // A mention while paused does not arrive...
        const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM items"));
        m_server.postAs(m_fan, QStringLiteral("@brand are you there while paused?"));
        QTest::qWait(1500);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items")), before);

        // ...until sync resumes.
        QCOMPARE(pause->text(), QStringLiteral("&Resume sync"));
        pause->setFocus();
        QTest::keyClick(pause, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(scalar(QStringLiteral("SELECT count(*) FROM items")), before + 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(healthText(m_account), QStringLiteral("Healthy"), 15000);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE action IN ('sync_paused', 'sync_resumed')")),
                 2);
    }

    void actionsFollowTheRole()
    {
        m_ctx->setCurrentEmployee(m_contributor);
        QVERIFY(!button("accountsAddButton")->isEnabled());
        QVERIFY(!button("accountsRemoveButton")->isEnabled());
        QVERIFY(!button("accountsSignInButton")->isEnabled());
        QVERIFY(!button("accountsPauseButton")->isEnabled());
        QVERIFY(child<QLabel>(accounts(), "accountsPermission")->isVisible());
        m_ctx->setCurrentEmployee(m_admin);
        QVERIFY(button("accountsAddButton")->isEnabled());
        QVERIFY(!child<QLabel>(accounts(), "accountsPermission")->isVisible());
    }

    void removeKeepingConversations()
    {
        const qint64 conversations = scalar(QStringLiteral("SELECT count(*) FROM conversations"));
        selectAccount(m_account);
        QTest::keyClick(accounts()->list(), Qt::Key_Delete); // same as Remove…
        auto *confirm = child<QFrame>(accounts(), "accountsRemoveConfirm");
        QVERIFY(confirm->isVisible());
        saveShot(m_window.get(), QStringLiteral("remove-confirm"));
        QTest::mouseClick(button("accountsRemoveKeepButton"), Qt::LeftButton);
        QTRY_VERIFY(!confirm->isVisible());
        QTRY_COMPARE(scalar(QStringLiteral("SELECT archived FROM accounts WHERE id = '%1'").arg(m_account)), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM conversations")), conversations);
        QVERIFY(healthText(m_account).startsWith(QStringLiteral("Archived")));
        const auto secret = keychainSecret(m_account);
        QVERIFY(!secret.ok());
        QCOMPARE(int(secret.error().kind), int(ErrorKind::NotFound));
        QTRY_VERIFY(statusBarTexts().filter(QStringLiteral("@brand@")).isEmpty()); // it no longer syncs

        // A new sign-in restores it, and it syncs again.
        selectAccount(m_account);
        QPushButton *restore = button("accountsSignInButton");
        QVERIFY(restore->text().contains(QStringLiteral("Restore")));
        QTest::mouseClick(restore, Qt::LeftButton);
        signInThroughTheDialog({});
        QTRY_VERIFY_WITH_TIMEOUT(!dialog(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(healthText(m_account), QStringLiteral("Healthy"), 15000);
        QCOMPARE(scalar(QStringLiteral("SELECT archived + sync_paused FROM accounts")), 0);
        QVERIFY(keychainSecret(m_account).ok());
    }

    void removeEverything()
    {
        selectAccount(m_account);
        QTest::mouseClick(button("accountsRemoveButton"), Qt::LeftButton);
        QTest::mouseClick(button("accountsRemoveAllButton"), Qt::LeftButton);
        QTRY_COMPARE(scalar(QStringLiteral("SELECT count(*) FROM accounts")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM conversations")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items")), 0);
        const auto secret = keychainSecret(m_account);
        QVERIFY(!secret.ok());
        QCOMPARE(int(secret.error().kind), int(ErrorKind::NotFound));
        QTRY_VERIFY(child<QLabel>(accounts(), "accountsEmpty")->isVisible());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE action = 'account_removed'")), 1);
    }

    void refusedTokenAndPastedCode()
    {
        // A token the server does not know: the dialog says so, and nothing is added.
        QTest::mouseClick(button("accountsAddButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        child<QRadioButton>(dialog(), "accountsMethodToken")->click();
        QTest::keyClicks(child<QLineEdit>(dialog(), "accountsToken"), QStringLiteral("not-a-valid-token"));
        signInThroughTheDialog(m_server.baseUrl().toString(), "accountsMethodToken");
        auto *error = child<QLabel>(dialog(), "accountsSignInError");
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
        QVERIFY2(error->text().contains(QStringLiteral("did not accept")), qPrintable(error->text()));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM accounts")), 0);
        saveShot(dialog(), QStringLiteral("add-dialog-error"));

        // Out of band: the page shows a code, the person pastes it. Meanwhile an admin deleted Switchboard's
        // registration on the server: the kept one is refused and a new one is made (and kept instead).
        const QString keptClient
            = m_ctx->workspace().db().scalarText(QStringLiteral("SELECT client_id FROM oauth_apps"));
        QVERIFY(!keptClient.isEmpty());
        QVERIFY(m_server.deleteApps());
        const qsizetype opened = m_opened.size();
        signInThroughTheDialog({}, "accountsMethodCode");
        QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), opened + 1, 10000);
        const QString newClient = QUrlQuery(m_opened.constLast()).queryItemValue(QStringLiteral("client_id"));
        QVERIFY(!newClient.isEmpty());
        QVERIFY(newClient != keptClient);
        QNetworkReply *page = m_browser.get(QNetworkRequest(m_opened.constLast()));
        QTRY_VERIFY(page->isFinished());
        page->deleteLater();
        static const QRegularExpression codeRe(QStringLiteral("class=\"oauth-code\"[^>]*value=\"([^\"]+)\""));
        const QString code = codeRe.match(QString::fromUtf8(page->readAll())).captured(1);
        QVERIFY(!code.isEmpty());
        auto *codeField = child<QLineEdit>(dialog(), "accountsSignInCode");
        QVERIFY(codeField->isVisible());
        QCOMPARE(child<QLineEdit>(dialog(), "accountsSignInPage")->text(), m_opened.constLast().toString());
        saveShot(dialog(), QStringLiteral("add-dialog-code"));
        QTest::keyClicks(codeField, code);
        QTest::keyClick(codeField, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog(), 15000);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM accounts")), 1);
        m_account = m_ctx->workspace().db().scalarText(QStringLiteral("SELECT id FROM accounts"));
        QCOMPARE(m_ctx->workspace().db().scalarText(QStringLiteral("SELECT client_id FROM oauth_apps")), newClient);
        QTRY_COMPARE_WITH_TIMEOUT(healthText(m_account), QStringLiteral("Healthy"), 30000);
    }

    void replyFromTheInboxGoesOut()
    {
        // The window's engine sends what the inbox queues: a reply typed in the composer reaches the server.
        m_window->setCurrentSection(MainWindow::InboxSection);
        auto *inbox = m_window->findChild<QTreeView *>(QStringLiteral("conversationList"));
        QTRY_VERIFY(inbox->model()->rowCount() > 0);
        QApplication::setActiveWindow(m_window.get()); // the sign-in dialogs had it
        inbox->setFocus();
        QTest::mouseClick(inbox->viewport(), Qt::LeftButton, {},
                          inbox->visualRect(inbox->model()->index(0, 0)).center());
        QTest::keyClick(inbox, Qt::Key_R);
        auto *editor = m_window->findChild<QPlainTextEdit *>(QStringLiteral("replyEditor"));
        QTRY_COMPARE(QApplication::focusWidget(), editor);
        const QString text = QStringLiteral("Thanks for writing, we are on it");
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        // Direct replies start with the recipients' mentions, so look for the words.
        const QString published
            = QStringLiteral("/_test/statuses?contains=") + QString::fromLatin1(QUrl::toPercentEncoding(text));
        QTRY_COMPARE_WITH_TIMEOUT(m_server.control("GET", published).object().value(QStringLiteral("count")).toInt(), 1,
                                  10000);
        QTRY_COMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox_jobs WHERE state = 'done'")), 1);
        m_window->setCurrentSection(MainWindow::AccountsSection);
    }

    void rateLimitShowsUntilWhen()
    {
        QVERIFY(m_server.addFault({{QStringLiteral("kind"), QStringLiteral("429")},
                                   {QStringLiteral("reset_in"), 300},
                                   {QStringLiteral("method"), QStringLiteral("GET")},
                                   {QStringLiteral("path"), QStringLiteral("/api/v1/notifications")}}));
        selectAccount(m_account);
        QTest::mouseClick(button("accountsSyncNowButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(healthText(m_account).startsWith(QStringLiteral("Rate limited until ")), 10000);
        QTRY_VERIFY(statusBarTexts().filter(QStringLiteral(": Rate limited until ")).size() == 1);
        const qint64 until = scalar(QStringLiteral("SELECT rate_limited_until FROM accounts"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(until > now + 250'000 && until < now + 310'000, "the server's reset time is honoured");
        QVERIFY(!button("accountsSyncNowButton")->isEnabled()); // asking early would not help
        saveShot(m_window.get(), QStringLiteral("rate-limited"));
    }

    // Run by tst_accounts_without_keychain only (no secret service on its D-Bus): adding an account says why it
    // cannot be kept, and adds nothing.
    void addingWithoutAKeychainSaysWhy()
    {
        if (!qEnvironmentVariableIsSet("SWITCHBOARD_TEST_NO_KEYCHAIN")) {
            QSKIP("runs as tst_accounts_without_keychain");
        }
        QTest::mouseClick(button("accountsAddButton"), Qt::LeftButton);
        signInThroughTheDialog(m_server.baseUrl().toString());
        auto *error = child<QLabel>(dialog(), "accountsSignInError");
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 40000);
        QVERIFY2(error->text().contains(QStringLiteral("keychain")), qPrintable(error->text()));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM accounts")), 0);
        saveShot(dialog(), QStringLiteral("add-dialog-no-keychain"));
    }

    void addBlueskyWithAnAppPassword()
    {
        // A brand account on the real local Bluesky network, with an app password made for Switchboard.
        BlueskyTestNetwork net;
        QVERIFY2(net.load(), qPrintable(net.errorString()));
        qputenv("SWITCHBOARD_PLC_URL", net.plc().toString().toUtf8()); // the network's own PLC directory
        const BlueskyTestNetwork::Account brand = net.createAccount(QStringLiteral("gui"));
        const QString appPassword = net.createAppPassword(brand, QStringLiteral("Switchboard"));
        QVERIFY(!appPassword.isEmpty());
        const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM accounts"));

        m_window->setCurrentSection(MainWindow::AccountsSection);
        QTest::mouseClick(button("accountsAddButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        auto *bluesky = child<QRadioButton>(dialog(), "accountsNetworkBluesky");
        QTest::mouseClick(bluesky, Qt::LeftButton, {}, QPoint(4, bluesky->height() / 2));
        auto *server = child<QLineEdit>(dialog(), "accountsServer");
        server->clear();
        QTest::keyClicks(server, net.pds().toString());
        QTest::keyClicks(child<QLineEdit>(dialog(), "accountsHandle"), brand.handle);
        // A wrong app password is refused with the network's reason, and nothing is added.
        QTest::keyClicks(child<QLineEdit>(dialog(), "accountsAppPassword"), QStringLiteral("aaaa-bbbb-cccc-dddd"));
        QTest::mouseClick(child<QPushButton>(dialog(), "accountsSignInStart"), Qt::LeftButton);
        auto *error = child<QLabel>(dialog(), "accountsSignInError");
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 20000);
        QVERIFY2(error->text().contains(QStringLiteral("did not accept")), qPrintable(error->text()));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM accounts")), before);
        QVERIFY(child<QLineEdit>(dialog(), "accountsAppPassword")->text().isEmpty()); // not kept in the form
        QTest::keyClicks(child<QLineEdit>(dialog(), "accountsAppPassword"), appPassword);
        QTest::mouseClick(child<QPushButton>(dialog(), "accountsSignInStart"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog(), 20000);

        const QString account = m_ctx->workspace().db().scalarText(
            QStringLiteral("SELECT id FROM accounts WHERE network = 'bluesky' AND remote_id = '%1'").arg(brand.did));
        QVERIFY(!account.isEmpty());
        QCOMPARE(m_ctx->workspace().db().scalarText(
                     QStringLiteral("SELECT handle FROM accounts WHERE id = '%1'").arg(account)),
                 QLatin1Char('@') + brand.handle);
        const auto secret = keychainSecret(account);
        QVERIFY(secret.ok());
        QCOMPARE(secret.value(), appPassword);
        // It syncs on the window's worker thread: a mention from another account reaches the inbox.
        const BlueskyTestNetwork::Account fan = net.createAccount(QStringLiteral("guifan"));
        QVERIFY(!net.mention(fan, brand, QStringLiteral(" do you ship to Iceland?")).isEmpty());
        QVERIFY(net.processAll());
        selectAccount(account);
        QTest::mouseClick(button("accountsSyncNowButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(scalar(QStringLiteral("SELECT count(*) FROM items WHERE account_id = '%1' AND text "
                                                        "LIKE '%%ship to Iceland%%'")
                                             .arg(account)),
                                  1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(healthText(account), QStringLiteral("Healthy"), 15000);
        saveShot(m_window.get(), QStringLiteral("bluesky-added"));
    }

    void anotherProcessRunsSync()
    {
        // This window lets go of the workspace; `switchboard-cli serve` takes it.
        m_window.reset();
        QProcess serve;
        serve.setProcessChannelMode(QProcess::SeparateChannels);
        serve.start(qEnvironmentVariable("SWITCHBOARD_CLI"),
                    {QStringLiteral("--workspace"), m_dir.path(), QStringLiteral("serve")});
        QVERIFY(serve.waitForStarted());
        // The lock file exists while a process holds it (this window removed its own when it closed).
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(QDir(m_dir.path()).filePath(QStringLiteral("runner.lock"))), 10000);
        openWindow();
        const QString expected = QStringLiteral("Sync runs in switchboard-cli (process %1)").arg(serve.processId());
        QTRY_VERIFY_WITH_TIMEOUT(statusBarTexts().contains(expected), 10000);
        QCOMPARE(m_window->syncThread()->runner(), SyncThread::Runner::OtherProcess);
        QVERIFY(!button("accountsSyncNowButton")->isEnabled());
        // The window still reads what that process records, and shows it: a new mention reaches the inbox.
        QTRY_COMPARE_WITH_TIMEOUT(healthText(m_account), QStringLiteral("Healthy"), 15000);
        const QString mention = QStringLiteral("@brand is the shop open on Sunday?");
        m_server.postAs(m_fan, mention);
        m_window->setCurrentSection(MainWindow::InboxSection);
        auto *inbox = m_window->findChild<QTreeView *>(QStringLiteral("conversationList"));
        QTRY_VERIFY_WITH_TIMEOUT(inbox->model()
                                     ->index(0, 0)
                                     .data(models::TextRole)
                                     .toString()
                                     .contains(QStringLiteral("shop open on Sunday")),
                                 15000);
        m_window->setCurrentSection(MainWindow::AccountsSection);
        saveShot(m_window.get(), QStringLiteral("other-runner"));
        m_window.reset();
        serve.terminate();
        QVERIFY(serve.waitForFinished(15000));
        QCOMPARE(serve.exitCode(), 0);
    }
};

// `tst_accounts --read-secret WORKSPACE_ID ACCOUNT_ID PURPOSE` prints "found <hex>", "missing" or the keychain's error:
// the test's window of the keychain (the value goes through the pipe only, never into a message).
int main(int argc, char *argv[])
{
    if (argc == 5 && qstrcmp(argv[1], "--read-secret") == 0) {
        QCoreApplication app(argc, argv);
        const auto secret
            = SecretStore(QString::fromUtf8(argv[2])).read(QString::fromUtf8(argv[3]), QString::fromUtf8(argv[4]));
        QTextStream out(stdout);
        if (secret.ok()) {
            out << "found " << secret.value().toUtf8().toHex() << '\n';
        } else if (secret.error().kind == ErrorKind::NotFound) {
            out << "missing\n";
        } else {
            out << secret.error().message << '\n';
        }
        return 0;
    }
    QApplication app(argc, argv);
    TestAccounts test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_accounts.moc"
