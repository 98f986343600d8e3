#pragma once

#include "models/ModelRoles.h"

#include <QAbstractListModel>
#include <QString>
#include <QStringList>

#include <vector>

namespace sb::models {

class WorkspaceContext;

// The facts about one conversation that its pane shows above the thread.
struct ConversationSummary {
    QString id;
    QString accountId;
    QString accountHandle;
    QString network;
    QString kind;
    QString status;
    QString assigneeId;
    QString assigneeName;
    QString teamId;
    QString author;
    QString authorHandle;
    QStringList tags;
    int priority = 0;
    int maxChars = 500; // the account's limit, or its network's default
    qint64 slaDueAt = 0;
    qint64 firstResponseAt = 0;
    qint64 snoozedUntil = 0;
    qint64 lastItemAt = 0;
    int itemCount = 0;
    // The author's other conversations, with any of the workspace's accounts (newest first, at most
    // kHistoryShown of historyTotal).
    struct Other {
        QString id;
        QString accountHandle;
        QString network;
        QString status;
        qint64 lastItemAt = 0;
        QString snippet;
    };
    static constexpr int kHistoryShown = 5;
    std::vector<Other> history;
    int historyTotal = 0;

    bool isValid() const { return !id.isEmpty(); }
};

// Default character limit of a network, for accounts without their own.
int defaultMaxChars(const QString &network);

// One conversation's thread, oldest first: inbound and outbound items, internal notes, replies waiting in the
// outbox and replies awaiting approval, merged by time. Text is the sanitized plain text, never HTML.
class ThreadModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThreadModel)
public:
    // DirectionRole values: "in", "out", "note", "queued" (in the outbox), "draft" (awaiting approval/rejected).
    explicit ThreadModel(WorkspaceContext &ctx, QObject *parent = nullptr);
    ~ThreadModel() override;

    QString conversationId() const { return m_summary.id; }
    void setConversation(const QString &conversationId);
    const ConversationSummary &summary() const { return m_summary; }
    // Re-reads the current conversation (after a change anywhere in the workspace).
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

signals:
    void summaryChanged();

private:
    struct Entry {
        QString id;
        QString direction;
        QString state;
        QString author;
        QString text;
        QString detail;
        qint64 at = 0;
        qint64 order = 0; // tie-break within the same millisecond
    };
    void load(const QString &conversationId);

    WorkspaceContext &m_ctx;
    ConversationSummary m_summary;
    std::vector<Entry> m_entries;
};

} // namespace sb::models
