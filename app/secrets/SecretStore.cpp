#include "secrets/SecretStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcSecrets, "switchboard.secrets")

namespace sb {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SecretStore", text);
}

// Runs a keychain job to completion. The secret service may take a while to unlock; 30 s is generous.
bool runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    job.start();
    if (!finished) {
        loop.exec();
    }
    return finished;
}

Error keychainError(const QKeychain::Job &job, const QString &what)
{
    if (job.error() == QKeychain::EntryNotFound) {
        return makeError(ErrorKind::NotFound, tr("No %1 is stored in the keychain.").arg(what));
    }
    if (job.error() == QKeychain::NoBackendAvailable || job.error() == QKeychain::OtherError) {
        return makeError(ErrorKind::Permanent,
                         tr("The system keychain is not available (%1). On a headless server, keep the secret in an "
                            "environment variable and add the account with --token-env or --app-password-env.")
                             .arg(job.errorString()));
    }
    return makeError(ErrorKind::Permanent, tr("Keychain error: %1").arg(job.errorString()));
}
} // namespace

SecretStore::SecretStore(QString workspaceId) : m_workspaceId(std::move(workspaceId))
{
}

QString SecretStore::keyFor(const QString &accountId, const QString &purpose) const
{
    return m_workspaceId + QLatin1Char('/') + accountId + QLatin1Char('/') + purpose;
}

Result<QString> SecretStore::read(const QString &accountId, const QString &purpose) const
{
    QKeychain::ReadPasswordJob job(serviceName());
    job.setKey(keyFor(accountId, purpose));
    if (!runJob(job)) {
        return makeError(ErrorKind::Transient, tr("The keychain did not answer in time."));
    }
    if (job.error() != QKeychain::NoError) {
        return keychainError(job, purpose);
    }
    return job.textData();
}

Status SecretStore::write(const QString &accountId, const QString &purpose, const QString &secret) const
{
    QKeychain::WritePasswordJob job(serviceName());
    job.setKey(keyFor(accountId, purpose));
    job.setTextData(secret);
    if (!runJob(job)) {
        return makeError(ErrorKind::Transient, tr("The keychain did not answer in time."));
    }
    if (job.error() != QKeychain::NoError) {
        return keychainError(job, purpose);
    }
    qCInfo(lcSecrets) << "stored" << purpose << "for account" << accountId; // the name, never the value
    return success();
}

void SecretStore::writeLater(const QString &accountId, const QString &purpose, const QString &secret) const
{
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(accountId, purpose));
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, job, [accountId, purpose](QKeychain::Job *done) {
        if (done->error() != QKeychain::NoError) {
            qCWarning(lcSecrets) << "cannot store" << purpose << "for account" << accountId << ":"
                                 << done->errorString();
        }
    });
    job->start();
}

Status SecretStore::remove(const QString &accountId, const QString &purpose) const
{
    QKeychain::DeletePasswordJob job(serviceName());
    job.setKey(keyFor(accountId, purpose));
    if (!runJob(job)) {
        return makeError(ErrorKind::Transient, tr("The keychain did not answer in time."));
    }
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound) {
        return keychainError(job, purpose);
    }
    return success();
}

Status SecretStore::probe()
{
    const SecretStore store(QStringLiteral("probe"));
    SB_TRY(store.write(QStringLiteral("probe"), QStringLiteral("probe"), QStringLiteral("x")));
    return store.remove(QStringLiteral("probe"), QStringLiteral("probe"));
}

Result<QString> resolveCredential(const SecretStore &store, const QString &accountId, const QString &credentialRef,
                                  const QString &purpose)
{
    if (credentialRef.startsWith(QLatin1String("env:"))) {
        const QString name = credentialRef.mid(4);
        const QString value = qEnvironmentVariable(name.toUtf8().constData());
        if (value.isEmpty()) {
            return makeError(
                ErrorKind::AuthExpired,
                tr("The environment variable %1, which holds this account's secret, is not set.").arg(name));
        }
        return value;
    }
    auto secret = store.read(accountId, purpose);
    if (!secret.ok() && secret.error().kind == ErrorKind::NotFound) {
        return makeError(ErrorKind::AuthExpired, tr("No credentials are stored for this account; sign in again."));
    }
    return secret;
}

} // namespace sb
