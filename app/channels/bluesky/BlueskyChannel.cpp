#include "channels/bluesky/BlueskyChannel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace sb::bluesky {

namespace {

constexpr int kPostsPerRequest = 25; // app.bsky.feed.getPosts takes up to 25 URIs
constexpr int kMaxContextPosts = 200; // remembered "already sent as context" posts (the set is cleared beyond it)
constexpr int kMaxDeletionChecks = 25; // records looked up one by one per deletion check

QString isoUtcOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

struct BlueskyChannel::PollRun {
    QString marker; // the newest notification already seen (poll) or empty (backfill)
    bool backfill = false;
    bool firstPage = true;
    bool anyNew = false; // a notification newer than the marker was read
    int pagesLeft = 0;
    std::vector<Notification> fresh;
    QString topMarker; // of the newest notification read
    qint64 topIndexedAt = 0;
    qint64 oldestAt = 0;
    QString olderCursor;
    Callback<FeedPage> done;
};

BlueskyChannel::BlueskyChannel(QNetworkAccessManager *nam, BlueskyChannelOptions options, QObject *parent)
    : Channel(parent), m_options(std::move(options))
{
    XrpcOptions xrpc;
    xrpc.timeoutMs = m_options.timeoutMs;
    xrpc.userAgent = "Switchboard/" SWITCHBOARD_VERSION;
    m_client = new XrpcClient(nam, xrpc, this);
    if (m_options.session.valid()) {
        m_client->setSession(m_options.session);
        if (m_options.selfDid.isEmpty()) {
            m_options.selfDid = m_options.session.did;
        }
    }
    m_client->setSignIn([this](std::function<void(Result<Session>)> done) { signIn(std::move(done)); });
    connect(m_client, &XrpcClient::sessionChanged, this, &BlueskyChannel::sessionChanged);
}

BlueskyChannel::~BlueskyChannel()
{
    delete m_client;
    m_client = nullptr;
}

ChannelCapabilities BlueskyChannel::capabilities() const
{
    ChannelCapabilities caps;
    caps.maxCharacters = kMaxGraphemes;
    caps.urlWeight = -1;
    caps.countsGraphemes = true;
    caps.maxMediaPerPost = 4;
    caps.maxImageBytes = kMaxImageBytes;
    caps.supportsStreaming = false;
    caps.supportsClientChosenKey = true;
    return caps;
}

QStringList BlueskyChannel::feeds() const
{
    return {kNotificationsFeed};
}

XrpcRateLimit BlueskyChannel::rateLimit() const
{
    return m_client->lastRateLimit();
}

const Session &BlueskyChannel::session() const
{
    return m_client->session();
}

QString BlueskyChannel::selfDid() const
{
    return m_client->session().did.isEmpty() ? m_options.selfDid : m_client->session().did;
}

void BlueskyChannel::resolveIdentity(XrpcClient *client, const QUrl &service, const QUrl &plcDirectory,
                                     const QString &identifier, std::function<void(Result<Identity>)> done)
{
    QString id = identifier.trimmed();
    if (id.startsWith(QLatin1Char('@'))) {
        id = id.mid(1);
    }
    auto fromDid = [client, plcDirectory, done](const QString &did) {
        QUrl docUrl;
        if (did.startsWith(QLatin1String("did:plc:"))) {
            docUrl = plcDirectory;
            docUrl.setPath(QLatin1Char('/') + did);
        } else if (did.startsWith(QLatin1String("did:web:"))) {
            const QString host = QUrl::fromPercentEncoding(did.mid(8).toUtf8());
            docUrl = QUrl(QStringLiteral("https://") + host + QStringLiteral("/.well-known/did.json"));
        }
        if (!docUrl.isValid() || docUrl.host().isEmpty()) {
            done(makeError(ErrorKind::Invalid, tr("%1 is not a DID Switchboard can resolve.").arg(did)));
            return;
        }
        client->getUrl(docUrl, [did, done](Result<XrpcResponse> r) {
            if (!r.ok()) {
                done(Error {r.error().kind,
                            tr("The DID document of %1 could not be read: %2").arg(did, r.error().message),
                            r.error().retryAt});
                return;
            }
            if (r.value().status != 200) {
                done(makeError(ErrorKind::NotFound, tr("%1 has no DID document.").arg(did)));
                return;
            }
            const QJsonObject doc = QJsonDocument::fromJson(r.value().body).object();
            if (doc.value(QStringLiteral("id")).toString() != did) {
                done(makeError(ErrorKind::Permanent, tr("The DID document of %1 is not readable.").arg(did)));
                return;
            }
            for (const QJsonValue &v : doc.value(QStringLiteral("service")).toArray()) {
                const QJsonObject s = v.toObject();
                const QString sid = s.value(QStringLiteral("id")).toString();
                if ((sid == QLatin1String("#atproto_pds") || sid == did + QStringLiteral("#atproto_pds"))
                    && s.value(QStringLiteral("type")).toString() == QLatin1String("AtprotoPersonalDataServer")) {
                    const QUrl pds(s.value(QStringLiteral("serviceEndpoint")).toString());
                    if (pds.isValid()
                        && (pds.scheme() == QLatin1String("https") || pds.scheme() == QLatin1String("http"))
                        && !pds.host().isEmpty()) {
                        done(Identity {did, pds});
                        return;
                    }
                }
            }
            done(makeError(ErrorKind::Permanent, tr("The DID document of %1 names no PDS.").arg(did)));
        });
    };
    if (id.startsWith(QLatin1String("did:"))) {
        fromDid(id);
        return;
    }
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("handle"), id.toLower());
    client->anonymous(
        service, QStringLiteral("com.atproto.identity.resolveHandle"), q, nullptr,
        [id, fromDid, done](Result<XrpcResponse> r) {
            if (!r.ok()) {
                done(Error {r.error().kind == ErrorKind::Permanent ? ErrorKind::NotFound : r.error().kind,
                            tr("The handle %1 could not be resolved: %2").arg(id, r.error().message),
                            r.error().retryAt});
                return;
            }
            const QString did
                = QJsonDocument::fromJson(r.value().body).object().value(QStringLiteral("did")).toString();
            if (!did.startsWith(QLatin1String("did:"))) {
                done(makeError(ErrorKind::NotFound, tr("The handle %1 did not resolve.").arg(id)));
                return;
            }
            fromDid(did);
        });
}

void BlueskyChannel::signIn(std::function<void(Result<Session>)> done)
{
    const QString password = m_options.appPassword ? m_options.appPassword() : QString();
    if (password.isEmpty()) {
        done(makeError(ErrorKind::AuthExpired, tr("No app password is known for this account: sign in again.")));
        return;
    }
    const QString identifier = m_options.selfDid.isEmpty() ? m_options.identifier : m_options.selfDid;
    resolveIdentity(
        m_client, m_options.service, m_options.plcDirectory, identifier,
        [this, password, done](Result<Identity> identity) {
            if (!identity.ok()) {
                done(identity.error());
                return;
            }
            const Identity who = identity.value();
            const QJsonObject body {{QStringLiteral("identifier"), who.did}, {QStringLiteral("password"), password}};
            m_client->anonymous(
                who.pds, QStringLiteral("com.atproto.server.createSession"), {}, &body,
                [this, who, done](Result<XrpcResponse> r) {
                    if (!r.ok()) {
                        // A refused password is a sign-in problem, whatever HTTP status carried it.
                        const bool refused
                            = r.error().kind == ErrorKind::AuthExpired || r.error().kind == ErrorKind::Permanent;
                        done(Error {refused ? ErrorKind::AuthExpired : r.error().kind,
                                    refused ? tr("Bluesky did not accept the app password: %1").arg(r.error().message)
                                            : r.error().message,
                                    r.error().retryAt});
                        return;
                    }
                    const QJsonObject o = QJsonDocument::fromJson(r.value().body).object();
                    Session s;
                    s.did = o.value(QStringLiteral("did")).toString();
                    s.handle = o.value(QStringLiteral("handle")).toString();
                    s.accessJwt = o.value(QStringLiteral("accessJwt")).toString();
                    s.refreshJwt = o.value(QStringLiteral("refreshJwt")).toString();
                    if (!s.valid() || s.did != who.did) {
                        done(makeError(ErrorKind::Permanent, tr("The server's session answer could not be read.")));
                        return;
                    }
                    m_client->setService(who.pds);
                    m_options.selfDid = s.did;
                    done(s);
                });
        });
}

void BlueskyChannel::ready(std::function<void(std::optional<Error>)> next)
{
    if (m_client->service().isValid() && m_client->session().valid()) {
        next(std::nullopt);
        return;
    }
    if (!m_client->session().valid()) {
        // No session yet: sign in with the app password (which also finds the PDS).
        signIn([this, next](Result<Session> session) {
            if (!session.ok()) {
                next(session.error());
                return;
            }
            m_client->setSession(session.value());
            emit sessionChanged(session.value());
            next(std::nullopt);
        });
        return;
    }
    // A kept session: find the PDS that serves it.
    resolveIdentity(m_client, m_options.service, m_options.plcDirectory, m_client->session().did,
                    [this, next](Result<Identity> identity) {
                        if (!identity.ok()) {
                            next(identity.error());
                            return;
                        }
                        m_client->setService(identity.value().pds);
                        next(std::nullopt);
                    });
}

void BlueskyChannel::verify(Callback<ChannelIdentity> done)
{
    ready([this, done](std::optional<Error> error) {
        if (error) {
            done(*error);
            return;
        }
        m_client->query(QStringLiteral("com.atproto.server.getSession"), {}, [this, done](Result<XrpcResponse> r) {
            if (!r.ok()) {
                done(r.error());
                return;
            }
            const QJsonObject o = QJsonDocument::fromJson(r.value().body).object();
            const QString did = o.value(QStringLiteral("did")).toString();
            if (did.isEmpty()) {
                done(makeError(ErrorKind::Permanent, tr("The server's session answer could not be read.")));
                return;
            }
            if (!m_options.selfDid.isEmpty() && did != m_options.selfDid) {
                done(makeError(ErrorKind::AuthExpired, tr("The session belongs to another account: sign in again.")));
                return;
            }
            m_options.selfDid = did;
            m_handle = o.value(QStringLiteral("handle")).toString();
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("actor"), did);
            m_client->query(QStringLiteral("app.bsky.actor.getProfile"), q, [this, did, done](Result<XrpcResponse> p) {
                ChannelIdentity identity;
                identity.remoteId = did;
                identity.handle = displayHandle(m_handle);
                identity.serviceUrl = m_options.service.toString(QUrl::StripTrailingSlash);
                if (p.ok()) {
                    identity.displayName = QJsonDocument::fromJson(p.value().body)
                                               .object()
                                               .value(QStringLiteral("displayName"))
                                               .toString();
                } else if (p.error().kind == ErrorKind::AuthExpired || p.error().kind == ErrorKind::RateLimited) {
                    done(p.error());
                    return;
                }
                // A profile that cannot be read (no AppView, no profile record yet) only costs the display name.
                done(identity);
            });
        });
    });
}

void BlueskyChannel::pollNewer(const QString &feed, const QString &cursor, Callback<FeedPage> done)
{
    if (feed != kNotificationsFeed) {
        later(std::move(done), makeError(ErrorKind::Invalid, tr("Bluesky has no feed named %1.").arg(feed)));
        return;
    }
    auto run = std::make_shared<PollRun>();
    run->marker = cursor;
    run->pagesLeft = cursor.isEmpty() ? 1 : m_options.maxPollPages;
    run->done = std::move(done);
    ready([this, run](std::optional<Error> error) {
        if (error) {
            run->done(*error);
            return;
        }
        pollPage(run, {});
    });
}

void BlueskyChannel::listNotifications(int limit, const QString &apiCursor, Callback<NotificationPage> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (!apiCursor.isEmpty()) {
        q.addQueryItem(QStringLiteral("cursor"), apiCursor);
    }
    m_client->query(QStringLiteral("app.bsky.notification.listNotifications"), q,
                    [done = std::move(done)](Result<XrpcResponse> r) {
                        if (!r.ok()) {
                            done(r.error());
                            return;
                        }
                        done(parseNotifications(r.value().body));
                    });
}

void BlueskyChannel::pollPage(std::shared_ptr<PollRun> run, const QString &apiCursor)
{
    listNotifications(m_options.pollPageSize, apiCursor, [this, run](Result<NotificationPage> page) {
        if (!page.ok()) {
            run->done(page.error());
            return;
        }
        // The list is sorted by a time that can lie before when the AppView indexed a notification (a post's own
        // createdAt, a reply indexed out of order): reading on for a window below the newest one seen finds those
        // latecomers; what was seen before comes again and is stored idempotently.
        const qint64 windowStart = markerTime(run->marker) - m_options.lateWindowMs;
        bool belowWindow = false;
        for (Notification &n : page.value().notifications) {
            if (run->topMarker.isEmpty() || markerOf(n) > run->topMarker) {
                run->topMarker = markerOf(n);
                run->topIndexedAt = n.indexedAt;
            }
            if (!run->marker.isEmpty() && n.indexedAt < windowStart) {
                belowWindow = true;
                continue;
            }
            run->anyNew = run->anyNew || !seenBy(n, run->marker);
            run->fresh.push_back(std::move(n));
        }
        --run->pagesLeft;
        const QString next = page.value().cursor;
        if (!belowWindow && !next.isEmpty() && !page.value().notifications.empty() && run->pagesLeft > 0) {
            pollPage(run, next);
            return;
        }
        if (!belowWindow && !run->marker.isEmpty() && !next.isEmpty() && !page.value().notifications.empty()) {
            qCWarning(lcBluesky) << "more than" << m_options.maxPollPages * m_options.pollPageSize
                                 << "notifications arrived since the last poll; older ones are skipped";
        }
        FeedPage out;
        out.newestCursor = run->topMarker.isEmpty() ? run->marker : std::max(run->topMarker, run->marker);
        if (run->anyNew && run->topIndexedAt > 0) {
            markSeen(run->topIndexedAt);
        }
        finishItems(std::move(run->fresh), run->done, std::move(out));
    });
}

void BlueskyChannel::backfillOlder(const QString &feed, const QString &cursor, Callback<FeedPage> done)
{
    if (feed != kNotificationsFeed) {
        later(std::move(done), makeError(ErrorKind::Invalid, tr("Bluesky has no feed named %1.").arg(feed)));
        return;
    }
    auto run = std::make_shared<PollRun>();
    run->backfill = true;
    run->firstPage = cursor.isEmpty();
    run->pagesLeft = m_options.maxReadThroughPages;
    run->done = std::move(done);
    ready([this, run, cursor](std::optional<Error> error) {
        if (error) {
            run->done(*error);
            return;
        }
        backfillPage(run, cursor);
    });
}

void BlueskyChannel::backfillPage(std::shared_ptr<PollRun> run, const QString &apiCursor)
{
    listNotifications(m_options.pageSize, apiCursor, [this, run](Result<NotificationPage> page) {
        if (!page.ok()) {
            run->done(page.error());
            return;
        }
        bool anyItem = false;
        for (Notification &n : page.value().notifications) {
            if (run->firstPage && (run->topMarker.isEmpty() || markerOf(n) > run->topMarker)) {
                run->topMarker = markerOf(n);
            }
            if (run->oldestAt == 0 || n.indexedAt < run->oldestAt) {
                run->oldestAt = n.indexedAt;
            }
            if (itemOf(n, selfDid())) {
                anyItem = true;
            }
            run->fresh.push_back(std::move(n));
        }
        run->olderCursor = page.value().notifications.empty() ? QString() : page.value().cursor;
        run->firstPage = false;
        --run->pagesLeft;
        if (!anyItem && !run->olderCursor.isEmpty() && run->pagesLeft > 0) {
            backfillPage(run, run->olderCursor); // nothing for the inbox here: read on
            return;
        }
        FeedPage out;
        out.newestCursor = run->topMarker;
        out.olderCursor = run->olderCursor;
        out.oldestItemAtMs = run->oldestAt;
        finishItems(std::move(run->fresh), run->done, std::move(out));
    });
}

void BlueskyChannel::finishItems(std::vector<Notification> notifications, std::function<void(Result<FeedPage>)> done,
                                 FeedPage page)
{
    const QString self = selfDid();
    if (lcBluesky().isDebugEnabled()) {
        QStringList reasons;
        for (const Notification &n : notifications) {
            reasons << n.reason + QLatin1Char(' ') + n.uri;
        }
        qCDebug(lcBluesky).noquote() << notifications.size()
                                     << "new notification(s):" << reasons.join(QStringLiteral(", "))
                                     << "newest:" << page.newestCursor;
    }
    QStringList context;
    for (const Notification &n : notifications) {
        auto item = itemOf(n, self);
        if (!item) {
            continue;
        }
        // Our own posts this one answers: sent along once, so the conversation shows what was answered.
        for (const QString &uri : {replyParent(n.record).uri, replyRoot(n.record).uri}) {
            if (!uri.isEmpty() && didOfUri(uri) == self && !m_contextSent.contains(uri) && !context.contains(uri)) {
                context << uri;
            }
        }
        page.items.push_back(std::move(*item));
    }
    if (context.isEmpty()) {
        done(std::move(page));
        return;
    }
    auto shared = std::make_shared<FeedPage>(std::move(page));
    getPosts(context, [this, shared, done, self](Result<std::vector<PostView>> posts) {
        if (!posts.ok()) {
            // Context is a courtesy: without it the replies still arrive, filed under their root.
            if (posts.error().kind == ErrorKind::AuthExpired || posts.error().kind == ErrorKind::RateLimited) {
                done(posts.error());
                return;
            }
            done(std::move(*shared));
            return;
        }
        if (m_contextSent.size() > kMaxContextPosts) {
            m_contextSent.clear();
        }
        for (const PostView &p : posts.value()) {
            m_contextSent.insert(p.uri);
            shared->items.push_back(itemOf(p, self));
        }
        done(std::move(*shared));
    });
}

void BlueskyChannel::getPosts(const QStringList &uris, Callback<std::vector<PostView>> done)
{
    getPostsBatch(uris, {}, std::move(done));
}

void BlueskyChannel::getPostsBatch(QStringList remaining, std::vector<PostView> found,
                                   Callback<std::vector<PostView>> done)
{
    if (remaining.isEmpty()) {
        done(std::move(found));
        return;
    }
    const QStringList batch = remaining.mid(0, kPostsPerRequest);
    remaining = remaining.mid(kPostsPerRequest);
    QUrlQuery q;
    for (const QString &uri : batch) {
        q.addQueryItem(QStringLiteral("uris"), uri);
    }
    m_client->query(QStringLiteral("app.bsky.feed.getPosts"), q,
                    [this, remaining, found = std::move(found), done](Result<XrpcResponse> r) mutable {
                        if (!r.ok()) {
                            done(r.error());
                            return;
                        }
                        auto object = parseObject(r.value().body);
                        if (!object.ok()) {
                            done(object.error());
                            return;
                        }
                        for (PostView &p : parsePostViews(object.value().value(QStringLiteral("posts")).toArray())) {
                            found.push_back(std::move(p));
                        }
                        getPostsBatch(remaining, std::move(found), std::move(done));
                    });
}

void BlueskyChannel::markSeen(qint64 indexedAt)
{
    // The network's own unread badge follows what Switchboard has read. Best effort.
    const QJsonObject body {{QStringLiteral("seenAt"), isoUtcOf(indexedAt)}};
    m_client->procedure(QStringLiteral("app.bsky.notification.updateSeen"), body, XrpcEffect::Write,
                        [](Result<XrpcResponse> r) {
                            if (!r.ok()) {
                                qCInfo(lcBluesky) << "updateSeen failed:" << r.error().message;
                            }
                        });
}

void BlueskyChannel::fetchThread(const QString &remoteId, Callback<std::vector<IncomingItem>> done)
{
    ready([this, remoteId, done](std::optional<Error> error) {
        if (error) {
            done(*error);
            return;
        }
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("uri"), remoteId);
        q.addQueryItem(QStringLiteral("depth"), QStringLiteral("20"));
        q.addQueryItem(QStringLiteral("parentHeight"), QStringLiteral("40"));
        m_client->query(QStringLiteral("app.bsky.feed.getPostThread"), q, [this, done](Result<XrpcResponse> r) {
            if (!r.ok()) {
                done(r.error());
                return;
            }
            auto object = parseObject(r.value().body);
            if (!object.ok()) {
                done(object.error());
                return;
            }
            const QString self = selfDid();
            std::vector<IncomingItem> items;
            const QJsonObject focus = object.value().value(QStringLiteral("thread")).toObject();
            // Ancestors, then the focus and its replies, depth first; missing or blocked posts are skipped.
            std::vector<QJsonObject> chain;
            for (QJsonObject p = focus.value(QStringLiteral("parent")).toObject(); !p.isEmpty();
                 p = p.value(QStringLiteral("parent")).toObject()) {
                chain.insert(chain.begin(), p);
                if (chain.size() > 100) {
                    break;
                }
            }
            for (const QJsonObject &node : chain) {
                if (auto post = parsePostView(node.value(QStringLiteral("post")).toObject())) {
                    items.push_back(itemOf(*post, self));
                }
            }
            std::function<void(const QJsonObject &, int)> walk = [&](const QJsonObject &node, int depth) {
                if (auto post = parsePostView(node.value(QStringLiteral("post")).toObject())) {
                    items.push_back(itemOf(*post, self));
                }
                if (depth >= 30 || items.size() > 2000) {
                    return;
                }
                for (const QJsonValue &reply : node.value(QStringLiteral("replies")).toArray()) {
                    walk(reply.toObject(), depth + 1);
                }
            };
            walk(focus, 0);
            done(std::move(items));
        });
    });
}

void BlueskyChannel::fetchCounters(const QStringList &remoteIds, Callback<std::vector<ItemCounters>> done)
{
    QStringList uris;
    for (const QString &id : remoteIds) {
        if (id.startsWith(QLatin1String("at://"))) {
            uris << id;
        }
    }
    ready([this, uris, done](std::optional<Error> error) {
        if (error) {
            done(*error);
            return;
        }
        getPosts(uris, [done](Result<std::vector<PostView>> posts) {
            if (!posts.ok()) {
                done(posts.error());
                return;
            }
            std::vector<ItemCounters> out;
            for (const PostView &p : posts.value()) {
                out.push_back(countersOf(p));
            }
            done(std::move(out));
        });
    });
}

void BlueskyChannel::findDeleted(const QStringList &remoteIds, Callback<QStringList> done)
{
    QStringList uris;
    for (const QString &id : remoteIds) {
        if (id.startsWith(QLatin1String("at://"))) {
            uris << id;
        }
    }
    if (uris.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done(QStringList()); });
        return;
    }
    ready([this, uris, done](std::optional<Error> error) {
        if (error) {
            done(*error);
            return;
        }
        // getPosts leaves out what no longer exists, but also what a block hides and what the AppView could not
        // load: each post it leaves out is asked for by its record, and only "no such record" counts as deleted.
        getPosts(uris, [this, uris, done](Result<std::vector<PostView>> posts) {
            if (!posts.ok()) {
                done(posts.error());
                return;
            }
            QSet<QString> present;
            for (const PostView &p : posts.value()) {
                present.insert(p.uri);
            }
            QStringList missing;
            for (const QString &uri : uris) {
                if (!present.contains(uri)) {
                    missing << uri;
                }
            }
            confirmDeleted(missing.mid(0, kMaxDeletionChecks), {}, done);
        });
    });
}

void BlueskyChannel::confirmDeleted(QStringList candidates, QStringList gone, Callback<QStringList> done)
{
    if (candidates.isEmpty()) {
        done(gone);
        return;
    }
    const QString uri = candidates.takeFirst();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("repo"), didOfUri(uri));
    q.addQueryItem(QStringLiteral("collection"), uri.section(QLatin1Char('/'), 3, 3));
    q.addQueryItem(QStringLiteral("rkey"), rkeyOfUri(uri));
    m_client->query(
        QStringLiteral("com.atproto.repo.getRecord"), q,
        [this, uri, candidates, gone, done](Result<XrpcResponse> r) mutable {
            if (!r.ok()) {
                // Not known either way (the author's server is down, say): nothing is removed on a guess.
                if (r.error().kind == ErrorKind::AuthExpired || r.error().kind == ErrorKind::RateLimited) {
                    done(r.error());
                    return;
                }
            } else if (r.value().status != 200) {
                gone << uri;
            }
            confirmDeleted(candidates, gone, done);
        },
        true);
}

void BlueskyChannel::fetchOwnPosts(qint64 sinceMs, int max, Callback<std::vector<OwnPost>> done)
{
    ready([this, sinceMs, max, done](std::optional<Error> error) {
        if (error) {
            done(*error);
            return;
        }
        auto found = std::make_shared<std::vector<OwnPost>>();
        auto pages = std::make_shared<int>(m_options.ownPostsPages);
        auto step = std::make_shared<std::function<void(const QString &)>>();
        *step = [this, sinceMs, max, done, found, pages, step](const QString &cursor) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("actor"), selfDid());
            q.addQueryItem(QStringLiteral("filter"), QStringLiteral("posts_no_replies"));
            q.addQueryItem(QStringLiteral("limit"), QString::number(std::clamp(max, 1, 100)));
            if (!cursor.isEmpty()) {
                q.addQueryItem(QStringLiteral("cursor"), cursor);
            }
            m_client->query(
                QStringLiteral("app.bsky.feed.getAuthorFeed"), q,
                [this, sinceMs, max, done, found, pages, step](Result<XrpcResponse> r) {
                    if (!r.ok()) {
                        *step = nullptr;
                        done(r.error());
                        return;
                    }
                    auto object = parseObject(r.value().body);
                    if (!object.ok()) {
                        *step = nullptr;
                        done(object.error());
                        return;
                    }
                    bool older = false;
                    for (const QJsonValue &v : object.value().value(QStringLiteral("feed")).toArray()) {
                        const QJsonObject entry = v.toObject();
                        if (entry.contains(QStringLiteral("reason"))) {
                            continue; // a repost of someone else's post
                        }
                        auto post = parsePostView(entry.value(QStringLiteral("post")).toObject());
                        if (!post || post->author.did != selfDid() || !replyParent(post->record).uri.isEmpty()) {
                            continue;
                        }
                        const IncomingItem item = itemOf(*post, selfDid());
                        if (item.createdAt < sinceMs) {
                            older = true;
                            continue;
                        }
                        if (int(found->size()) < max) {
                            found->push_back(OwnPost {post->uri, item.createdAt, item.url, item.text, post->likes,
                                                      post->reposts + post->quotes, post->replies});
                        }
                    }
                    const QString next = object.value().value(QStringLiteral("cursor")).toString();
                    if (!older && !next.isEmpty() && int(found->size()) < max && --*pages > 0) {
                        (*step)(next);
                        return;
                    }
                    *step = nullptr;
                    done(std::move(*found));
                });
        };
        (*step)(QString());
    });
}

} // namespace sb::bluesky
