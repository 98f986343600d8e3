#include "models/AccountsModel.h"

#include "models/ModelRoles.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QDateTime>
#include <QLocale>
#include <QUrl>

#include <algorithm>

namespace sb::models {

AccountsModel::AccountsModel(SqliteDb &db, QObject *parent) : QAbstractTableModel(parent), m_db(db)
{
    reload();
}

AccountsModel::~AccountsModel() = default;

void AccountsModel::reload()
{
    std::vector<Row> rows;
    auto st = m_db.prepare(QStringLiteral(
        "SELECT id, network, handle, coalesce(display_name, ''), service_url, health, coalesce(health_detail, ''), "
        "coalesce(rate_limited_until, 0), coalesce(last_sync_at, 0), coalesce(sync_progress, -1), sync_paused, "
        "archived FROM accounts ORDER BY network, handle COLLATE NOCASE"));
    if (st.ok()) {
        Statement &s = st.value();
        while (s.next()) {
            Row row;
            row.id = s.text(0);
            row.network = networkFromName(s.text(1)).value_or(Network::Mastodon);
            row.handle = s.text(2);
            row.displayName = s.text(3);
            row.serviceUrl = s.text(4);
            row.health = s.text(5);
            row.healthDetail = s.text(6);
            row.rateLimitedUntil = s.int64(7);
            row.lastSyncAt = s.int64(8);
            row.progress = s.real(9);
            row.paused = s.integer(10) != 0;
            row.archived = s.integer(11) != 0;
            rows.push_back(std::move(row));
        }
    }
    const QTimeZone zone(WorkspaceSettings::timeZoneId(m_db).toUtf8());
    const QTimeZone nextZone = zone.isValid() ? zone : QTimeZone::utc();
    const bool sameAccounts = std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(), m_rows.cend(),
                                         [](const Row &a, const Row &b) { return a.id == b.id; });
    if (!sameAccounts || nextZone != m_zone) {
        beginResetModel();
        m_zone = nextZone;
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    // The same accounts: update in place, so selection, focus and per-row widgets stay.
    for (size_t i = 0; i < rows.size(); ++i) {
        if (!(rows[i] == m_rows[i])) {
            m_rows[i] = std::move(rows[i]);
            emit dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        }
    }
}

int AccountsModel::rowOf(const QString &accountId) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == accountId) {
            return int(i);
        }
    }
    return -1;
}

QColor AccountsModel::healthColor(const QString &health, bool paused)
{
    if (paused) {
        return QColor(0x8a, 0x8f, 0x98);
    }
    if (health == QLatin1String("ok") || health == QLatin1String("syncing")) {
        return QColor(0x2e, 0x9d, 0x4f);
    }
    if (health == QLatin1String("rate_limited")) {
        return QColor(0xd0, 0x8c, 0x00);
    }
    return QColor(0xd6, 0x45, 0x41);
}

QString AccountsModel::healthIconKey(const QString &health, bool paused)
{
    if (paused) {
        return QStringLiteral("health-paused");
    }
    if (health == QLatin1String("ok") || health == QLatin1String("syncing")) {
        return QStringLiteral("health-ok");
    }
    if (health == QLatin1String("rate_limited")) {
        return QStringLiteral("health-warning");
    }
    return QStringLiteral("health-error");
}

QColor AccountsModel::networkColor(Network network)
{
    switch (network) {
    case Network::Mastodon: return QColor(0x63, 0x64, 0xff);
    case Network::Bluesky: return QColor(0x11, 0x85, 0xfe);
    }
    return {};
}

QString AccountsModel::localTime(qint64 ms) const
{
    // Today's times without the date: "until 17:33" reads at a glance.
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, m_zone);
    if (local.date() == QDateTime::currentDateTime().toTimeZone(m_zone).date()) {
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    }
    return QLocale().toString(local, QLocale::ShortFormat);
}

QString AccountsModel::healthText(const Row &row) const
{
    if (row.archived) {
        return tr("Archived: not syncing, conversations kept");
    }
    if (row.paused) {
        return tr("Paused");
    }
    if (row.health == QLatin1String("ok")) {
        // Nothing has been fetched yet (a new account before its first sync, or sample data): not "healthy".
        return row.lastSyncAt > 0 ? tr("Healthy") : tr("Not synced yet");
    }
    if (row.health == QLatin1String("syncing")) {
        // No ellipsis: in a column fitted to its text it would read as cut off.
        return row.progress >= 0 ? tr("Fetching history") : tr("Syncing");
    }
    if (row.health == QLatin1String("rate_limited")) {
        return row.rateLimitedUntil > 0 ? tr("Rate limited until %1").arg(localTime(row.rateLimitedUntil))
                                        : tr("Rate limited");
    }
    if (row.health == QLatin1String("auth_expired")) {
        return tr("Sign-in expired: sign in again");
    }
    return tr("Error");
}

int AccountsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccountsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &r = m_rows[size_t(index.row())];
    const int column = index.column();
    // Paused, archived, or never synced: shown in the neutral colour, not as healthy.
    const bool stopped = r.paused || r.archived || (r.health == QLatin1String("ok") && r.lastSyncAt <= 0);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NetworkColumn: return networkLabel(r.network);
        case HandleColumn: return r.handle;
        case NameColumn: return r.displayName;
        case ServerColumn: {
            // The address as people write it: the host, with the port when it is not the scheme's default.
            const QUrl url(r.serviceUrl);
            if (url.host().isEmpty()) {
                return r.serviceUrl;
            }
            return url.port() > 0 ? url.host() + QLatin1Char(':') + QString::number(url.port()) : url.host();
        }
        case HealthColumn: return healthText(r);
        case ProgressColumn:
            return r.progress >= 0 ? tr("%1%").arg(qRound(qBound(0.0, r.progress, 1.0) * 100)) : QString();
        case LastSyncColumn: return r.lastSyncAt > 0 ? localTime(r.lastSyncAt) : tr("Never");
        case LastErrorColumn: return r.health == QLatin1String("ok") ? QString() : r.healthDetail;
        }
        break;
    case Qt::DecorationRole:
        if (column == HealthColumn) {
            return healthColor(r.health, stopped);
        }
        if (column == NetworkColumn) {
            return networkColor(r.network);
        }
        break;
    case Qt::ToolTipRole:
        if (column == ServerColumn) {
            return r.serviceUrl;
        }
        if ((column == HealthColumn || column == LastErrorColumn) && !r.healthDetail.isEmpty()) {
            return r.healthDetail;
        }
        break;
    case Qt::AccessibleTextRole:
        if (column == ProgressColumn && r.progress >= 0) {
            return tr("History fetched: %1%").arg(qRound(qBound(0.0, r.progress, 1.0) * 100));
        }
        break;
    case IdRole: return r.id;
    case StatusRole: return r.archived ? QStringLiteral("archived") : r.paused ? QStringLiteral("paused") : r.health;
    case SortKeyRole:
        return column == LastSyncColumn ? QVariant(r.lastSyncAt) : data(index, Qt::DisplayRole).toString().toLower();
    case PausedRole: return r.paused;
    case HealthRole: return r.health;
    case NetworkNameRole: return networkName(r.network);
    case ProgressRole: return r.progress;
    case ArchivedRole: return r.archived;
    case HealthIconRole: return healthIconKey(r.health, stopped);
    case LastErrorRole: return r.health == QLatin1String("ok") ? QString() : r.healthDetail;
    case NeedsSignInRole: return r.archived || r.health == QLatin1String("auth_expired");
    default: break;
    }
    return {};
}

QVariant AccountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NetworkColumn: return tr("Network");
    case HandleColumn: return tr("Account");
    case NameColumn: return tr("Display name");
    case ServerColumn: return tr("Server");
    case HealthColumn: return tr("Health");
    case ProgressColumn: return tr("History");
    case LastSyncColumn: return tr("Last sync");
    case LastErrorColumn: return tr("Last error");
    }
    return {};
}

} // namespace sb::models
