#pragma once

// The team tests' PostgreSQL (pg.sh): where it listens and how its superuser signs in, read from pg.sh's state
// folder, and a fresh database per test program.

#include "team/Pg.h"

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QUuid>

namespace sb::testing {

struct TeamPg {
    QString script; // pg.sh
    QString state; // its state folder
    QHash<QString, QString> env; // PGPORT, TEAM_PG_SUPERUSER, TEAM_PG_PASSWORD...

    bool load()
    {
        QFile f(state + QStringLiteral("/env"));
        if (!f.open(QIODevice::ReadOnly)) {
            return false;
        }
        env.clear();
        for (const QByteArray &line : f.readAll().split('\n')) {
            const int eq = int(line.indexOf('='));
            if (eq > 0) {
                env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
            }
        }
        return env.contains(QStringLiteral("PGPORT"));
    }

    bool run(const QString &verb) const
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedChannels);
        p.start(script, {verb, state});
        return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QString port() const { return env.value(QStringLiteral("PGPORT")); }
    QString superPassword() const { return env.value(QStringLiteral("TEAM_PG_PASSWORD")); }
    QString url(const QString &user, const QString &database) const
    {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(user, port(), database);
    }

    // A new database for one test program (the cluster's roles are shared, the schema and data are not).
    QString createDatabase(const QString &prefix) const
    {
        sb::team::PgConnection admin;
        if (!admin
                 .open(url(QStringLiteral("postgres"), QStringLiteral("postgres")), superPassword(),
                       QStringLiteral("test setup"))
                 .ok()) {
            return {};
        }
        const QString name = prefix + QUuid::createUuid().toString(QUuid::Id128).left(12);
        if (!admin.execScript(QStringLiteral("CREATE DATABASE ") + name).ok()) {
            return {};
        }
        return name;
    }
};

} // namespace sb::testing
