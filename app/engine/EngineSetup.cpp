// Engine calls that set the workspace up: accounts, campaigns, posts, goals.
#include "core/Clock.h"
#include "core/Ids.h"
#include "engine/Engine.h"
#include "store/Sqlite.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QRegularExpression>

namespace sb {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Engine", text);
}
} // namespace

Result<QString> Engine::addAccount(const Actor &actor, const NewAccount &account)
{
    const QString handle = account.handle.trimmed();
    if (handle.isEmpty() || account.serviceUrl.trimmed().isEmpty()) {
        return makeError(ErrorKind::Invalid, tr("An account needs a handle and a server address."));
    }
    if (account.slaMinutes <= 0) {
        return makeError(ErrorKind::Invalid, tr("The promised first-response time must be positive."));
    }
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canManageRoster, tr("add accounts")));
    const QString id = m_ids.next();
    const qint64 now = m_clock.nowMs();
    Statement &ins = m_db.cached("INSERT INTO accounts(id, network, handle, display_name, service_url, remote_id, "
                                 "sla_minutes, max_chars, created_at, updated_at, credential_ref, backfill_days) "
                                 "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    ins.bindAll(id, networkName(account.network), handle, account.displayName, account.serviceUrl.trimmed(),
                account.remoteId.isEmpty() ? QString() : account.remoteId, account.slaMinutes);
    if (account.maxChars > 0) {
        ins.bind(8, account.maxChars);
    } else {
        ins.bindNull(8);
    }
    ins.bind(9, now).bind(10, now).bind(11, account.credentialRef).bind(12, std::max(0, account.backfillDays));
    if (Status s = ins.exec(); !s.ok()) {
        return s.error().kind == ErrorKind::Duplicate
            ? makeError(ErrorKind::Duplicate, tr("The account %1 is already in this workspace.").arg(handle))
            : s.error();
    }
    SB_TRY(
        appendEvent(actor, QStringLiteral("account_added"), QStringLiteral("account"), id, {},
                    {{QStringLiteral("network"), networkName(account.network)}, {QStringLiteral("handle"), handle}}));
    SB_TRY(tx.commit());
    return id;
}

Status Engine::setAccountPaused(const Actor &actor, const QString &accountId, bool paused)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canTriage, tr("pause or resume sync")));
    Statement &up
        = m_db.cached("UPDATE accounts SET sync_paused = ?, updated_at = ? WHERE id = ? AND sync_paused != ?");
    up.bindAll(paused, m_clock.nowMs(), accountId, paused);
    SB_TRY(up.exec());
    if (m_db.changes() == 0) {
        Statement &exists = m_db.cached("SELECT 1 FROM accounts WHERE id = ?");
        exists.bind(1, accountId);
        if (!exists.next()) {
            return makeError(ErrorKind::NotFound, tr("No account with id %1.").arg(accountId));
        }
        return success();
    }
    SB_TRY(appendEvent(actor, paused ? QStringLiteral("sync_paused") : QStringLiteral("sync_resumed"),
                       QStringLiteral("account"), accountId, {}));
    return tx.commit();
}

Status Engine::setAccountSla(const Actor &actor, const QString &accountId, int minutes)
{
    if (minutes < kMinSlaMinutes || minutes > kMaxSlaMinutes) {
        return makeError(ErrorKind::Invalid,
                         tr("A first-response promise is between %1 and %2 business minutes.")
                             .arg(kMinSlaMinutes)
                             .arg(kMaxSlaMinutes));
    }
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canManageRoster, tr("change an account's first-response promise")));
    Statement &cur = m_db.cached("SELECT sla_minutes FROM accounts WHERE id = ?");
    cur.bind(1, accountId);
    if (!cur.next()) {
        cur.reset();
        return makeError(ErrorKind::NotFound, tr("No account with id %1.").arg(accountId));
    }
    const int previous = cur.integer(0);
    cur.reset();
    if (previous == minutes) {
        return success();
    }
    // Conversations already open keep the due time they were given: a promise is made when the customer writes.
    Statement &up = m_db.cached("UPDATE accounts SET sla_minutes = ?, updated_at = ? WHERE id = ?");
    up.bindAll(minutes, m_clock.nowMs(), accountId);
    SB_TRY(up.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("account_sla_changed"), QStringLiteral("account"), accountId, {},
                       {{QStringLiteral("from"), previous}, {QStringLiteral("to"), minutes}}));
    return tx.commit();
}

Status Engine::setAccountOwner(const Actor &actor, const QString &accountId, const QString &employeeId)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    Statement &cur = m_db.cached("SELECT coalesce(employee_id, '') FROM accounts WHERE id = ?");
    cur.bind(1, accountId);
    if (!cur.next()) {
        cur.reset();
        return makeError(ErrorKind::NotFound, tr("No account with id %1.").arg(accountId));
    }
    const QString previous = cur.text(0);
    cur.reset();
    if (previous == employeeId) {
        return success();
    }
    if (!employeeId.isEmpty()) {
        Statement &who = m_db.cached("SELECT active FROM employees WHERE id = ?");
        who.bind(1, employeeId);
        const bool active = who.next() && who.integer(0) != 0;
        who.reset();
        if (!active) {
            return makeError(ErrorKind::NotFound, tr("No active employee with id %1.").arg(employeeId));
        }
    }
    // One's own: claiming an unclaimed account for oneself, or giving one's own back.
    const bool ownChange = actor.kind == Actor::Kind::Employee
        && ((employeeId == actor.id && previous.isEmpty()) || (employeeId.isEmpty() && previous == actor.id));
    if (!ownChange) {
        SB_TRY(requireRole(actor, canManageRoster, tr("link an account to another employee")));
    } else {
        SB_TRY(requireEmployee(actor));
    }
    Statement &up = m_db.cached("UPDATE accounts SET employee_id = ?, updated_at = ? WHERE id = ?");
    up.bind(1, employeeId.isEmpty() ? QString() : employeeId).bind(2, m_clock.nowMs()).bind(3, accountId);
    SB_TRY(up.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("account_owner_changed"), QStringLiteral("account"), accountId, {},
                       {{QStringLiteral("from"), previous.isEmpty() ? QJsonValue() : QJsonValue(previous)},
                        {QStringLiteral("to"), employeeId.isEmpty() ? QJsonValue() : QJsonValue(employeeId)}}));
    return tx.commit();
}

Status Engine::removeAccount(const Actor &actor, const QString &accountId, bool keepData)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canManageRoster, tr("remove accounts")));
    Statement &cur = m_db.cached("SELECT handle, archived FROM accounts WHERE id = ?");
    cur.bind(1, accountId);
    if (!cur.next()) {
        return makeError(ErrorKind::NotFound, tr("No account with id %1.").arg(accountId));
    }
    const QString handle = cur.text(0);
    const bool archived = cur.integer(1) != 0;
    cur.reset();
    if (keepData) {
        if (archived) {
            return success();
        }
        Statement &up = m_db.cached("UPDATE accounts SET archived = 1, sync_paused = 1, updated_at = ? WHERE id = ?");
        up.bindAll(m_clock.nowMs(), accountId);
        SB_TRY(up.exec());
    } else {
        // Items, conversations, notes, cursors and jobs of the account go with it (foreign keys cascade);
        // the event log keeps the history.
        Statement &del = m_db.cached("DELETE FROM accounts WHERE id = ?");
        del.bind(1, accountId);
        SB_TRY(del.exec());
    }
    SB_TRY(appendEvent(actor, keepData ? QStringLiteral("account_archived") : QStringLiteral("account_removed"),
                       QStringLiteral("account"), accountId, {}, {{QStringLiteral("handle"), handle}}));
    return tx.commit();
}

Status Engine::setAccountCredential(const Actor &actor, const QString &accountId, const QString &credentialRef)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canManageRoster, tr("sign accounts in")));
    Statement &up = m_db.cached("UPDATE accounts SET credential_ref = ?, archived = 0, health = CASE WHEN health = "
                                "'auth_expired' THEN 'ok' ELSE health END, health_detail = CASE WHEN health = "
                                "'auth_expired' THEN NULL ELSE health_detail END, updated_at = ? WHERE id = ?");
    up.bindAll(credentialRef, m_clock.nowMs(), accountId);
    SB_TRY(up.exec());
    if (m_db.changes() == 0) {
        return makeError(ErrorKind::NotFound, tr("No account with id %1.").arg(accountId));
    }
    // Only where the secret lives is logged (keychain or the variable's name), never the secret.
    SB_TRY(appendEvent(actor, QStringLiteral("account_signed_in"), QStringLiteral("account"), accountId, {},
                       {{QStringLiteral("credential"), credentialRef}}));
    return tx.commit();
}

Result<QString> Engine::addCampaign(const Actor &actor, const NewCampaign &campaign)
{
    static const QRegularExpression colour(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (campaign.name.trimmed().isEmpty() || !campaign.startsOn.isValid() || !campaign.endsOn.isValid()
        || campaign.endsOn < campaign.startsOn) {
        return makeError(ErrorKind::Invalid, tr("A campaign needs a name and an end date on or after its start."));
    }
    if (!campaign.color.isEmpty() && !colour.match(campaign.color).hasMatch()) {
        return makeError(ErrorKind::Invalid, tr("A campaign colour is written #rrggbb."));
    }
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canPublish, tr("plan campaigns")));
    const QString id = m_ids.next();
    const qint64 now = m_clock.nowMs();
    Statement &ins = m_db.cached("INSERT INTO campaigns(id, name, color, starts_on, ends_on, description, created_at, "
                                 "updated_at) VALUES (?,?,?,?,?,?,?,?)");
    ins.bindAll(id, campaign.name.trimmed(), campaign.color.isEmpty() ? QStringLiteral("#2f6fde") : campaign.color,
                campaign.startsOn.toString(Qt::ISODate), campaign.endsOn.toString(Qt::ISODate),
                campaign.description.isEmpty() ? QStringLiteral("") : campaign.description, now, now);
    SB_TRY(ins.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("campaign_added"), QStringLiteral("campaign"), id, {},
                       {{QStringLiteral("name"), campaign.name.trimmed()}}));
    SB_TRY(tx.commit());
    return id;
}

Result<QString> Engine::createPost(const Actor &actor, const NewPost &post)
{
    if (post.variants.empty()) {
        return makeError(ErrorKind::Invalid, tr("A post goes to at least one account."));
    }
    for (const NewPostVariant &v : post.variants) {
        if (v.text.trimmed().isEmpty()) {
            return makeError(ErrorKind::Invalid, tr("Every variant of a post needs text."));
        }
    }
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireEmployee(actor)); // contributors draft posts too
    const QString id = m_ids.next();
    const qint64 now = m_clock.nowMs();
    Statement &ins = m_db.cached("INSERT INTO posts(id, campaign_id, author_id, state, scheduled_at, time_zone, "
                                 "created_at, updated_at, recurrence) VALUES (?,?,?,'draft',?,?,?,?,?)");
    ins.bindAll(id, post.campaignId.isEmpty() ? QString() : post.campaignId, actor.id);
    if (post.scheduledAtMs > 0) {
        ins.bind(4, post.scheduledAtMs);
    } else {
        ins.bindNull(4);
    }
    ins.bind(5, post.timeZone.isEmpty() ? QString() : post.timeZone).bind(6, now).bind(7, now);
    if (post.recurrence.isEmpty()) {
        ins.bindNull(8);
    } else {
        ins.bind(8, post.recurrence);
    }
    SB_TRY(ins.exec());
    for (const NewPostVariant &v : post.variants) {
        Statement &var = m_db.cached("INSERT INTO post_variants(id, post_id, account_id, text, updated_at) "
                                     "VALUES (?,?,?,?,?)");
        var.bindAll(m_ids.next(), id, v.accountId, v.text.trimmed(), now);
        if (Status s = var.exec(); !s.ok()) {
            return makeError(ErrorKind::Invalid,
                             tr("Cannot add a variant for account %1: %2").arg(v.accountId, s.error().message));
        }
    }
    SB_TRY(appendEvent(actor, QStringLiteral("post_created"), QStringLiteral("post"), id, {},
                       {{QStringLiteral("variants"), int(post.variants.size())}}));
    SB_TRY(tx.commit());
    return id;
}

Status Engine::editPostText(const Actor &actor, const QString &postId, const QString &accountId, const QString &text)
{
    const QString clean = text.trimmed();
    if (clean.isEmpty()) {
        return makeError(ErrorKind::Invalid, tr("Every variant of a post needs text."));
    }
    Transaction tx(m_db);
    SB_TRY(tx.began());
    const auto role = requireEmployee(actor);
    SB_TRY(role);
    Statement &cur = m_db.cached("SELECT p.state, p.author_id, v.id, v.text FROM posts p JOIN post_variants v ON "
                                 "v.post_id = p.id WHERE p.id = ? AND v.account_id = ?");
    cur.bindAll(postId, accountId);
    if (!cur.next()) {
        return makeError(ErrorKind::NotFound, tr("The post has no variant for that account."));
    }
    const QString state = cur.text(0);
    const QString author = cur.text(1);
    const QString variant = cur.text(2);
    const QString before = cur.text(3);
    cur.reset();
    if (before == clean) {
        return success();
    }
    if (state != QLatin1String("draft") && state != QLatin1String("in_review") && state != QLatin1String("approved")
        && state != QLatin1String("scheduled")) {
        return makeError(ErrorKind::Conflict, tr("This post is already going out or out; its text cannot change."));
    }
    if (author != actor.id && !canApprove(role.value())) {
        return makeError(ErrorKind::Forbidden, tr("Only its author or a manager can edit this post."));
    }
    const qint64 now = m_clock.nowMs();
    Statement &up = m_db.cached("UPDATE post_variants SET text = ?, updated_at = ? WHERE id = ?");
    up.bindAll(clean, now, variant);
    SB_TRY(up.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("post_edited"), QStringLiteral("post"), postId, {},
                       {{QStringLiteral("account_id"), accountId}, {QStringLiteral("from"), before.left(500)}}));
    // What was approved is no longer what goes out: it is reviewed again, whoever edited it.
    if (state == QLatin1String("approved") || state == QLatin1String("scheduled")) {
        SB_TRY(changePostState(actor, postId,
                               state == QLatin1String("approved") ? PostState::Approved : PostState::Scheduled,
                               PostState::InReview, QStringLiteral("post_returned_to_review"), QString()));
    }
    return tx.commit();
}

Status Engine::markVariantPublished(const QString &variantId, const QString &remoteId, const QString &remoteUrl)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    Statement &cur = m_db.cached("SELECT v.post_id, v.state, p.state FROM post_variants v "
                                 "JOIN posts p ON p.id = v.post_id WHERE v.id = ?");
    cur.bind(1, variantId);
    if (!cur.next()) {
        return makeError(ErrorKind::NotFound, tr("No post variant with id %1.").arg(variantId));
    }
    const QString postId = cur.text(0);
    const QString variantState = cur.text(1);
    const auto postState = postStateFromName(cur.text(2));
    cur.reset();
    if (variantState == QLatin1String("published")) {
        return success();
    }
    if (!postState || *postState == PostState::Draft || *postState == PostState::InReview) {
        return makeError(ErrorKind::Conflict, tr("A post that is not approved cannot be published."));
    }
    const qint64 now = m_clock.nowMs();
    Statement &up = m_db.cached("UPDATE post_variants SET state = 'published', remote_id = ?, remote_url = ?, "
                                "published_at = ?3, error = NULL, updated_at = ?3 WHERE id = ?4");
    up.bindAll(remoteId, remoteUrl.isEmpty() ? QString() : remoteUrl, now, variantId);
    SB_TRY(up.exec());
    Statement &rest = m_db.cached("SELECT count(*), coalesce(sum(state = 'failed'), 0) FROM post_variants "
                                  "WHERE post_id = ? AND state != 'published'");
    rest.bind(1, postId);
    const bool more = rest.next() && rest.int64(0) > 0;
    const bool failed = more && rest.int64(1) > 0;
    rest.reset();
    PostState next = PostState::Published;
    if (more) {
        next = failed ? PostState::PartiallyPublished : PostState::Publishing;
    }
    Statement &post = m_db.cached("UPDATE posts SET state = ?1, published_at = CASE WHEN ?1 = 'published' THEN "
                                  "coalesce(published_at, ?2) ELSE published_at END, updated_at = ?2 WHERE id = ?3");
    post.bindAll(postStateName(next), now, postId);
    SB_TRY(post.exec());
    SB_TRY(appendEvent(Actor::system(), QStringLiteral("published"), QStringLiteral("post_variant"), variantId, {},
                       {{QStringLiteral("post_id"), postId},
                        {QStringLiteral("remote_id"), remoteId},
                        {QStringLiteral("post_state"), postStateName(next)}}));
    return tx.commit();
}

Result<QString> Engine::setGoal(const Actor &actor, const QString &employeeId, const QString &metric, double target)
{
    if (target < 0) {
        return makeError(ErrorKind::Invalid, tr("A goal's target cannot be negative."));
    }
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canApprove, tr("set goals")));
    const QString id = m_ids.next();
    const qint64 now = m_clock.nowMs();
    Statement &up = m_db.cached("INSERT INTO goals(id, employee_id, metric, target, created_at, updated_at) "
                                "VALUES (?1,?2,?3,?4,?5,?5) ON CONFLICT(employee_id, metric) DO UPDATE SET "
                                "target = ?4, updated_at = ?5 RETURNING id");
    up.bindAll(id, employeeId, metric, target, now);
    if (!up.next()) {
        Error e = up.error();
        up.reset();
        return makeError(ErrorKind::Invalid, tr("Cannot set the goal: %1").arg(e.message));
    }
    const QString goalId = up.text(0);
    up.reset();
    SB_TRY(appendEvent(actor, QStringLiteral("goal_set"), QStringLiteral("goal"), goalId, {},
                       {{QStringLiteral("employee_id"), employeeId},
                        {QStringLiteral("metric"), metric},
                        {QStringLiteral("target"), target}}));
    SB_TRY(tx.commit());
    return goalId;
}

Status Engine::removeGoal(const Actor &actor, const QString &employeeId, const QString &metric)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canApprove, tr("set goals")));
    Statement &del = m_db.cached("DELETE FROM goals WHERE employee_id = ? AND metric = ? RETURNING id");
    del.bindAll(employeeId, metric);
    const QString goalId = del.next() ? del.text(0) : QString();
    del.reset();
    if (goalId.isEmpty()) {
        return success();
    }
    SB_TRY(appendEvent(actor, QStringLiteral("goal_removed"), QStringLiteral("goal"), goalId, {},
                       {{QStringLiteral("employee_id"), employeeId}, {QStringLiteral("metric"), metric}}));
    return tx.commit();
}

} // namespace sb
