#pragma once

#include "core/Result.h"

#include <QString>

namespace sb {

// Secrets (access tokens, app passwords, OAuth client secrets) live in the OS keychain through QtKeychain, keyed
// by workspace and account, never in the workspace folder, settings or logs. There is no insecure fallback: without
// a secret service the calls fail with a clear error, and headless use goes through an environment variable whose
// name (only) is stored as the account's credential_ref.
class SecretStore {
public:
    explicit SecretStore(QString workspaceId);

    static QString serviceName() { return QStringLiteral("io.github.switchboard.Switchboard"); }
    QString keyFor(const QString &accountId, const QString &purpose) const;

    // Blocking calls (they spin a local event loop): for the CLI and for setup steps, not for hot paths.
    Result<QString> read(const QString &accountId, const QString &purpose) const;
    Status write(const QString &accountId, const QString &purpose, const QString &secret) const;
    Status remove(const QString &accountId, const QString &purpose) const;
    // Without waiting (no nested event loop): for secrets that change while the sync runs (refreshed sessions).
    // A failure is logged; the secret then lives on in memory until the next run signs in again.
    void writeLater(const QString &accountId, const QString &purpose, const QString &secret) const;

    // Whether a secret service answers at all (a write+delete probe). Used to tell headless users what to do.
    static Status probe();

private:
    QString m_workspaceId;
};

// Resolves an account's credential at run time: "keychain" reads the keychain; "env:NAME" reads the environment
// variable NAME (the secret itself is never written anywhere).
Result<QString> resolveCredential(const SecretStore &store, const QString &accountId, const QString &credentialRef,
                                  const QString &purpose);

} // namespace sb
