// switchboard-cli commands of the channel layer: account add, sync, serve, reply.
#include "channels/Channel.h"
#include "cli/CliCommands.h"
#include "cli/CliContext.h"
#include "cli/CliFormat.h"
#include "cli/CliSignals.h"
#include "cli/CliText.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "engine/Collisions.h"
#include "metrics/WeeklyReport.h"
#include "secrets/SecretStore.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "store/WorkspaceSettings.h"
#include "sync/AccountSetup.h"
#include "sync/DefaultChannels.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace sb::cli {

QString readSecretFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(in.readLine(64 * 1024)).trimmed();
}

namespace {

template <typename T, typename Start> Result<T> waitFor(Start start)
{
    std::optional<Result<T>> result;
    QEventLoop loop;
    start([&](Result<T> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result) {
        loop.exec();
    }
    return std::move(*result);
}

QJsonObject accountJson(SqliteDb &db, const QString &accountId)
{
    auto st = db.prepare(QStringLiteral("SELECT id, network, handle, coalesce(display_name, ''), service_url, "
                                        "credential_ref, health FROM accounts WHERE id = ?"));
    if (!st.ok()) {
        return {};
    }
    st.value().bind(1, accountId);
    if (!st.value().next()) {
        return {};
    }
    const Statement &q = st.value();
    return {{QStringLiteral("id"), q.text(0)},          {QStringLiteral("network"), q.text(1)},
            {QStringLiteral("handle"), q.text(2)},      {QStringLiteral("display_name"), q.text(3)},
            {QStringLiteral("service_url"), q.text(4)}, {QStringLiteral("credential"), q.text(5)},
            {QStringLiteral("health"), q.text(6)}};
}

std::unique_ptr<SyncService> openSync(Context &ctx, Status &status)
{
    auto service
        = std::make_unique<SyncService>(ctx.workspace().dir(), SystemClock::instance(), RandomIdSource::instance());
    registerDefaultChannels(*service);
    status = service->open();
    return service;
}

int printAccountHealth(Context &ctx, const QString &onlyAccountId)
{
    auto st = ctx.db().prepare(QStringLiteral("SELECT handle, health, coalesce(health_detail, '') FROM accounts "
                                              "WHERE archived = 0 AND (?1 = '' OR id = ?1) ORDER BY created_at"));
    if (!st.ok()) {
        return ctx.fail(st.error());
    }
    st.value().bind(1, onlyAccountId);
    while (st.value().next()) {
        ctx.out() << st.value().text(0) << ": " << st.value().text(1);
        if (!st.value().text(2).isEmpty()) {
            ctx.out() << " (" << oneLine(st.value().text(2), 120) << ')';
        }
        ctx.out() << '\n';
    }
    return ExitOk;
}

} // namespace

namespace {

// What differs between networks when an account is added from the command line: where it signs in, how its secret
// is given, how it is checked, and the words for it. The flow itself is the same for every network.
struct AccountAddSpec {
    QString serverOption; // "instance", "service"
    QString serverUsage;
    QString envOption; // "token-env", "app-password-env"
    QString stdinOption;
    QString oneOfUsage;
    QString nothingOnStdin;
    QString cannotStore; // %1: the keychain's reason
    QString onlyVariableKept; // %1: the variable
    // Checks the secret against the network: the account, and a session to keep beside the secret (may be empty).
    std::function<Result<AccountSetup::VerifiedAccount>(QNetworkAccessManager &, const QUrl &, const QString &)> verify;
};

int addAccount(Context &ctx, int backfillDays, const AccountAddSpec &spec)
{
    const QUrl server = QUrl::fromUserInput(ctx.args().value(spec.serverOption));
    if (!ctx.args().has(spec.serverOption) || !server.isValid()
        || (server.scheme() != QLatin1String("https") && server.scheme() != QLatin1String("http"))
        || server.host().isEmpty()) {
        return ctx.usageError(spec.serverUsage);
    }
    const bool fromEnv = ctx.args().has(spec.envOption);
    const bool fromStdin = ctx.args().has(spec.stdinOption);
    if (fromEnv == fromStdin) {
        return ctx.usageError(spec.oneOfUsage);
    }
    const QString variable = ctx.args().value(spec.envOption);
    const QString secret = fromEnv ? qEnvironmentVariable(variable.toUtf8().constData()) : readSecretFromStdin();
    if (secret.isEmpty()) {
        return ctx.fail(fromEnv ? CliText::tr("the environment variable %1 is empty or not set").arg(variable)
                                : spec.nothingOnStdin);
    }
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    const auto actor = ctx.actor();
    if (!actor.ok()) {
        return ctx.fail(actor.error());
    }
    // Checked against the server before anything is stored.
    QNetworkAccessManager nam;
    const auto verified = spec.verify(nam, server, secret);
    if (!verified.ok()) {
        return ctx.fail(verified.error());
    }
    NewAccount account = verified.value().account;
    if (ctx.args().has(QStringLiteral("name")) || account.displayName.isEmpty()) {
        account.displayName = ctx.args().value(QStringLiteral("name"));
    }
    account.backfillDays = backfillDays;
    // The secret (and a session made from it) go to the keychain; without a secret service, the environment
    // variable's name is kept and each run reads the secret from it.
    const Status keychain = SecretStore::probe();
    Result<QString> added = QString();
    if (keychain.ok()) {
        const SecretStore secrets(ctx.workspace().id());
        // In a team the account may be the team's already: this workstation then only keeps its own sign-in for it
        // (secrets are never shared), so that it can sync and publish for the account too.
        QString teamAccount;
        if (!WorkspaceSettings::value(ctx.db(), QStringLiteral("team_pg")).isEmpty()) {
            Statement &same = ctx.db().cached("SELECT id FROM accounts WHERE network = ? AND handle = ? AND "
                                              "service_url = ?");
            same.bindAll(networkName(account.network), account.handle, account.serviceUrl.trimmed());
            teamAccount = same.next() ? same.text(0) : QString();
            same.reset();
        }
        if (!teamAccount.isEmpty()) {
            const Status replaced
                = AccountSetup::replaceSecret(ctx.engine(), secrets, actor.value(), teamAccount, account, secret);
            added = replaced.ok() ? Result<QString>(teamAccount) : Result<QString>(replaced.error());
        } else {
            added = AccountSetup::addWithKeychainSecret(ctx.engine(), secrets, actor.value(), account, secret);
        }
        if (added.ok() && !verified.value().session.isEmpty()) {
            (void)secrets.write(added.value(), AccountSetup::kSession, verified.value().session);
        }
    } else {
        if (!fromEnv) {
            return ctx.fail(spec.cannotStore.arg(keychain.error().message));
        }
        account.credentialRef = QStringLiteral("env:") + variable;
        added = ctx.engine().addAccount(actor.value(), account);
    }
    if (!added.ok()) {
        return ctx.fail(added.error());
    }
    if (ctx.json()) {
        printJson(ctx.out(), accountJson(ctx.db(), added.value()));
    } else {
        ctx.out() << CliText::tr("Added %1 (%2).").arg(account.handle, added.value()) << '\n';
    }
    if (!keychain.ok()) {
        ctx.err() << "switchboard-cli: " << spec.onlyVariableKept.arg(variable) << '\n';
    }
    return ExitOk;
}

} // namespace

int runAccountAdd(Context &ctx)
{
    const QString network = ctx.args().positionals().value(0);
    if (network != QLatin1String("mastodon") && network != QLatin1String("bluesky")) {
        return ctx.usageError(CliText::tr("unsupported network \"%1\" (supported: mastodon, bluesky)").arg(network));
    }
    int backfillDays = 30;
    if (ctx.args().has(QStringLiteral("backfill-days"))) {
        const auto days = parsePositive(ctx.args().value(QStringLiteral("backfill-days")));
        if (!days || *days > 3650) {
            return ctx.usageError(CliText::tr("--backfill-days takes a number of days (1-3650)"));
        }
        backfillDays = int(*days);
    }
    AccountAddSpec spec;
    if (network == QLatin1String("bluesky")) {
        const QString handle = ctx.args().value(QStringLiteral("handle")).trimmed();
        if (handle.isEmpty()) {
            return ctx.usageError(CliText::tr("--handle needs the account's handle (name.bsky.social) or DID"));
        }
        spec = {QStringLiteral("service"),
                CliText::tr("--service needs the server's address, e.g. https://bsky.social"),
                QStringLiteral("app-password-env"),
                QStringLiteral("app-password-stdin"),
                CliText::tr("give exactly one of --app-password-env VAR and --app-password-stdin"),
                CliText::tr("no app password on standard input"),
                CliText::tr("cannot store the app password: %1"),
                CliText::tr("no secret service is available, so only the name of the variable %1 was kept; "
                            "`sync` and `serve` read the app password from it when they run."),
                [handle](QNetworkAccessManager &nam, const QUrl &service,
                         const QString &password) -> Result<AccountSetup::VerifiedAccount> {
                    const auto verified = waitFor<AccountSetup::VerifiedAccount>([&](auto done) {
                        AccountSetup::verifyBluesky(&nam, service, handle, password, std::move(done));
                    });
                    if (!verified.ok()) {
                        return makeError(
                            verified.error().kind,
                            CliText::tr("Bluesky did not accept the sign-in: %1").arg(verified.error().message));
                    }
                    return verified;
                }};
    } else {
        spec = {QStringLiteral("instance"),
                CliText::tr("--instance needs the server's address, e.g. https://mastodon.social"),
                QStringLiteral("token-env"),
                QStringLiteral("token-stdin"),
                CliText::tr("give exactly one of --token-env VAR and --token-stdin"),
                CliText::tr("no token on standard input"),
                CliText::tr("cannot store the token: %1"),
                CliText::tr("no secret service is available, so only the name of the variable %1 was kept; "
                            "`sync` and `serve` read the token from it when they run."),
                [](QNetworkAccessManager &nam, const QUrl &instance,
                   const QString &token) -> Result<AccountSetup::VerifiedAccount> {
                    const auto identity = waitFor<NewAccount>([&](auto done) {
                        AccountSetup::verifyToken(&nam, Network::Mastodon, instance, token, std::move(done));
                    });
                    if (!identity.ok()) {
                        return makeError(
                            identity.error().kind,
                            CliText::tr("the server did not accept the token: %1").arg(identity.error().message));
                    }
                    return AccountSetup::VerifiedAccount {identity.value(), {}};
                }};
    }
    return addAccount(ctx, backfillDays, spec);
}

int runSync(Context &ctx)
{
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    QString accountId;
    if (ctx.args().has(QStringLiteral("account"))) {
        const auto resolved = ctx.resolveAccount(ctx.args().value(QStringLiteral("account")));
        if (!resolved.ok()) {
            return ctx.fail(resolved.error());
        }
        accountId = resolved.value();
    }
    Status opened = success();
    auto service = openSync(ctx, opened);
    if (!opened.ok()) {
        return ctx.fail(opened.error());
    }
    if (ctx.args().has(QStringLiteral("once"))) {
        const auto done = waitFor<std::monostate>(
            [&](auto finish) { service->runOnce(accountId, [finish](Status s) { finish(s); }); });
        printAccountHealth(ctx, accountId);
        return done.ok() ? ExitOk : ctx.fail(done.error());
    }
    quitOnTerminationSignals();
    service->start();
    QCoreApplication::exec();
    service->stop();
    return ExitOk;
}

int runServe(Context &ctx)
{
    const QString reportDir = ctx.args().value(QStringLiteral("weekly-report"));
    if (ctx.args().has(QStringLiteral("weekly-report"))) {
        const QFileInfo dir(reportDir);
        if (reportDir.isEmpty() || !dir.isDir() || !dir.isWritable()) {
            return ctx.usageError(CliText::tr("--weekly-report needs a folder that exists and can be written to"));
        }
    }
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    Status opened = success();
    auto service = openSync(ctx, opened);
    if (!opened.ok()) {
        return ctx.fail(opened.error());
    }
    quitOnTerminationSignals();
    // The weekly engagement report: last week's at start-up if it is missing, then checked every ten minutes,
    // so it is written soon after Monday 00:00 in the workspace's time zone.
    QTimer weekly;
    if (!reportDir.isEmpty()) {
        auto writeReport = [&ctx, reportDir] {
            auto written = metrics::writeWeeklyReport(ctx.db(), reportDir, SystemClock::instance().nowMs());
            if (!written.ok()) {
                ctx.err() << "switchboard-cli: " << CliText::tr("weekly report: %1").arg(written.error().message)
                          << '\n';
            } else if (!written.value().isEmpty()) {
                ctx.err() << "switchboard-cli: "
                          << CliText::tr("weekly report written: %1").arg(written.value().join(QStringLiteral(", ")))
                          << '\n';
            }
            ctx.err().flush();
        };
        QObject::connect(&weekly, &QTimer::timeout, writeReport);
        weekly.start(10 * 60'000);
        writeReport();
    }
    ctx.err() << "switchboard-cli: "
              << CliText::tr("serving %1 (sync and outbox); stop with SIGTERM or Ctrl+C").arg(ctx.workspace().dir())
              << '\n';
    ctx.err().flush();
    service->start();
    QCoreApplication::exec();
    service->stop();
    ctx.err() << "switchboard-cli: " << CliText::tr("stopped") << '\n';
    return ExitOk;
}

int runReply(Context &ctx)
{
    const QString text = ctx.args().value(QStringLiteral("text"));
    if (!ctx.args().has(QStringLiteral("text")) || text.trimmed().isEmpty()) {
        return ctx.usageError(CliText::tr("--text is required"));
    }
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    const auto conversation = ctx.resolveConversation(ctx.args().positionals().value(0));
    if (!conversation.ok()) {
        return ctx.fail(conversation.error());
    }
    const auto actor = ctx.actor();
    if (!actor.ok()) {
        return ctx.fail(actor.error());
    }
    // Nobody answers a customer twice: what the composer asks, the command refuses without --force.
    if (!ctx.args().has(QStringLiteral("force"))) {
        const auto collisions
            = replyCollisions(ctx.db(), SystemClock::instance(), conversation.value(), actor.value().id,
                              QStringLiteral("cli-%1").arg(QCoreApplication::applicationPid()));
        if (!collisions.ok()) {
            return ctx.fail(collisions.error());
        }
        if (!collisions.value().empty()) {
            for (const ReplyCollision &c : collisions.value()) {
                ctx.err() << "switchboard-cli: " << describeCollision(c) << '\n';
            }
            return ctx.fail(CliText::tr("Not sent: someone else is on this conversation (--force sends anyway)."));
        }
    }
    const auto outcome = ctx.engine().submitReply(actor.value(), conversation.value(), text);
    if (!outcome.ok()) {
        return ctx.fail(outcome.error());
    }
    QJsonObject result {{QStringLiteral("conversation"), conversation.value()}};
    if (!outcome.value().replyDraftId.isEmpty()) {
        result.insert(QStringLiteral("state"), QStringLiteral("awaiting_approval"));
        result.insert(QStringLiteral("reply_draft"), outcome.value().replyDraftId);
    } else {
        const QString jobId = outcome.value().outboxJobId;
        // Send it now when no other process runs the outbox; otherwise that process sends it.
        Status opened = success();
        auto service = openSync(ctx, opened);
        if (opened.ok()) {
            (void)waitFor<std::monostate>([&](auto finish) { service->sendDue([finish] { finish(success()); }); });
        }
        auto st = ctx.db().prepare(QStringLiteral("SELECT state, coalesce(remote_id, ''), coalesce(remote_url, ''), "
                                                  "coalesce(last_error, '') FROM outbox_jobs WHERE id = ?"));
        if (st.ok()) {
            st.value().bind(1, jobId);
            if (st.value().next()) {
                result.insert(QStringLiteral("state"), st.value().text(0));
                result.insert(QStringLiteral("remote_id"), st.value().text(1));
                result.insert(QStringLiteral("url"), st.value().text(2));
                result.insert(QStringLiteral("last_error"), st.value().text(3));
            }
        }
        result.insert(QStringLiteral("outbox_job"), jobId);
    }
    if (ctx.json()) {
        printJson(ctx.out(), result);
        return ExitOk;
    }
    const QString state = result.value(QStringLiteral("state")).toString();
    if (state == QLatin1String("awaiting_approval")) {
        ctx.out() << CliText::tr("Reply submitted for approval (%1).")
                         .arg(result.value(QStringLiteral("reply_draft")).toString())
                  << '\n';
    } else if (state == QLatin1String("done")) {
        ctx.out() << CliText::tr("Reply sent: %1").arg(result.value(QStringLiteral("url")).toString()) << '\n';
    } else {
        QString why = result.value(QStringLiteral("last_error")).toString();
        ctx.out() << CliText::tr("Reply queued (%1)%2; `sync` or `serve` sends it.")
                         .arg(state, why.isEmpty() ? QString() : QStringLiteral(": ") + oneLine(why, 120))
                  << '\n';
    }
    return ExitOk;
}

} // namespace sb::cli
