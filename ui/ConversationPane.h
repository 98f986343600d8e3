#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabBar;
class QTextBrowser;
class QToolButton;

namespace sb::models {
class ThreadModel;
class WorkspaceContext;
} // namespace sb::models

namespace sb::ui {

class ComposerGuard;
class InboxApprovalBar;
class InboxAssignPicker;
class InboxCannedMenu;
class MentionCompleter;
class InboxTriage;

// The right pane of the inbox: who wrote, on which account, the triage controls (assignee, status, priority,
// tags), the thread oldest to newest with internal notes inline, and the composer for a reply or a note.
// Text is rendered as plain text only; nothing remote is ever loaded.
class ConversationPane final : public QWidget {
    Q_OBJECT
public:
    ConversationPane(models::WorkspaceContext &ctx, InboxTriage &triage, QWidget *parent = nullptr);
    ~ConversationPane() override;

    QString conversationId() const;
    void setConversation(const QString &conversationId);

    // Assigns the shown conversation, or every one of `targets` when there are several (bulk triage).
    void openAssignPicker(const QStringList &targets = {});
    // Send, insert a canned reply, back to the list: keys of the composer (for the shortcuts overlay).
    QList<QAction *> composerActions() const { return m_composerActions; }
    void focusReply();
    void focusNote();

    // Characters as the network counts them: Bluesky counts graphemes, Mastodon code points with every link
    // counted as 23.
    static int countCharacters(const QString &text, const QString &network);

protected:
    void changeEvent(QEvent *event) override;

signals:
    // The assign picker closed (picked or cancelled): the inbox puts the focus back on the list.
    void assignPickerClosed();
    // The person picked one of the author's other conversations.
    void conversationRequested(const QString &conversationId);
    // A reply or note was sent, or Escape left the composer: the inbox gives the keyboard back to the list.
    void composerDone();

private:
    void reload();
    void showSummary();
    void renderThread(bool keepScroll);
    void updateComposer();
    void send();
    void applyTags();
    void fillTeams(const QString &current);
    void insertCanned(const QString &body); // at the cursor, its variables filled in
    void updatePermissions();
    void updateApproval();

    models::WorkspaceContext &m_ctx;
    InboxTriage &m_triage;
    models::ThreadModel *m_thread;
    QStackedWidget *m_stack;
    QLabel *m_author;
    QLabel *m_meta;
    QLabel *m_history = nullptr; // the author's other conversations, as links
    QComboBox *m_assignee;
    QComboBox *m_status;
    QComboBox *m_priority;
    QComboBox *m_team = nullptr;
    QLineEdit *m_tags;
    InboxAssignPicker *m_picker;
    QTextBrowser *m_threadView;
    InboxApprovalBar *m_approval;
    QTabBar *m_composerMode;
    QPlainTextEdit *m_editor;
    QLabel *m_counter;
    QPushButton *m_send;
    QToolButton *m_canned = nullptr;
    InboxCannedMenu *m_cannedMenu = nullptr;
    MentionCompleter *m_mentions = nullptr;
    ComposerGuard *m_guard = nullptr;
    QStringList m_shownTags;
    QStringList m_assignTargets;
    QList<QAction *> m_composerActions;
};

} // namespace sb::ui
