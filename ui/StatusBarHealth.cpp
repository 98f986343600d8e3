#include "ui/StatusBarHealth.h"

#include "core/Clock.h"
#include "core/Domain.h"
#include "models/InboxModel.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"
#include "ui/Icons.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>

#include <algorithm>

namespace sb::ui {

namespace {
struct Health {
    QString iconKey; // health-ok, health-warning, health-error, health-paused
    QString text;
};

Health describe(const QString &health, const QString &detail, qint64 rateLimitedUntil, double progress, bool paused,
                qint64 lastSyncAt, qint64 now)
{
    if (paused) {
        return {QStringLiteral("health-paused"), StatusBarHealth::tr("Paused")};
    }
    if (rateLimitedUntil > now || health == QLatin1String("rate_limited")) {
        if (rateLimitedUntil > now) {
            const QString until
                = models::formatTime(QDateTime::fromMSecsSinceEpoch(rateLimitedUntil).toLocalTime().time());
            return {QStringLiteral("health-warning"), StatusBarHealth::tr("Rate limited until %1").arg(until)};
        }
        return {QStringLiteral("health-warning"), StatusBarHealth::tr("Rate limited")};
    }
    if (health == QLatin1String("ok")) {
        if (lastSyncAt <= 0) {
            return {QStringLiteral("health-paused"), StatusBarHealth::tr("Not synced yet")};
        }
        return {QStringLiteral("health-ok"), StatusBarHealth::tr("Healthy")};
    }
    if (health == QLatin1String("syncing")) {
        if (progress >= 0) {
            return {QStringLiteral("health-ok"),
                    StatusBarHealth::tr("Fetching history, %1%").arg(qRound(std::clamp(progress, 0.0, 1.0) * 100))};
        }
        return {QStringLiteral("health-ok"), StatusBarHealth::tr("Syncing")};
    }
    if (health == QLatin1String("auth_expired")) {
        return {QStringLiteral("health-error"), StatusBarHealth::tr("Sign-in expired")};
    }
    return {QStringLiteral("health-error"),
            detail.isEmpty() ? StatusBarHealth::tr("Error") : StatusBarHealth::tr("Error: %1").arg(detail)};
}
} // namespace

StatusBarHealth::StatusBarHealth(models::WorkspaceContext &ctx, QWidget *parent)
    : QWidget(parent), m_ctx(ctx), m_layout(new QHBoxLayout(this)), m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("accountHealth"));
    setAccessibleName(tr("Account sync health"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(12);
    m_tick->setInterval(30 * 1000);
    connect(m_tick, &QTimer::timeout, this, &StatusBarHealth::reload);
    connect(&m_ctx, &models::WorkspaceContext::changed, this, &StatusBarHealth::reload);
    m_tick->start();
    reload();
}

StatusBarHealth::Entry StatusBarHealth::makeEntry(const QString &accountId)
{
    Entry e;
    e.accountId = accountId;
    e.widget = new QWidget(this);
    e.widget->setObjectName(QStringLiteral("accountHealthEntry"));
    auto *row = new QHBoxLayout(e.widget);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    e.networkIcon = new QLabel(e.widget);
    e.stateIcon = new QLabel(e.widget);
    e.text = new QLabel(e.widget);
    e.text->setTextFormat(Qt::PlainText);
    row->addWidget(e.networkIcon);
    row->addWidget(e.stateIcon);
    row->addWidget(e.text);
    m_layout->addWidget(e.widget);
    e.widget->show();
    return e;
}

void StatusBarHealth::reload()
{
    struct Row {
        QString id, network, handle;
        Health health;
    };
    QList<Row> rows;
    const qint64 now = m_ctx.clock().nowMs();
    Statement &st = m_ctx.reader().cached(
        "SELECT id, network, handle, health, coalesce(health_detail, ''), coalesce(rate_limited_until, 0), "
        "coalesce(sync_progress, -1), sync_paused, coalesce(last_sync_at, 0) FROM accounts WHERE archived = 0 "
        "ORDER BY handle COLLATE NOCASE, id");
    while (st.next()) {
        rows.append({st.text(0), st.text(1), st.text(2),
                     describe(st.text(3), st.text(4), st.int64(5), st.real(6), st.integer(7) != 0, st.int64(8), now)});
    }
    st.reset();

    // Same accounts as shown: update in place. Otherwise rebuild the entries.
    bool same = rows.size() == m_entries.size();
    for (int i = 0; same && i < rows.size(); ++i) {
        same = rows[i].id == m_entries[i].accountId;
    }
    if (!same) {
        for (const Entry &e : std::as_const(m_entries)) {
            delete e.widget;
        }
        m_entries.clear();
        for (const Row &r : std::as_const(rows)) {
            m_entries.append(makeEntry(r.id));
        }
    }
    const int iconSize = fontMetrics().height();
    for (int i = 0; i < rows.size(); ++i) {
        const Row &r = rows[i];
        const Entry &e = m_entries[i];
        const auto network = networkFromName(r.network);
        const QString networkText = network ? networkLabel(*network) : r.network;
        e.networkIcon->setPixmap(icons::forKey(QStringLiteral("network-") + r.network).pixmap(iconSize, iconSize));
        e.stateIcon->setPixmap(icons::forKey(r.health.iconKey).pixmap(iconSize, iconSize));
        e.text->setText(tr("%1: %2").arg(r.handle, r.health.text));
        const QString summary = tr("%1 account %2: %3").arg(networkText, r.handle, r.health.text);
        e.widget->setAccessibleName(summary);
        e.widget->setToolTip(summary);
        e.text->setAccessibleName(summary);
    }
}

} // namespace sb::ui
