#pragma once

#include "core/Domain.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDate>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>
#include <vector>

namespace sb {
class SqliteDb;
}

namespace sb::models {

// Scheduled posts (with their per-account variants) in a range of local days, in the workspace's time zone,
// ordered by time; plus the campaigns that overlap the range. One row per post.
class CalendarModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarModel)
public:
    enum Column { WhenColumn, StateColumn, AccountsColumn, TextColumn, CampaignColumn, AuthorColumn, ColumnCount };
    enum DataRole {
        PostStateRole = Qt::UserRole + 200, // int(sb::PostState)
        ScheduledAtRole, // qint64 ms since epoch, UTC
        LocalDateRole, // QDate in the workspace zone
        LocalTimeRole, // QTime in the workspace zone
        NetworksRole, // QStringList of network names, one per distinct network
        HandlesRole, // QStringList of account handles
        PostTextRole, // QString: the first variant's text
        CampaignIdRole, // QString
        CampaignColorRole, // QColor, invalid without a campaign
    };

    struct Campaign {
        QString id;
        QString name;
        QColor color;
        QDate startsOn;
        QDate endsOn;
    };

    // Only posts of one account, campaign, author or state (empty / nullopt: any).
    struct Filter {
        QString accountId;
        QString campaignId;
        QString authorId;
        std::optional<PostState> state;
        bool isEmpty() const { return accountId.isEmpty() && campaignId.isEmpty() && authorId.isEmpty() && !state; }
    };

    explicit CalendarModel(SqliteDb &db, QObject *parent = nullptr);
    ~CalendarModel() override;

    // Local days [first, last] in the workspace zone; limit > 0 keeps only the first posts (for an agenda).
    void setRange(QDate first, QDate last, int limit = 0);
    void reload();
    void setFilter(const Filter &filter);
    const Filter &filter() const { return m_filter; }

    QDate firstDay() const { return m_first; }
    QDate lastDay() const { return m_last; }
    QTimeZone zone() const { return m_zone; }
    const std::vector<Campaign> &campaigns() const { return m_campaigns; }
    // The local day of a row, without a QVariant (the month grid indexes thousands of rows).
    QDate localDate(int row) const { return m_posts[size_t(row)].localDate; }

    // One colour per post state, the same in every view; always shown with the state's name or its glyph.
    static QColor stateColor(PostState state);
    // Hours and minutes in the user's locale (no seconds: posts are scheduled to the minute).
    static QString formatTime(QTime time);
    // A one-letter mark for a network, for chips too small for an icon.
    static QString networkGlyph(const QString &networkName);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Post {
        QString id;
        PostState state = PostState::Draft;
        qint64 scheduledAt = 0;
        QDate localDate;
        QTime localTime;
        QString campaignId;
        QString author;
        QStringList networks;
        QStringList handles;
        QString text;
    };
    const Campaign *campaign(const QString &id) const;

    SqliteDb &m_db;
    QDate m_first;
    QDate m_last;
    int m_limit = 0;
    Filter m_filter;
    QTimeZone m_zone;
    std::vector<Post> m_posts;
    std::vector<Campaign> m_campaigns;
};

} // namespace sb::models
