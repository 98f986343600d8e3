#include "channels/mastodon/MastodonChannel.h"

#include "channels/HtmlSanitizer.h"
#include "channels/mastodon/MastodonStream.h"

#include <QCoreApplication>
#include <QTimer>

namespace sb::mastodon {

namespace {

// Mastodon's GET /api/v1/statuses takes up to 20 ids.
constexpr int kStatusesPerRequest = 20;

} // namespace

struct MastodonChannel::FeedRun {
    QString feed;
    Direction direction = Direction::Newer;
    Callback<FeedPage> done;
    FeedPage page;
    int pagesLeft = 1;
    bool firstPage = true;
};

MastodonChannel::MastodonChannel(QNetworkAccessManager *nam, MastodonChannelOptions options, QObject *parent)
    : Channel(parent), m_nam(nam), m_options(std::move(options))
{
    ApiOptions api;
    api.baseUrl = m_options.instanceUrl;
    api.token = m_options.accessToken;
    api.timeoutMs = m_options.timeoutMs;
    api.maxResponseBytes = m_options.maxResponseBytes;
    api.userAgent = "Switchboard/" SWITCHBOARD_VERSION;
    m_api = new MastodonApi(nam, std::move(api), this);
    m_self.id = m_options.selfRemoteId;
}

MastodonChannel::~MastodonChannel()
{
    // First the parts that call back into this object, while all of it is still intact.
    delete m_stream;
    m_stream = nullptr;
    delete m_api;
    m_api = nullptr;
}

ChannelCapabilities MastodonChannel::capabilities() const
{
    ChannelCapabilities caps;
    caps.maxCharacters = m_instance.maxCharacters;
    caps.urlWeight = m_instance.charactersReservedPerUrl; // every URL counts as 23 characters on Mastodon
    caps.countsGraphemes = false;
    caps.maxMediaPerPost = m_instance.maxMediaAttachments;
    if (m_instance.imageSizeLimit > 0) {
        caps.maxImageBytes = m_instance.imageSizeLimit;
    }
    caps.supportsStreaming = true;
    caps.supportsServerScheduling = false; // scheduled_at exists, but Switchboard's own scheduler decides
    caps.supportsIdempotencyKey = true;
    return caps;
}

QStringList MastodonChannel::feeds() const
{
    return {kNotificationsFeed, kConversationsFeed};
}

RateLimit MastodonChannel::rateLimit() const
{
    return m_api->lastRateLimit();
}

QString MastodonChannel::instanceDomain() const
{
    if (!m_instance.domain.isEmpty()) {
        return m_instance.domain;
    }
    const QUrl &url = m_options.instanceUrl;
    return url.port() > 0 ? url.host() + QLatin1Char(':') + QString::number(url.port()) : url.host();
}

ItemContext MastodonChannel::itemContext() const
{
    return ItemContext {m_options.accountId, m_self.id, instanceDomain()};
}

void MastodonChannel::rememberStatus(const Status &status, const QString &root)
{
    if (!root.isEmpty()) {
        m_threads.setRoot(status.id, root);
    }
}

void MastodonChannel::verify(Callback<ChannelIdentity> done)
{
    m_api->get(QStringLiteral("/api/v1/accounts/verify_credentials"), {}, [this, done](Result<ApiResponse> r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        auto account = parseAccount(r.value().body);
        if (!account.ok()) {
            done(account.error());
            return;
        }
        m_self = account.value();
        m_options.selfRemoteId = m_self.id;
        const auto finish = [this, done] {
            ChannelIdentity identity;
            identity.remoteId = m_self.id;
            identity.handle = handleOf(m_self, instanceDomain());
            identity.displayName = m_self.displayName.isEmpty() ? m_self.username : m_self.displayName;
            identity.serviceUrl = m_options.instanceUrl.toString();
            done(identity);
        };
        // The limits: /api/v2/instance, or /api/v1/instance before Mastodon 4.0. Without either, the defaults.
        const auto readInstance = [this](const Result<ApiResponse> &ir) -> std::optional<Error> {
            if (!ir.ok()) {
                const ErrorKind kind = ir.error().kind;
                if (kind == ErrorKind::AuthExpired || kind == ErrorKind::RateLimited) {
                    return ir.error();
                }
                qCWarning(lcMastodon) << "instance limits unavailable:" << ir.error().message;
                return std::nullopt;
            }
            if (ir.value().status == 200) {
                if (auto info = parseInstance(ir.value().body); info.ok()) {
                    m_instance = info.value();
                    m_instanceKnown = true;
                } else {
                    qCWarning(lcMastodon) << "instance limits unreadable:" << info.error().message;
                }
            }
            return std::nullopt;
        };
        m_api->get(
            QStringLiteral("/api/v2/instance"), {},
            [this, done, finish, readInstance](Result<ApiResponse> ir) {
                if (auto error = readInstance(ir)) {
                    done(*error);
                    return;
                }
                if (m_instanceKnown || !ir.ok() || ir.value().status == 200) {
                    finish();
                    return;
                }
                m_api->get(
                    QStringLiteral("/api/v1/instance"), {},
                    [done, finish, readInstance](Result<ApiResponse> v1) {
                        if (auto error = readInstance(v1)) {
                            done(*error);
                            return;
                        }
                        finish();
                    },
                    true);
            },
            true);
    });
}

void MastodonChannel::ensureSelf(std::function<void(std::optional<Error>)> next)
{
    if (!m_self.id.isEmpty()) {
        next(std::nullopt);
        return;
    }
    m_api->get(QStringLiteral("/api/v1/accounts/verify_credentials"), {}, [this, next](Result<ApiResponse> r) {
        if (!r.ok()) {
            next(r.error());
            return;
        }
        auto account = parseAccount(r.value().body);
        if (!account.ok()) {
            next(account.error());
            return;
        }
        m_self = account.value();
        m_options.selfRemoteId = m_self.id;
        next(std::nullopt);
    });
}

void MastodonChannel::pollNewer(const QString &feed, const QString &cursor, Callback<FeedPage> done)
{
    readFeed(feed, Direction::Newer, cursor, std::move(done));
}

void MastodonChannel::backfillOlder(const QString &feed, const QString &cursor, Callback<FeedPage> done)
{
    readFeed(feed, Direction::Older, cursor, std::move(done));
}

void MastodonChannel::readFeed(const QString &feed, Direction direction, const QString &cursor, Callback<FeedPage> done)
{
    if (!feeds().contains(feed)) {
        later(std::move(done), makeError(ErrorKind::Invalid, tr("Unknown Mastodon feed: %1").arg(feed)));
        return;
    }
    if (!cursor.isEmpty() && !isSafeId(cursor)) {
        later(std::move(done), makeError(ErrorKind::Invalid, tr("Not a Mastodon cursor: %1").arg(cursor.left(80))));
        return;
    }
    auto run = std::make_shared<FeedRun>();
    run->feed = feed;
    run->direction = direction;
    run->done = std::move(done);
    run->pagesLeft = qMax(1, m_options.maxReadThroughPages);
    ensureSelf([this, run, cursor](std::optional<Error> error) {
        if (error) {
            run->done(*error);
            return;
        }
        readFeedPage(run, cursor);
    });
}

void MastodonChannel::readFeedPage(std::shared_ptr<FeedRun> run, const QString &cursor)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pageSize));
    if (!cursor.isEmpty()) {
        query.addQueryItem(run->direction == Direction::Newer ? QStringLiteral("min_id") : QStringLiteral("max_id"),
                           cursor);
    }
    const QString path = run->feed == kNotificationsFeed ? QStringLiteral("/api/v1/notifications")
                                                         : QStringLiteral("/api/v1/conversations");
    m_api->get(path, query, [this, run, cursor](Result<ApiResponse> r) {
        if (!r.ok()) {
            run->done(r.error());
            return;
        }
        finishFeedPage(run, cursor, r.value());
    });
}

void MastodonChannel::finishFeedPage(std::shared_ptr<FeedRun> run, const QString &cursor, const ApiResponse &response)
{
    const ItemContext ctx = itemContext();
    std::vector<PendingItem> pending;
    std::vector<Conversation> conversations;
    QString newestId;
    QString oldestId;
    bool emptyPage = false;
    qint64 oldestAt = 0;
    const auto noteTime = [&oldestAt](qint64 at) {
        if (at > 0 && (oldestAt == 0 || at < oldestAt)) {
            oldestAt = at;
        }
    };
    if (run->feed == kNotificationsFeed) {
        auto list = parseNotifications(response.body);
        if (!list.ok()) {
            run->done(list.error());
            return;
        }
        if (list.value().skipped > 0) {
            qCWarning(lcMastodon) << "skipped" << list.value().skipped << "unreadable notifications";
        }
        newestId = list.value().newestId;
        oldestId = list.value().oldestId;
        emptyPage = list.value().entries.empty() && list.value().skipped == 0;
        for (Notification &n : list.value().entries) {
            noteTime(n.createdAt);
            // reblog/favourite counters are not inbox items; the engine refreshes counters with fetchCounters.
            if (notificationUse(n, ctx) == NotificationUse::Item) {
                const QString kind = itemKind(*n.status, ctx, n.type);
                pending.push_back(PendingItem {std::move(*n.status), kind, {}});
            }
        }
    } else {
        auto list = parseConversations(response.body);
        if (!list.ok()) {
            run->done(list.error());
            return;
        }
        newestId = list.value().newestId;
        oldestId = list.value().oldestId;
        emptyPage = list.value().entries.empty() && list.value().skipped == 0;
        for (Conversation &c : list.value().entries) {
            if (!c.lastStatus || !c.lastStatus->reblogOfId.isEmpty()) {
                continue;
            }
            noteTime(c.lastStatus->createdAt);
            m_threads.setConversation(c.lastStatus->id, c.id);
            pending.push_back(PendingItem {*c.lastStatus, QStringLiteral("dm"), c.id});
            conversations.push_back(std::move(c));
        }
    }

    const QString olderCursor
        = emptyPage ? QString() : (response.links.nextMaxId.isEmpty() ? oldestId : response.links.nextMaxId);
    const auto merge
        = [this, run, cursor, newestId, olderCursor, oldestAt, emptyPage](Result<std::vector<IncomingItem>> items) {
              if (!items.ok()) {
                  run->done(items.error());
                  return;
              }
              FeedPage &page = run->page;
              const bool noItems = items.value().empty();
              for (IncomingItem &item : items.value()) {
                  page.items.push_back(std::move(item));
              }
              if (!newestId.isEmpty() && (page.newestCursor.isEmpty() || compareIds(newestId, page.newestCursor) > 0)) {
                  page.newestCursor = newestId;
              }
              if (run->direction == Direction::Older || run->firstPage) {
                  page.olderCursor = olderCursor;
              }
              if (oldestAt > 0 && (page.oldestItemAtMs == 0 || oldestAt < page.oldestItemAtMs)) {
                  page.oldestItemAtMs = oldestAt;
              }
              run->firstPage = false;
              --run->pagesLeft;
              // A page of entries that are not items (follows, favourites) says nothing to the engine; read on.
              const QString next
                  = run->direction == Direction::Older ? olderCursor : (cursor.isEmpty() ? QString() : newestId);
              if (noItems && !emptyPage && run->pagesLeft > 0 && !next.isEmpty() && next != cursor) {
                  readFeedPage(run, next);
                  return;
              }
              run->done(std::move(run->page));
          };
    if (conversations.empty()) {
        resolveItems(std::move(pending), merge);
        return;
    }
    expandConversations(std::move(conversations), std::move(pending), 0,
                        [this, merge](Result<std::vector<PendingItem>> expanded) {
                            if (!expanded.ok()) {
                                merge(expanded.error());
                                return;
                            }
                            resolveItems(std::move(expanded).value(), merge);
                        });
}

void MastodonChannel::fetchThread(const QString &remoteId, Callback<std::vector<IncomingItem>> done)
{
    if (!isSafeId(remoteId)) {
        later(std::move(done),
              makeError(ErrorKind::Invalid, tr("Not a Mastodon status id: %1").arg(remoteId.left(80))));
        return;
    }
    ensureSelf([this, remoteId, done](std::optional<Error> error) {
        if (error) {
            done(*error);
            return;
        }
        m_api->get(QStringLiteral("/api/v1/statuses/") + remoteId, {}, [this, remoteId, done](Result<ApiResponse> r) {
            if (!r.ok()) {
                done(r.error());
                return;
            }
            auto focus = parseStatus(r.value().body);
            if (!focus.ok()) {
                done(focus.error());
                return;
            }
            m_api->get(QStringLiteral("/api/v1/statuses/") + remoteId + QStringLiteral("/context"), {},
                       [this, focus = focus.value(), done](Result<ApiResponse> cr) {
                           if (!cr.ok()) {
                               done(cr.error());
                               return;
                           }
                           auto context = parseContext(cr.value().body);
                           if (!context.ok()) {
                               done(context.error());
                               return;
                           }
                           const QString root = threadRootOf(focus, context.value());
                           std::vector<IncomingItem> items = threadItems(focus, context.value(), itemContext());
                           // Direct statuses belong to their DM conversation, when one of them is known.
                           QString conversation;
                           for (const IncomingItem &item : items) {
                               m_threads.setRoot(item.remoteId, root);
                               if (conversation.isEmpty() && item.kind == QLatin1String("dm")) {
                                   conversation = m_threads.conversationOf(item.remoteId);
                               }
                           }
                           if (!conversation.isEmpty()) {
                               for (IncomingItem &item : items) {
                                   if (item.kind == QLatin1String("dm")) {
                                       item.threadKey = conversation;
                                   }
                               }
                           }
                           done(std::move(items));
                       });
        });
    });
}

void MastodonChannel::fetchCounters(const QStringList &remoteIds, Callback<std::vector<ItemCounters>> done)
{
    QStringList ids;
    for (const QString &id : remoteIds) {
        if (isSafeId(id) && !ids.contains(id)) {
            ids.append(id);
        }
    }
    if (ids.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done(std::vector<ItemCounters> {}); });
        return;
    }
    if (m_multiStatusUnsupported) {
        countersOneByOne(ids, {}, std::move(done));
        return;
    }
    // GET /api/v1/statuses?id[]=... (Mastodon 4.3+), 20 at a time; older servers answer 404 and get one by one.
    const QStringList chunk = ids.mid(0, kStatusesPerRequest);
    const QStringList rest = ids.mid(kStatusesPerRequest);
    QUrlQuery query;
    for (const QString &id : chunk) {
        query.addQueryItem(QStringLiteral("id[]"), id);
    }
    m_api->get(
        QStringLiteral("/api/v1/statuses"), query,
        [this, ids, chunk, rest, done](Result<ApiResponse> r) {
            if (!r.ok()) {
                done(r.error());
                return;
            }
            if (r.value().status != 200) {
                m_multiStatusUnsupported = true;
                countersOneByOne(ids, {}, done);
                return;
            }
            auto list = parseStatuses(r.value().body);
            if (!list.ok()) {
                done(list.error());
                return;
            }
            std::vector<ItemCounters> found;
            for (const Status &s : list.value().entries) {
                found.push_back(countersOf(s));
            }
            if (rest.isEmpty()) {
                done(std::move(found));
                return;
            }
            fetchCounters(rest, [found, done](Result<std::vector<ItemCounters>> more) mutable {
                if (!more.ok()) {
                    done(more.error());
                    return;
                }
                for (ItemCounters &c : more.value()) {
                    found.push_back(std::move(c));
                }
                done(std::move(found));
            });
        },
        true);
}

void MastodonChannel::fetchOwnPosts(qint64 sinceMs, int max, Callback<std::vector<OwnPost>> done)
{
    ensureSelf([this, sinceMs, max, done](std::optional<Error> error) {
        if (error) {
            done(*error);
            return;
        }
        ownPostsPage({}, sinceMs, std::max(1, max), 10, {}, done);
    });
}

// GET /api/v1/accounts/:id/statuses, newest first, until the posts are older than sinceMs, `max` are found or ten
// pages were read.
void MastodonChannel::ownPostsPage(const QString &maxId, qint64 sinceMs, int max, int pagesLeft,
                                   std::vector<OwnPost> found, Callback<std::vector<OwnPost>> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pageSize));
    query.addQueryItem(QStringLiteral("exclude_replies"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("exclude_reblogs"), QStringLiteral("true"));
    if (!maxId.isEmpty()) {
        query.addQueryItem(QStringLiteral("max_id"), maxId);
    }
    m_api->get(QStringLiteral("/api/v1/accounts/") + m_self.id + QStringLiteral("/statuses"), query,
               [this, maxId, sinceMs, max, pagesLeft, found, done](Result<ApiResponse> r) mutable {
                   if (!r.ok()) {
                       done(r.error());
                       return;
                   }
                   auto list = parseStatuses(r.value().body);
                   if (!list.ok()) {
                       done(list.error());
                       return;
                   }
                   bool older = false;
                   for (const Status &s : list.value().entries) {
                       if (s.createdAt < sinceMs) {
                           older = true;
                           break;
                       }
                       if (!s.reblogOfId.isEmpty() || !s.inReplyToId.isEmpty()
                           || s.visibility == QLatin1String("direct")) {
                           continue;
                       }
                       OwnPost p;
                       p.remoteId = s.id;
                       p.createdAt = s.createdAt;
                       p.url = s.url.isEmpty() ? s.uri : s.url;
                       p.text = Html::toPlainText(s.content);
                       p.likes = s.favouritesCount;
                       p.reposts = s.reblogsCount;
                       p.replies = s.repliesCount;
                       found.push_back(std::move(p));
                       if (int(found.size()) >= max) {
                           done(std::move(found));
                           return;
                       }
                   }
                   const QString next
                       = r.value().links.nextMaxId.isEmpty() ? list.value().oldestId : r.value().links.nextMaxId;
                   if (older || pagesLeft <= 1 || list.value().entries.empty() || next.isEmpty() || next == maxId
                       || !isSafeId(next)) {
                       done(std::move(found));
                       return;
                   }
                   ownPostsPage(next, sinceMs, max, pagesLeft - 1, std::move(found), done);
               });
}

void MastodonChannel::countersOneByOne(QStringList remaining, std::vector<ItemCounters> found,
                                       Callback<std::vector<ItemCounters>> done)
{
    if (remaining.isEmpty()) {
        done(std::move(found));
        return;
    }
    const QString id = remaining.takeFirst();
    m_api->get(
        QStringLiteral("/api/v1/statuses/") + id, {},
        [this, remaining, found = std::move(found), done](Result<ApiResponse> r) mutable {
            if (!r.ok()) {
                done(r.error());
                return;
            }
            if (r.value().status == 200) { // a deleted status (404) simply has no counters
                auto status = parseStatus(r.value().body);
                if (!status.ok()) {
                    done(status.error());
                    return;
                }
                found.push_back(countersOf(status.value()));
            }
            countersOneByOne(std::move(remaining), std::move(found), std::move(done));
        },
        true);
}

void MastodonChannel::startStreaming()
{
    if (!m_stream) {
        m_stream = new MastodonStream(m_options.stream, m_options.accessToken, this);
        connect(m_stream, &MastodonStream::frameReceived, this, &MastodonChannel::onStreamFrame);
        connect(m_stream, &MastodonStream::connectedChanged, this, &MastodonChannel::streamingStateChanged);
    }
    m_stream->start(streamingEndpoint(m_instance.streamingUrl, m_options.instanceUrl));
}

void MastodonChannel::stopStreaming()
{
    if (m_stream) {
        m_stream->stop();
    }
    m_streamQueue.clear();
}

bool MastodonChannel::isStreamConnected() const
{
    return m_stream && m_stream->isConnected();
}

} // namespace sb::mastodon
