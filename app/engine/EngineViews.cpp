#include "core/Clock.h"
#include "core/Domain.h"
#include "core/Ids.h"
#include "engine/Engine.h"
#include "store/Sqlite.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace sb {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("sb::Engine", text);
}
} // namespace

Result<QString> Engine::saveView(const Actor &actor, const QString &name, const QString &query)
{
    const QString cleanName = name.simplified();
    const QString cleanQuery = query.simplified();
    if (cleanName.isEmpty() || cleanName.size() > 80) {
        return makeError(ErrorKind::Invalid, tr("A view needs a name of at most 80 characters."));
    }
    if (cleanQuery.isEmpty()) {
        return makeError(ErrorKind::Invalid, tr("Type a search first: a saved view keeps a search."));
    }
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireEmployee(actor));
    const QString id = m_ids.next();
    const qint64 now = m_clock.nowMs();
    Statement &ins = m_db.cached(
        "INSERT INTO saved_views(id, name, query, owner_id, position, created_at, updated_at) VALUES "
        "(?1, ?2, ?3, ?4, (SELECT coalesce(max(position), 0) + 1 FROM saved_views WHERE owner_id = ?4), ?5, ?5)");
    ins.bindAll(id, cleanName, cleanQuery, actor.id, now);
    SB_TRY(ins.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("view_saved"), QStringLiteral("saved_view"), id, {},
                       {{QStringLiteral("name"), cleanName}, {QStringLiteral("query"), cleanQuery}}));
    SB_TRY(tx.commit());
    return id;
}

Status Engine::removeView(const Actor &actor, const QString &viewId)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    const auto role = requireEmployee(actor);
    SB_TRY(role);
    Statement &cur = m_db.cached("SELECT coalesce(owner_id, ''), name FROM saved_views WHERE id = ?");
    cur.bind(1, viewId);
    if (!cur.next()) {
        cur.reset();
        return makeError(ErrorKind::NotFound, tr("There is no saved view %1.").arg(viewId));
    }
    const QString owner = cur.text(0);
    const QString name = cur.text(1);
    cur.reset();
    const bool shared = owner.isEmpty();
    if (shared ? !canManageRoster(role.value()) : owner != actor.id) {
        return makeError(ErrorKind::Forbidden, tr("Only its owner can remove the view \"%1\".").arg(name));
    }
    Statement &del = m_db.cached("DELETE FROM saved_views WHERE id = ?");
    del.bind(1, viewId);
    SB_TRY(del.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("view_removed"), QStringLiteral("saved_view"), viewId, {},
                       {{QStringLiteral("name"), name}}));
    return tx.commit();
}

Result<QString> Engine::saveCannedReply(const Actor &actor, const QString &id, const QString &title,
                                        const QString &body)
{
    const QString cleanTitle = title.simplified();
    const QString cleanBody = body.trimmed();
    if (cleanTitle.isEmpty() || cleanTitle.size() > 80) {
        return makeError(ErrorKind::Invalid, tr("A canned reply needs a title of at most 80 characters."));
    }
    if (cleanBody.isEmpty() || cleanBody.size() > 5000) {
        return makeError(ErrorKind::Invalid, tr("A canned reply needs a text of at most 5,000 characters."));
    }
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canTriage, tr("write canned replies")));
    const qint64 now = m_clock.nowMs();
    QString savedId = id;
    if (id.isEmpty()) {
        savedId = m_ids.next();
        Statement &ins = m_db.cached("INSERT INTO canned_replies(id, title, body, created_by, created_at, updated_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?5)");
        ins.bindAll(savedId, cleanTitle, cleanBody, actor.id, now);
        SB_TRY(ins.exec());
    } else {
        Statement &up = m_db.cached("UPDATE canned_replies SET title = ?2, body = ?3, updated_at = ?4 WHERE id = ?1");
        up.bindAll(id, cleanTitle, cleanBody, now);
        SB_TRY(up.exec());
        if (m_db.changes() == 0) {
            return makeError(ErrorKind::NotFound, tr("There is no canned reply %1.").arg(id));
        }
    }
    SB_TRY(appendEvent(actor, QStringLiteral("canned_reply_saved"), QStringLiteral("canned_reply"), savedId, {},
                       {{QStringLiteral("title"), cleanTitle}}));
    SB_TRY(tx.commit());
    return savedId;
}

Status Engine::removeCannedReply(const Actor &actor, const QString &id)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canTriage, tr("write canned replies")));
    Statement &cur = m_db.cached("SELECT title FROM canned_replies WHERE id = ?");
    cur.bind(1, id);
    if (!cur.next()) {
        cur.reset();
        return makeError(ErrorKind::NotFound, tr("There is no canned reply %1.").arg(id));
    }
    const QString title = cur.text(0);
    cur.reset();
    Statement &del = m_db.cached("DELETE FROM canned_replies WHERE id = ?");
    del.bind(1, id);
    SB_TRY(del.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("canned_reply_removed"), QStringLiteral("canned_reply"), id, {},
                       {{QStringLiteral("title"), title}}));
    return tx.commit();
}

} // namespace sb
