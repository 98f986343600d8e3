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

// The workspace's channel accounts with their sync health, for the Accounts section.
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
        LastSyncColumn,
        SyncColumn,
        ColumnCount
    };
    enum DataRole {
        PausedRole = Qt::UserRole + 200, // bool
        HealthRole, // QString: ok, rate_limited, auth_expired, error
        NetworkNameRole, // QString: mastodon, bluesky
    };

    explicit AccountsModel(SqliteDb &db, QObject *parent = nullptr);
    ~AccountsModel() override;

    void reload();
    int rowOf(const QString &accountId) const;

    // One colour per health state, the same wherever health shows; always shown with its text.
    static QColor healthColor(const QString &health, bool paused);
    static QColor networkColor(Network network);

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
        bool paused = false;
    };
    QString healthText(const Row &row) const;
    QString localTime(qint64 ms) const;

    SqliteDb &m_db;
    QTimeZone m_zone;
    std::vector<Row> m_rows;
};

} // namespace sb::models
