#pragma once

#include "core/Domain.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QString>
#include <QTimeZone>

#include <vector>

namespace sb {
class SqliteDb;
}

namespace sb::models {

// The workspace's channel accounts with their sync health, backfill progress and last error, for the Accounts
// section. Reloading keeps the rows (and any widgets a view put on them) when the same accounts are listed.
class AccountsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountsModel)
public:
    enum Column {
        NetworkColumn,
        HandleColumn,
        NameColumn,
        ServerColumn,
        HealthColumn,
        ProgressColumn, // backfill progress while the first sync fetches history
        LastSyncColumn,
        LastErrorColumn,
        ColumnCount
    };
    enum DataRole {
        PausedRole = Qt::UserRole + 200, // bool
        HealthRole, // QString: ok, syncing, rate_limited, auth_expired, error
        NetworkNameRole, // QString: mastodon, bluesky
        ProgressRole, // double 0..1 while backfilling, else -1
        ArchivedRole, // bool: removed with its conversations kept
        HealthIconRole, // QString: icon key (health-ok, health-warning, health-error, health-paused)
        LastErrorRole, // QString: the sync layer's last error in words, empty when none
        NeedsSignInRole, // bool: only a new sign-in can resume sync (auth expired, or archived)
    };

    explicit AccountsModel(SqliteDb &db, QObject *parent = nullptr);
    ~AccountsModel() override;

    void reload();
    int rowOf(const QString &accountId) const;

    // One colour per health state, the same wherever health shows; always shown with its text and icon.
    static QColor healthColor(const QString &health, bool paused);
    static QColor networkColor(Network network);
    // The icon key of a health state (resources/icons/<key>.svg): each state has its own shape.
    static QString healthIconKey(const QString &health, bool paused);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString id;
        Network network = Network::Mastodon;
        QString handle;
        QString displayName;
        QString serviceUrl;
        QString health;
        QString healthDetail;
        qint64 rateLimitedUntil = 0;
        qint64 lastSyncAt = 0;
        double progress = -1;
        bool paused = false;
        bool archived = false;

        bool operator==(const Row &) const = default;
    };
    QString healthText(const Row &row) const;
    QString localTime(qint64 ms) const;

    SqliteDb &m_db;
    QTimeZone m_zone;
    std::vector<Row> m_rows;
};

} // namespace sb::models
