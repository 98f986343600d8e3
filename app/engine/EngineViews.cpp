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

} // namespace sb
