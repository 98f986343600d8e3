#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QModelIndex;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace sb::models {
class InboxModel;
class ViewsModel;
class WorkspaceContext;
} // namespace sb::models

namespace sb::ui {

class ConversationPane;
class InboxTriage;

// The Inbox section, three panes like a mail client: views with live counts | conversations, newest first,
// paged lazily | the selected conversation. Triage is keyboard first: j/k move, a assigns, e resolves, s snoozes,
// r replies, n writes a note, / searches. Every change goes through the engine and refreshes the list in place,
// keeping the selection.
class InboxView final : public QWidget {
    Q_OBJECT
public:
    explicit InboxView(models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~InboxView() override;

    // The triage actions with their single-key shortcuts, for the window's Conversation menu and the "?" panel.
    QList<QAction *> triageActions() const { return m_actions; }
    QList<QAction *> composerActions() const;

    QString currentConversationId() const;
    // The selected conversations (several for bulk triage), else the current one.
    QStringList selectedConversationIds() const;
    bool selectConversation(const QString &conversationId);
    // Shows the conversation: selected in the list when it is there, else in the pane by itself.
    void openConversation(const QString &conversationId);

    // Keeps the current search as a view of one's own, named `name` (asked for when empty).
    void saveSearchAsView(const QString &name = {});

    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

signals:
    void statusMessage(const QString &text);
    void addAccountRequested();
    void demoRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void createActions();
    void updateActions();
    void refresh();
    void updateEmptyState();
    void moveSelection(int delta);
    void toggleCurrentSelected();
    void extendSelection(int delta);
    void selectRow(int row);
    void onCurrentChanged(const QModelIndex &current);
    void onViewChanged(const QModelIndex &current);
    void restoreSelectionAfterReset();
    void focusSearch();
    void focusList();

    models::WorkspaceContext &m_ctx;
    InboxTriage *m_triage;
    models::ViewsModel *m_views;
    models::InboxModel *m_model;
    QStackedWidget *m_stack;
    QSplitter *m_splitter;
    QTreeView *m_viewsTree;
    QLineEdit *m_search;
    QAction *m_saveSearch = nullptr;
    QTimer *m_searchDelay;
    QTimer *m_slaTick;
    QTreeView *m_list;
    ConversationPane *m_pane;
    QList<QAction *> m_actions;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
    QAction *m_assign = nullptr;
    QAction *m_resolve = nullptr;
    QAction *m_reopen = nullptr;
    QAction *m_pending = nullptr;
    QAction *m_snooze = nullptr;
    QAction *m_snoozeUntil = nullptr;
    QAction *m_spam = nullptr;
    QAction *m_reply = nullptr;
    QAction *m_note = nullptr;
    QAction *m_find = nullptr;
    QAction *m_toggleSelect = nullptr;
    QAction *m_extendDown = nullptr;
    QAction *m_extendUp = nullptr;
    QLabel *m_selectionBar = nullptr; // "3 conversations selected: ..."

    // Selection kept across a model reset: the same conversation if still listed, else the row where it was
    // (the next one) when the reset came from a refresh after a triage action.
    QString m_keepId;
    int m_keepRow = -1;
    bool m_refreshing = false;
    bool m_active = false;
};

} // namespace sb::ui
