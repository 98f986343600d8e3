#pragma once

#include <QDate>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QToolButton;
class QListView;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace sb::models {
class CalendarModel;
class WorkspaceContext;
} // namespace sb::models

namespace sb::ui {

class CalendarMonthGrid;
class PostComposerDialog;
class PostDetailsDialog;
class CalendarWeekGrid;

// The publishing calendar: a month grid with posts and campaigns, and an agenda of the next posts.
class CalendarView final : public QWidget {
    Q_OBJECT
public:
    explicit CalendarView(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~CalendarView() override;

    CalendarMonthGrid *monthGrid() const { return m_grid; }
    CalendarWeekGrid *weekGrid() const { return m_week; }
    sb::models::CalendarModel *weekModel() const { return m_weekModel; }
    bool showsWeek() const;
    sb::models::CalendarModel *monthModel() const { return m_monthModel; }
    sb::models::CalendarModel *agendaModel() const { return m_agendaModel; }

public slots:
    void refresh();
    void showPreviousMonth();
    void showNextMonth();
    void showToday();
    // Month grid or week hour grid (Ctrl+1 / Ctrl+2).
    // Opens the composer for a new post on `day` (the selected day when invalid); returns the open dialog.
    PostComposerDialog *newPost(QDate day = {});
    // Opens a post: its text per account, and its review.
    PostDetailsDialog *openPost(const QString &postId);
    void showMonthView();
    void showWeekView();
    // The selected post in "Needs attention": a missed one goes out now, a failed one's failed variants again.
    void publishSelectedNow();
    void retrySelected();
    // Moves a post to another day at the same local time in its own zone; undo() puts it back.
    void movePost(const QString &postId, QDate from, QDate to);
    void undoMove();
    // Only posts of one account, campaign, state or author, in the month and the agenda alike.
    void applyFilters();
    void clearFilters();

private:
    void onMonthChanged(QDate firstOfMonth);
    void onWeekChanged(QDate firstDay);
    void refreshAttention();
    void updateAttentionButtons();
    QDate today() const;

    sb::models::WorkspaceContext &m_ctx;
    sb::models::CalendarModel *m_monthModel = nullptr;
    sb::models::CalendarModel *m_agendaModel = nullptr;
    CalendarMonthGrid *m_grid = nullptr;
    sb::models::CalendarModel *m_weekModel = nullptr;
    CalendarWeekGrid *m_week = nullptr;
    QStackedWidget *m_views = nullptr;
    QToolButton *m_monthMode = nullptr;
    QToolButton *m_weekMode = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_zone = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QToolButton *m_today = nullptr;
    QListView *m_agenda = nullptr;
    QLabel *m_agendaEmpty = nullptr;
    QWidget *m_attentionBox = nullptr;
    QListWidget *m_attention = nullptr;
    QPushButton *m_publishNow = nullptr;
    QPushButton *m_retry = nullptr;
    QLabel *m_attentionMessage = nullptr;
    void refreshFilterChoices();
    QComboBox *m_accountFilter = nullptr;
    QComboBox *m_campaignFilter = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QComboBox *m_authorFilter = nullptr;
    QToolButton *m_clearFilters = nullptr;
    QWidget *m_moveBar = nullptr;
    QLabel *m_moveMessage = nullptr;
    QPushButton *m_undo = nullptr;
    struct Move {
        QString postId;
        qint64 previousAt = 0;
    };
    std::optional<Move> m_lastMove;
};

} // namespace sb::ui
