#include "models/CalendarModel.h"

#include "models/ModelRoles.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace sb::models {

CalendarModel::CalendarModel(SqliteDb &db, QObject *parent) : QAbstractTableModel(parent), m_db(db)
{
}

CalendarModel::~CalendarModel() = default;

void CalendarModel::setRange(QDate first, QDate last, int limit)
{
    m_first = first;
    m_last = last;
    m_limit = limit;
    reload();
}

void CalendarModel::setFilter(const Filter &filter)
{
    m_filter = filter;
    reload();
}

void CalendarModel::reload()
{
    const QTimeZone configured(WorkspaceSettings::timeZoneId(m_db).toUtf8());
    const QTimeZone zone = configured.isValid() ? configured : QTimeZone::utc();
    std::vector<Post> posts;
    std::vector<Campaign> campaigns;
    if (m_first.isValid() && m_last.isValid() && m_first <= m_last) {
        const qint64 from = m_first.startOfDay(zone).toMSecsSinceEpoch();
        const qint64 to = m_last.addDays(1).startOfDay(zone).toMSecsSinceEpoch();
        // One pass over the range, each post followed by its variants; the posts_schedule index gives the order.
        // The few employees and accounts are read once, not joined for every row.
        QHash<QString, QString> authors;
        if (auto e = m_db.prepare(QStringLiteral("SELECT id, name FROM employees")); e.ok()) {
            while (e.value().next()) {
                authors.insert(e.value().text(0), e.value().text(1));
            }
        }
        QHash<QString, std::pair<QString, QString>> accounts; // id -> network, handle
        if (auto a = m_db.prepare(QStringLiteral("SELECT id, network, handle FROM accounts")); a.ok()) {
            while (a.value().next()) {
                accounts.insert(a.value().text(0), {a.value().text(1), a.value().text(2)});
            }
        }
        auto st = m_db.prepare(QStringLiteral(
            "SELECT p.id, p.state, p.scheduled_at, coalesce(p.campaign_id, ''), p.author_id, v.account_id, v.text "
            "FROM posts p LEFT JOIN post_variants v ON v.post_id = p.id "
            "WHERE p.scheduled_at >= ?1 AND p.scheduled_at < ?2 AND (coalesce(?3, '') = '' OR p.campaign_id = ?3) "
            "AND (coalesce(?4, '') = '' OR p.author_id = ?4) AND (coalesce(?5, '') = '' OR p.state = ?5) "
            "AND (coalesce(?6, '') = '' OR EXISTS (SELECT 1 FROM post_variants f WHERE f.post_id = p.id AND "
            "f.account_id = ?6)) "
            "ORDER BY p.scheduled_at, p.id"));
        if (st.ok()) {
            Statement &s = st.value();
            s.bindAll(from, to, m_filter.campaignId, m_filter.authorId,
                      m_filter.state ? postStateName(*m_filter.state) : QString(), m_filter.accountId);
            // Local times through the zone's offset per quarter hour (zones change offset on quarter hours): a month
            // has ~3,000 of them, far fewer lookups than posts.
            constexpr qint64 kQuarterMs = 900'000;
            QHash<qint64, qint64> offsetByQuarter;
            const auto localOf = [&](qint64 at) {
                const qint64 quarter = at >= 0 ? at / kQuarterMs : (at - kQuarterMs + 1) / kQuarterMs;
                auto it = offsetByQuarter.constFind(quarter);
                if (it == offsetByQuarter.constEnd()) {
                    const QDateTime start = QDateTime::fromMSecsSinceEpoch(quarter * kQuarterMs, Qt::UTC);
                    it = offsetByQuarter.insert(quarter, qint64(zone.offsetFromUtc(start)) * 1000);
                }
                return QDateTime::fromMSecsSinceEpoch(at + *it, Qt::UTC);
            };
            const auto finishPost = [](Post &p) {
                std::sort(p.networks.begin(), p.networks.end());
                std::sort(p.handles.begin(), p.handles.end());
            };
            while (s.next()) {
                const QString id = s.text(0);
                if (posts.empty() || posts.back().id != id) {
                    if (m_limit > 0 && int(posts.size()) >= m_limit) {
                        break;
                    }
                    if (!posts.empty()) {
                        finishPost(posts.back());
                    }
                    Post p;
                    p.id = id;
                    p.state = postStateFromName(s.text(1)).value_or(PostState::Draft);
                    p.scheduledAt = s.int64(2);
                    const QDateTime local = localOf(p.scheduledAt);
                    p.localDate = local.date();
                    p.localTime = local.time();
                    p.campaignId = s.text(3);
                    p.author = authors.value(s.text(4));
                    posts.push_back(std::move(p));
                }
                if (s.isNull(5)) {
                    continue; // a post without variants
                }
                Post &p = posts.back();
                const auto account = accounts.constFind(s.text(5));
                if (account == accounts.constEnd()) {
                    continue;
                }
                if (!p.networks.contains(account->first)) {
                    p.networks.append(account->first);
                }
                p.handles.append(account->second);
                if (p.text.isEmpty()) {
                    p.text = s.text(6);
                }
            }
            if (!posts.empty()) {
                finishPost(posts.back());
            }
        }
        auto spans = m_db.prepare(QStringLiteral("SELECT id, name, color, starts_on, ends_on FROM campaigns "
                                                 "WHERE starts_on <= ?2 AND ends_on >= ?1 ORDER BY starts_on, name"));
        if (spans.ok()) {
            Statement &s = spans.value();
            s.bind(1, m_first.toString(Qt::ISODate)).bind(2, m_last.toString(Qt::ISODate));
            while (s.next()) {
                campaigns.push_back({s.text(0), s.text(1), QColor(s.text(2)), QDate::fromString(s.text(3), Qt::ISODate),
                                     QDate::fromString(s.text(4), Qt::ISODate)});
            }
        }
    }
    beginResetModel();
    m_zone = zone;
    m_posts = std::move(posts);
    m_campaigns = std::move(campaigns);
    endResetModel();
}

const CalendarModel::Campaign *CalendarModel::campaign(const QString &id) const
{
    for (const Campaign &c : m_campaigns) {
        if (c.id == id) {
            return &c;
        }
    }
    return nullptr;
}

QColor CalendarModel::stateColor(PostState state)
{
    switch (state) {
    case PostState::Draft: return QColor(0x8a, 0x8f, 0x98);
    case PostState::InReview: return QColor(0xd0, 0x8c, 0x00);
    case PostState::Approved: return QColor(0x1f, 0x9d, 0x8b);
    case PostState::Scheduled: return QColor(0x2f, 0x6f, 0xde);
    case PostState::Publishing: return QColor(0x6a, 0x5a, 0xcd);
    case PostState::Published: return QColor(0x2e, 0x9d, 0x4f);
    case PostState::Failed: return QColor(0xd6, 0x45, 0x41);
    case PostState::PartiallyPublished: return QColor(0xe6, 0x7e, 0x22);
    case PostState::Missed: return QColor(0xb0, 0x3a, 0x6f);
    }
    return {};
}

QString CalendarModel::formatTime(QTime time)
{
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return locale.toString(time, format);
}

QString CalendarModel::networkGlyph(const QString &networkName)
{
    if (networkName == QLatin1String("mastodon")) {
        return tr("M", "network glyph: Mastodon");
    }
    if (networkName == QLatin1String("bluesky")) {
        return tr("B", "network glyph: Bluesky");
    }
    return networkName.left(1).toUpper();
}

int CalendarModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_posts.size());
}

int CalendarModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CalendarModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Post &p = m_posts[size_t(index.row())];
    const int column = index.column();
    const auto campaignOf = [this, &p] { return p.campaignId.isEmpty() ? nullptr : campaign(p.campaignId); };
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case WhenColumn:
            return QString(QLocale().toString(p.localDate, QStringLiteral("ddd d MMM")) + QStringLiteral(", ")
                           + formatTime(p.localTime));
        case StateColumn: return postStateLabel(p.state);
        case AccountsColumn: return p.handles.join(QStringLiteral(", "));
        case TextColumn: return p.text.simplified();
        case CampaignColumn: {
            const Campaign *c = campaignOf();
            return c ? c->name : QString();
        }
        case AuthorColumn: return p.author;
        }
        break;
    case Qt::DecorationRole:
        if (column == StateColumn) {
            return stateColor(p.state);
        }
        if (column == CampaignColumn) {
            if (const Campaign *c = campaignOf()) {
                return c->color;
            }
        }
        break;
    case Qt::ToolTipRole:
        if (column == TextColumn) {
            return p.text;
        }
        break;
    case Qt::AccessibleTextRole: {
        QStringList parts;
        for (int col = 0; col < ColumnCount; ++col) {
            const QString part = index.siblingAtColumn(col).data().toString();
            if (!part.isEmpty()) {
                parts << part;
            }
        }
        return parts.join(QStringLiteral(", "));
    }
    case IdRole: return p.id;
    case StatusRole: return postStateName(p.state);
    case SortKeyRole:
    case ScheduledAtRole: return p.scheduledAt;
    case PostStateRole: return int(p.state);
    case LocalDateRole: return p.localDate;
    case LocalTimeRole: return p.localTime;
    case NetworksRole: return p.networks;
    case HandlesRole: return p.handles;
    case PostTextRole: return p.text;
    case CampaignIdRole: return p.campaignId;
    case CampaignColorRole: {
        const Campaign *c = campaignOf();
        return c ? c->color : QColor();
    }
    default: break;
    }
    return {};
}

QVariant CalendarModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case WhenColumn: return tr("When");
    case StateColumn: return tr("State");
    case AccountsColumn: return tr("Accounts");
    case TextColumn: return tr("Text");
    case CampaignColumn: return tr("Campaign");
    case AuthorColumn: return tr("Author");
    }
    return {};
}

} // namespace sb::models
