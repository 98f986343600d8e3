#include "models/AccountsModel.h"

#include "models/ModelRoles.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QDateTime>
#include <QLocale>
#include <QUrl>

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
        "coalesce(rate_limited_until, 0), coalesce(last_sync_at, 0), sync_paused FROM accounts "
        "ORDER BY network, handle COLLATE NOCASE"));
    if (st.ok()) {
        Statement &s = st.value();
        while (s.next()) {
            rows.push_back({s.text(0), networkFromName(s.text(1)).value_or(Network::Mastodon), s.text(2), s.text(3),
                            s.text(4), s.text(5), s.text(6), s.int64(7), s.int64(8), s.integer(9) != 0});
        }
    }
    const QTimeZone zone(WorkspaceSettings::timeZoneId(m_db).toUtf8());
    beginResetModel();
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    m_rows = std::move(rows);
    endResetModel();
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
    if (health == QLatin1String("ok")) {
        return QColor(0x2e, 0x9d, 0x4f);
    }
    if (health == QLatin1String("rate_limited")) {
        return QColor(0xd0, 0x8c, 0x00);
    }
    return QColor(0xd6, 0x45, 0x41);
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
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, m_zone);
    return QLocale().toString(local, QLocale::ShortFormat);
}

QString AccountsModel::healthText(const Row &row) const
{
    if (row.paused) {
        return tr("Paused");
    }
    if (row.health == QLatin1String("ok")) {
        return tr("Healthy");
    }
    if (row.health == QLatin1String("rate_limited")) {
        return row.rateLimitedUntil > 0 ? tr("Rate limited until %1").arg(localTime(row.rateLimitedUntil))
                                        : tr("Rate limited");
    }
    if (row.health == QLatin1String("auth_expired")) {
        return tr("Sign-in expired: sign in again");
    }
    return row.healthDetail.isEmpty() ? tr("Error") : tr("Error: %1").arg(row.healthDetail);
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
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NetworkColumn: return networkLabel(r.network);
        case HandleColumn: return r.handle;
        case NameColumn: return r.displayName;
        case ServerColumn: return QUrl(r.serviceUrl).host().isEmpty() ? r.serviceUrl : QUrl(r.serviceUrl).host();
        case HealthColumn: return healthText(r);
        case LastSyncColumn: return r.lastSyncAt > 0 ? localTime(r.lastSyncAt) : tr("Never");
        case SyncColumn: return r.paused ? tr("Paused") : tr("On");
        }
        break;
    case Qt::DecorationRole:
        if (column == HealthColumn) {
            return healthColor(r.health, r.paused);
        }
        if (column == NetworkColumn) {
            return networkColor(r.network);
        }
        break;
    case Qt::ToolTipRole:
        if (column == ServerColumn) {
            return r.serviceUrl;
        }
        if (column == HealthColumn && !r.healthDetail.isEmpty()) {
            return r.healthDetail;
        }
        break;
    case IdRole: return r.id;
    case StatusRole: return r.paused ? QStringLiteral("paused") : r.health;
    case SortKeyRole:
        return column == LastSyncColumn ? QVariant(r.lastSyncAt) : data(index, Qt::DisplayRole).toString().toLower();
    case PausedRole: return r.paused;
    case HealthRole: return r.health;
    case NetworkNameRole: return networkName(r.network);
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
    case LastSyncColumn: return tr("Last sync");
    case SyncColumn: return tr("Sync");
    }
    return {};
}

} // namespace sb::models
