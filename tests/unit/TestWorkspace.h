#pragma once

#include "core/Clock.h"
#include "core/Ids.h"
#include "engine/Engine.h"
#include "store/Ingest.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

// A throwaway workspace with a manual clock, seeded ids, a small team and one account.
struct TestWorkspace {
    QTemporaryDir dir;
    std::unique_ptr<sb::Workspace> ws;
    sb::ManualClock clock {1'780'000'000'000}; // 2026-05-28, a Thursday
    sb::SeededIdSource ids {7};
    std::unique_ptr<sb::Engine> engine;
    QString admin, manager, agent, sme, account;

    TestWorkspace()
    {
        auto opened = sb::Workspace::open(dir.path(), sb::Workspace::OpenMode::CreateIfMissing);
        if (!opened.ok()) {
            qFatal("cannot create test workspace: %s", qPrintable(opened.error().message));
        }
        ws = std::move(opened).value();
        engine = std::make_unique<sb::Engine>(ws->db(), clock, ids);
        admin = engine->createFirstAdmin(QStringLiteral("Ada Admin")).value();
        const auto a = sb::Actor::employee(admin);
        manager = engine->addEmployee(a, {QStringLiteral("Mia Manager"), {}, sb::Role::Manager, {}}).value();
        agent = engine->addEmployee(a, {QStringLiteral("Carl Community"), {}, sb::Role::CommunityManager, {}}).value();
        sme = engine->addEmployee(a, {QStringLiteral("Sam Expert"), {}, sb::Role::Contributor, {}}).value();
        sb::NewAccount acc;
        acc.network = sb::Network::Mastodon;
        acc.handle = QStringLiteral("@brand@example.social");
        acc.serviceUrl = QStringLiteral("https://example.social");
        acc.slaMinutes = 60;
        account = engine->addAccount(a, acc).value();
    }

    sb::SqliteDb &db() { return ws->db(); }
    qint64 count(const QString &sql) { return db().scalarInt(sql, -1); }
    qint64 events() { return count(QStringLiteral("SELECT count(*) FROM events")); }

    sb::IncomingItem inbound(const QString &remoteId, const QString &thread, const QString &text, qint64 at,
                             const QString &author = QStringLiteral("u1"))
    {
        sb::IncomingItem item;
        item.accountId = account;
        item.remoteId = remoteId;
        item.threadKey = thread;
        item.kind = QStringLiteral("mention");
        item.text = text;
        item.createdAt = at;
        item.author
            = {author, QStringLiteral("@%1@remote.example").arg(author), QStringLiteral("User %1").arg(author), {}};
        return item;
    }

    // Ingests one inbound item and returns its conversation id.
    QString conversationFor(const QString &remoteId, const QString &thread, const QString &text, qint64 at)
    {
        sb::Ingestor ingestor(db(), clock, ids);
        auto r = ingestor.ingest({inbound(remoteId, thread, text, at)});
        if (!r.ok()) {
            qFatal("ingest failed: %s", qPrintable(r.error().message));
        }
        auto st = db().prepare(QStringLiteral("SELECT conversation_id FROM items WHERE remote_id = ?"));
        st.value().bind(1, remoteId);
        return st.value().next() ? st.value().text(0) : QString();
    }
};
