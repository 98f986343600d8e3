#pragma once

#include <QObject>
#include <QString>

class QLabel;
class QTimer;
class QWidget;

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

// Keeps two people from answering the same customer. While a conversation is open it tells other processes so
// (presence, refreshed every 20 s, "writing" while the reply has text), shows who else is on it in a banner, and
// before a reply is sent asks when someone else replied, has a reply on its way or awaiting approval, or is on the
// conversation right now.
class ComposerGuard final : public QObject {
    Q_OBJECT
public:
    ComposerGuard(models::WorkspaceContext &ctx, QLabel *banner, QWidget *dialogParent);
    ~ComposerGuard() override;

    void setConversation(const QString &conversationId);
    void setComposing(bool composing);
    // True when the reply may go: nobody else is on it, or the person chose to send anyway.
    bool confirmReply();

public slots:
    void refreshBanner();

private:
    void touch();

    models::WorkspaceContext &m_ctx;
    QLabel *m_banner;
    QWidget *m_dialogParent;
    QTimer *m_heartbeat;
    QTimer *m_settle; // the selection rested: record it
    QString m_conversationId;
    QString m_recordedIn; // the conversation our presence row is on, if any
    bool m_composing = false;
};

} // namespace sb::ui
