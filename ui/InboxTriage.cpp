#include "ui/InboxTriage.h"

#include "core/Clock.h"
#include "engine/Engine.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "store/WorkspaceSettings.h"

#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLocale>
#include <QPushButton>
#include <QTimeZone>

namespace sb::ui {

namespace {
const QString kChanged = QStringLiteral("conversations");
}

InboxTriage::InboxTriage(models::WorkspaceContext &ctx, QObject *parent) : QObject(parent), m_ctx(ctx)
{
}

bool InboxTriage::done(bool ok, const QString &confirmation)
{
    if (ok) {
        m_ctx.notifyChanged(kChanged);
        if (!confirmation.isEmpty()) {
            emit message(confirmation);
        }
    }
    return ok;
}

bool InboxTriage::assign(const QString &conversationId, const QString &employeeId)
{
    const Status s = m_ctx.engine().assign(Actor::employee(m_ctx.currentEmployeeId()), conversationId, employeeId);
    QString name;
    if (!employeeId.isEmpty()) {
        Statement &st = m_ctx.reader().cached("SELECT name FROM employees WHERE id = ?");
        st.bind(1, employeeId);
        name = st.next() ? st.text(0) : employeeId;
        st.reset();
    }
    return done(m_ctx.report(s), employeeId.isEmpty() ? tr("Unassigned") : tr("Assigned to %1").arg(name));
}

bool InboxTriage::assignTeam(const QString &conversationId, const QString &teamId)
{
    const Status s = m_ctx.engine().assignTeam(Actor::employee(m_ctx.currentEmployeeId()), conversationId, teamId);
    QString name;
    if (!teamId.isEmpty()) {
        Statement &st = m_ctx.reader().cached("SELECT name FROM teams WHERE id = ?");
        st.bind(1, teamId);
        name = st.next() ? st.text(0) : teamId;
        st.reset();
    }
    return done(m_ctx.report(s), teamId.isEmpty() ? tr("No team") : tr("Routed to the team %1").arg(name));
}

bool InboxTriage::setStatus(const QString &conversationId, ConversationStatus status)
{
    if (status == ConversationStatus::Snoozed) {
        return snooze(conversationId);
    }
    const Status s = m_ctx.engine().setStatus(Actor::employee(m_ctx.currentEmployeeId()), conversationId, status);
    return done(m_ctx.report(s), tr("Marked %1").arg(statusLabel(status).toLower()));
}

qint64 InboxTriage::snoozeTarget() const
{
    QTimeZone zone(WorkspaceSettings::timeZoneId(m_ctx.reader()).toUtf8());
    if (!zone.isValid()) {
        zone = QTimeZone::utc();
    }
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_ctx.clock().nowMs(), zone);
    return QDateTime(now.date().addDays(1), QTime(9, 0), zone).toMSecsSinceEpoch();
}

bool InboxTriage::snooze(const QString &conversationId)
{
    return snoozeUntil(conversationId, snoozeTarget());
}

std::optional<qint64> InboxTriage::askSnoozeTime(QWidget *parent)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("snoozeDialog"));
    dialog.setWindowTitle(tr("Snooze until"));
    auto *layout = new QFormLayout(&dialog);
    auto *when = new QDateTimeEdit(&dialog);
    when->setObjectName(QStringLiteral("snoozeUntil"));
    when->setAccessibleName(tr("Snooze until"));
    when->setCalendarPopup(true);
    when->setMinimumDateTime(QDateTime::fromMSecsSinceEpoch(m_ctx.clock().nowMs() + 60'000).toLocalTime());
    when->setDateTime(QDateTime::fromMSecsSinceEpoch(snoozeTarget()).toLocalTime());
    layout->addRow(tr("Back in the inbox on:"), when);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Snooze"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    return when->dateTime().toMSecsSinceEpoch();
}

bool InboxTriage::snoozeAsking(const QString &conversationId, QWidget *parent)
{
    if (conversationId.isEmpty()) {
        return false;
    }
    const auto until = askSnoozeTime(parent);
    return until && snoozeUntil(conversationId, *until);
}

int InboxTriage::applyToMany(const QStringList &conversationIds, const Change &change, const QString &what)
{
    SqliteDb &db = m_ctx.workspace().db();
    const Actor me = Actor::employee(m_ctx.currentEmployeeId());
    int changed = 0;
    std::optional<Error> firstError;
    {
        Transaction tx(db);
        if (!m_ctx.report(tx.began())) {
            return 0;
        }
        for (const QString &id : conversationIds) {
            const Status s = change(m_ctx.engine(), me, id); // each in its own savepoint: a refusal undoes only it
            if (s.ok()) {
                ++changed;
            } else if (!firstError) {
                firstError = s.error();
            }
        }
        if (!m_ctx.report(tx.commit())) {
            return 0;
        }
    }
    m_ctx.notifyChanged(kChanged);
    if (firstError) {
        m_ctx.report(*firstError);
    }
    emit message(changed == 1 ? tr("%1: 1 conversation").arg(what)
                              : tr("%1: %n conversations", nullptr, changed).arg(what));
    return changed;
}

bool InboxTriage::snoozeUntil(const QString &conversationId, qint64 until)
{
    const Status s = m_ctx.engine().setStatus(Actor::employee(m_ctx.currentEmployeeId()), conversationId,
                                              ConversationStatus::Snoozed, until);
    const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(until).toLocalTime(), QLocale::ShortFormat);
    return done(m_ctx.report(s), tr("Snoozed until %1").arg(when));
}

bool InboxTriage::setSpam(const QString &conversationId, bool spam)
{
    const Status s = m_ctx.engine().markSpam(Actor::employee(m_ctx.currentEmployeeId()), conversationId, spam);
    return done(m_ctx.report(s), spam ? tr("Marked as spam: it is in the Spam view") : tr("Not spam any more"));
}

bool InboxTriage::setPriority(const QString &conversationId, int priority)
{
    const Status s = m_ctx.engine().setPriority(Actor::employee(m_ctx.currentEmployeeId()), conversationId, priority);
    return done(m_ctx.report(s), {});
}

bool InboxTriage::setTags(const QString &conversationId, const QStringList &before, const QStringList &after)
{
    const Actor me = Actor::employee(m_ctx.currentEmployeeId());
    bool ok = true;
    for (const QString &tag : before) {
        if (!after.contains(tag)) {
            ok = m_ctx.report(m_ctx.engine().removeTag(me, conversationId, tag)) && ok;
        }
    }
    for (const QString &tag : after) {
        if (!before.contains(tag)) {
            ok = m_ctx.report(m_ctx.engine().addTag(me, conversationId, tag)) && ok;
        }
    }
    m_ctx.notifyChanged(kChanged); // some may have succeeded even if one failed
    return ok;
}

bool InboxTriage::markRead(const QString &conversationId)
{
    const Status s = m_ctx.engine().markRead(Actor::employee(m_ctx.currentEmployeeId()), conversationId);
    return done(m_ctx.report(s), {});
}

bool InboxTriage::reply(const QString &conversationId, const QString &text)
{
    const auto outcome = m_ctx.engine().submitReply(Actor::employee(m_ctx.currentEmployeeId()), conversationId, text);
    if (!outcome.ok()) {
        m_ctx.report(outcome.error());
        return false;
    }
    return done(true,
                outcome.value().replyDraftId.isEmpty() ? tr("Reply queued; it goes out when the account is online")
                                                       : tr("Reply submitted for approval"));
}

bool InboxTriage::addNote(const QString &conversationId, const QString &text)
{
    const auto id = m_ctx.engine().addNote(Actor::employee(m_ctx.currentEmployeeId()), conversationId, text);
    if (!id.ok()) {
        m_ctx.report(id.error());
        return false;
    }
    return done(true, tr("Note added"));
}

bool InboxTriage::approveReply(const QString &draftId, const QString &editedText)
{
    const auto job = m_ctx.engine().approveReply(Actor::employee(m_ctx.currentEmployeeId()), draftId, editedText);
    if (!job.ok()) {
        m_ctx.report(job.error());
        return false;
    }
    return done(true,
                editedText.isEmpty() ? tr("Reply approved and queued")
                                     : tr("Reply approved with your changes and queued"));
}

bool InboxTriage::rejectReply(const QString &draftId, const QString &reason)
{
    const Status s = m_ctx.engine().rejectReply(Actor::employee(m_ctx.currentEmployeeId()), draftId, reason);
    return done(m_ctx.report(s), tr("Reply rejected; its author sees why"));
}

std::optional<Role> InboxTriage::currentRole() const
{
    Statement &st = m_ctx.reader().cached("SELECT role FROM employees WHERE id = ? AND active = 1");
    st.bind(1, m_ctx.currentEmployeeId());
    const auto role = st.next() ? roleFromName(st.text(0)) : std::nullopt;
    st.reset();
    return role;
}

bool InboxTriage::mayTriage() const
{
    const auto role = currentRole();
    return role && canTriage(*role);
}

bool InboxTriage::mayApprove() const
{
    const auto role = currentRole();
    return role && canApprove(*role);
}

bool InboxTriage::mayPublish() const
{
    const auto role = currentRole();
    return role && canPublish(*role);
}

} // namespace sb::ui
