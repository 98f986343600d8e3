#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace sb {
class Engine;
struct Actor;
} // namespace sb

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

// The inbox's commands: each is one engine call as the signed-in employee, then a report of any error and a
// change notification so every view re-reads the store. Widgets call these; they never touch the engine.
class InboxTriage final : public QObject {
    Q_OBJECT
public:
    explicit InboxTriage(models::WorkspaceContext &ctx, QObject *parent = nullptr);

    bool assign(const QString &conversationId, const QString &employeeId);
    bool assignTeam(const QString &conversationId, const QString &teamId); // empty: no team
    bool setStatus(const QString &conversationId, ConversationStatus status);
    bool snooze(const QString &conversationId); // until the next morning, 09:00 in the workspace's time zone
    bool snoozeUntil(const QString &conversationId, qint64 untilMs);
    // Asks until when (a date and time, the next morning 09:00 offered), then snoozes.
    bool snoozeAsking(const QString &conversationId, QWidget *parent);
    bool setPriority(const QString &conversationId, int priority);
    // Spam leaves every view but Spam; marking it "not spam" brings it back.
    bool setSpam(const QString &conversationId, bool spam);
    bool setTags(const QString &conversationId, const QStringList &before, const QStringList &after);
    bool markRead(const QString &conversationId);
    bool reply(const QString &conversationId, const QString &text);
    bool addNote(const QString &conversationId, const QString &text);
    bool approveReply(const QString &draftId, const QString &editedText = {}); // empty: as the author wrote it
    bool rejectReply(const QString &draftId, const QString &reason);

    // The same change to several selected conversations, in one transaction: one refresh and one message
    // ("<what>: 5 conversations"). A conversation the engine refuses is left as it was; the first refusal is
    // reported. Returns how many were changed.
    using Change = std::function<Status(Engine &, const Actor &, const QString &)>;
    int applyToMany(const QStringList &conversationIds, const Change &change, const QString &what);
    // Asks until when to snooze (a date and time, the next morning 09:00 offered); nullopt when cancelled.
    std::optional<qint64> askSnoozeTime(QWidget *parent);

    // What the signed-in employee's role allows (the engine checks again; this only shapes the UI).
    bool mayTriage() const;
    bool mayPublish() const;
    bool mayApprove() const;
    // 09:00 tomorrow in the workspace's time zone, as ms since the epoch.
    qint64 snoozeTarget() const;

signals:
    // A short confirmation for the status bar ("Assigned to Mona", "Reply queued").
    void message(const QString &text);

private:
    bool done(bool ok, const QString &confirmation);
    std::optional<Role> currentRole() const;

    models::WorkspaceContext &m_ctx;
};

} // namespace sb::ui
