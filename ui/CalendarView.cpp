#include "ui/CalendarView.h"

#include "core/Clock.h"
#include "core/LocalTime.h"
#include "engine/Engine.h"
#include "models/CalendarModel.h"
#include "models/RosterModel.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"
#include "ui/BestTimeDialog.h"
#include "ui/CalendarAgendaDelegate.h"
#include "ui/CalendarMonthGrid.h"
#include "ui/CalendarWeekGrid.h"
#include "ui/PostComposerDialog.h"
#include "ui/PostDetailsDialog.h"

#include <QComboBox>
#include <QDateTime>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

namespace sb::ui {

using sb::models::CalendarModel;

namespace {

constexpr int kAgendaDays = 30;

QPixmap swatch(const QColor &colour, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRoundedRect(QRectF(0, 0, size, size), 2, 2);
    return pm;
}

// Which colour means which state, in words: the chips pair colour with text, the legend teaches the colours.
QWidget *stateLegend(QWidget *parent)
{
    auto *legend = new QWidget(parent);
    legend->setObjectName(QStringLiteral("calendarLegend"));
    auto *row = new QHBoxLayout(legend);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    const int size = legend->fontMetrics().height() * 2 / 3;
    for (PostState state : {PostState::Draft, PostState::InReview, PostState::Approved, PostState::Scheduled,
                            PostState::Published, PostState::Failed, PostState::Missed}) {
        auto *mark = new QLabel(legend);
        mark->setPixmap(swatch(CalendarModel::stateColor(state), size));
        row->addWidget(mark);
        row->addWidget(new QLabel(postStateLabel(state), legend));
        row->addSpacing(8);
    }
    row->addStretch(1);
    return legend;
}

} // namespace

CalendarView::CalendarView(sb::models::WorkspaceContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("calendarView"));
    m_monthModel = new CalendarModel(ctx.reader(), this);
    m_monthModel->setObjectName(QStringLiteral("calendarMonthModel"));
    m_agendaModel = new CalendarModel(ctx.reader(), this);
    m_agendaModel->setObjectName(QStringLiteral("calendarAgendaModel"));

    // Header: month navigation, the month, and the zone every time is shown in.
    m_previous = new QToolButton(this);
    m_previous->setObjectName(QStringLiteral("calendarPrevious"));
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setAutoRaise(true);
    m_previous->setToolTip(tr("Previous month (Page Up)"));
    m_previous->setAccessibleName(tr("Previous month"));
    m_today = new QToolButton(this);
    m_today->setObjectName(QStringLiteral("calendarToday"));
    m_today->setText(tr("Today"));
    m_today->setToolTip(tr("Go to today (Home)"));
    m_today->setAccessibleName(tr("Go to today"));
    m_next = new QToolButton(this);
    m_next->setObjectName(QStringLiteral("calendarNext"));
    m_next->setArrowType(Qt::RightArrow);
    m_next->setAutoRaise(true);
    m_next->setToolTip(tr("Next month (Page Down)"));
    m_next->setAccessibleName(tr("Next month"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("calendarTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_zone = new QLabel(this);
    m_zone->setObjectName(QStringLiteral("calendarTimeZone"));
    m_zone->setToolTip(tr("The workspace's time zone, set in Settings"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_previous);
    header->addWidget(m_today);
    header->addWidget(m_next);
    header->addSpacing(8);
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_zone);

    m_grid = new CalendarMonthGrid(*m_monthModel, this);
    m_weekModel = new CalendarModel(ctx.reader(), this);
    m_weekModel->setObjectName(QStringLiteral("calendarWeekModel"));
    m_week = new CalendarWeekGrid(*m_weekModel, this);
    m_views = new QStackedWidget(this);
    m_views->addWidget(m_grid);
    m_views->addWidget(m_week);
    m_monthMode = new QToolButton(this);
    m_monthMode->setObjectName(QStringLiteral("calendarMonthMode"));
    m_monthMode->setText(tr("Month"));
    m_monthMode->setCheckable(true);
    m_monthMode->setChecked(true);
    m_monthMode->setToolTip(tr("The month as a grid of days (Ctrl+1)"));
    m_weekMode = new QToolButton(this);
    m_weekMode->setObjectName(QStringLiteral("calendarWeekMode"));
    m_weekMode->setText(tr("Week"));
    m_weekMode->setCheckable(true);
    m_weekMode->setToolTip(tr("A week hour by hour (Ctrl+2)"));
    auto *newPostButton = new QPushButton(tr("&New post…"), this);
    newPostButton->setObjectName(QStringLiteral("calendarNewPost"));
    newPostButton->setToolTip(tr("Write a post for the selected day (or double-click a day)"));
    connect(newPostButton, &QPushButton::clicked, this, [this] { newPost(); });
    connect(m_grid, &CalendarMonthGrid::dayActivated, this, [this](QDate day) { newPost(day); });
    connect(m_grid, &CalendarMonthGrid::postActivated, this, [this](const QString &id) { openPost(id); });
    auto *bestTime = new QPushButton(tr("&Best time…"), this);
    bestTime->setObjectName(QStringLiteral("calendarBestTime"));
    bestTime->setToolTip(tr("When each account's posts earned most, hour by hour"));
    connect(bestTime, &QPushButton::clicked, this, [this] {
        auto *dialog = new BestTimeDialog(m_ctx, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->resize(760, 420);
        dialog->open();
    });
    const int afterTitle = header->indexOf(m_title) + 1;
    header->insertWidget(afterTitle, bestTime);
    header->insertWidget(afterTitle, newPostButton);
    header->insertSpacing(afterTitle, 16);
    header->insertSpacing(afterTitle, 16);
    header->insertWidget(afterTitle + 1, m_monthMode);
    header->insertWidget(afterTitle + 2, m_weekMode);
    connect(m_monthMode, &QToolButton::clicked, this, &CalendarView::showMonthView);
    connect(m_weekMode, &QToolButton::clicked, this, &CalendarView::showWeekView);
    connect(m_week, &CalendarWeekGrid::weekChanged, this, &CalendarView::onWeekChanged);
    auto *monthShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_1), this);
    monthShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(monthShortcut, &QShortcut::activated, this, &CalendarView::showMonthView);
    auto *weekShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_2), this);
    weekShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(weekShortcut, &QShortcut::activated, this, &CalendarView::showWeekView);
    auto *monthPane = new QWidget(this);
    auto *monthLayout = new QVBoxLayout(monthPane);
    monthLayout->setContentsMargins(0, 0, 0, 0);
    // What the last drag did, with the way back.
    m_moveBar = new QFrame(monthPane);
    m_moveBar->setObjectName(QStringLiteral("calendarMoveBar"));
    m_moveMessage = new QLabel(m_moveBar);
    m_moveMessage->setObjectName(QStringLiteral("calendarMoveMessage"));
    m_moveMessage->setWordWrap(true);
    m_undo = new QPushButton(tr("&Undo"), m_moveBar);
    m_undo->setObjectName(QStringLiteral("calendarUndo"));
    m_undo->setToolTip(tr("Put the post back where it was (Ctrl+Z)"));
    auto *moveLayout = new QHBoxLayout(m_moveBar);
    moveLayout->setContentsMargins(0, 0, 0, 4);
    moveLayout->addWidget(m_moveMessage, 1);
    moveLayout->addWidget(m_undo);
    m_moveBar->hide();
    monthLayout->addWidget(m_moveBar);
    monthLayout->addWidget(m_views, 1);
    connect(m_grid, &CalendarMonthGrid::postMoved, this, &CalendarView::movePost);
    connect(m_undo, &QPushButton::clicked, this, &CalendarView::undoMove);
    auto *undoShortcut = new QShortcut(QKeySequence::Undo, this);
    undoShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(undoShortcut, &QShortcut::activated, this, &CalendarView::undoMove);
    monthLayout->addWidget(stateLegend(monthPane));

    // Agenda: the next posts, whatever month is shown.
    auto *agendaPane = new QWidget(this);
    auto *agendaLayout = new QVBoxLayout(agendaPane);
    agendaLayout->setContentsMargins(0, 0, 0, 0);
    auto *agendaTitle = new QLabel(tr("Next %n day(s)", nullptr, kAgendaDays), agendaPane);
    QFont bold = agendaTitle->font();
    bold.setBold(true);
    agendaTitle->setFont(bold);
    m_agenda = new QListView(agendaPane);
    m_agenda->setObjectName(QStringLiteral("calendarAgenda"));
    m_agenda->setAccessibleName(tr("Upcoming posts"));
    m_agenda->setModel(m_agendaModel);
    m_agenda->setModelColumn(CalendarModel::WhenColumn);
    m_agenda->setItemDelegate(new CalendarAgendaDelegate(m_agenda));
    m_agenda->setUniformItemSizes(true);
    m_agenda->setMouseTracking(true);
    m_agendaEmpty = new QLabel(tr("Nothing is scheduled for the next %n day(s).", nullptr, kAgendaDays), agendaPane);
    m_agendaEmpty->setObjectName(QStringLiteral("calendarAgendaEmpty"));
    m_agendaEmpty->setWordWrap(true);
    agendaTitle->setBuddy(m_agenda);
    agendaLayout->addWidget(agendaTitle);
    agendaLayout->addWidget(m_agenda, 1);
    agendaLayout->addWidget(m_agendaEmpty);

    // Needs attention: posts that missed their time (nothing was running) or failed on some account; a person
    // decides what happens to them.
    auto *attention = new QGroupBox(tr("Needs attention"), agendaPane);
    m_attentionBox = attention;
    attention->setObjectName(QStringLiteral("calendarAttention"));
    m_attention = new QListWidget(attention);
    m_attention->setObjectName(QStringLiteral("calendarAttentionList"));
    m_attention->setAccessibleName(tr("Posts that missed their time or failed"));
    m_attention->setWordWrap(true);
    m_publishNow = new QPushButton(tr("Publish &now"), attention);
    m_publishNow->setObjectName(QStringLiteral("calendarPublishNow"));
    m_publishNow->setToolTip(tr("Send the missed post now"));
    m_retry = new QPushButton(tr("Re&try"), attention);
    m_retry->setObjectName(QStringLiteral("calendarRetry"));
    m_retry->setToolTip(tr("Send the post again where it failed"));
    m_attentionMessage = new QLabel(attention);
    m_attentionMessage->setObjectName(QStringLiteral("calendarAttentionMessage"));
    m_attentionMessage->setWordWrap(true);
    auto *attentionButtons = new QHBoxLayout;
    attentionButtons->addWidget(m_publishNow);
    attentionButtons->addWidget(m_retry);
    attentionButtons->addStretch(1);
    auto *attentionLayout = new QVBoxLayout(attention);
    attentionLayout->addWidget(m_attention, 1);
    attentionLayout->addLayout(attentionButtons);
    attentionLayout->addWidget(m_attentionMessage);
    agendaLayout->addWidget(attention);
    connect(m_attention, &QListWidget::currentRowChanged, this, &CalendarView::updateAttentionButtons);
    connect(m_publishNow, &QPushButton::clicked, this, &CalendarView::publishSelectedNow);
    connect(m_retry, &QPushButton::clicked, this, &CalendarView::retrySelected);
    connect(&ctx, &sb::models::WorkspaceContext::currentEmployeeChanged, this, &CalendarView::updateAttentionButtons);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("calendarSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(monthPane);
    splitter->addWidget(agendaPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({980, 300});

    // Filters: which posts the month and the agenda show.
    const auto makeFilter = [this](const char *name, const QString &accessible) {
        auto *box = new QComboBox(this);
        box->setObjectName(QString::fromLatin1(name));
        box->setAccessibleName(accessible);
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(box, &QComboBox::activated, this, &CalendarView::applyFilters);
        return box;
    };
    m_accountFilter = makeFilter("calendarAccountFilter", tr("Show the posts of the account"));
    m_campaignFilter = makeFilter("calendarCampaignFilter", tr("Show the posts of the campaign"));
    m_stateFilter = makeFilter("calendarStateFilter", tr("Show the posts in the state"));
    m_authorFilter = makeFilter("calendarAuthorFilter", tr("Show the posts by"));
    m_clearFilters = new QToolButton(this);
    m_clearFilters->setObjectName(QStringLiteral("calendarClearFilters"));
    m_clearFilters->setText(tr("Show all"));
    m_clearFilters->setToolTip(tr("Clear the filters"));
    connect(m_clearFilters, &QToolButton::clicked, this, &CalendarView::clearFilters);
    auto *filters = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("&Show:"), this);
    filterLabel->setBuddy(m_accountFilter);
    filters->addWidget(filterLabel);
    filters->addWidget(m_accountFilter);
    filters->addWidget(m_campaignFilter);
    filters->addWidget(m_stateFilter);
    filters->addWidget(m_authorFilter);
    filters->addWidget(m_clearFilters);
    filters->addStretch(1);
    refreshFilterChoices();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    setFocusProxy(m_grid);

    connect(m_previous, &QToolButton::clicked, this, &CalendarView::showPreviousMonth);
    connect(m_next, &QToolButton::clicked, this, &CalendarView::showNextMonth);
    connect(m_today, &QToolButton::clicked, this, &CalendarView::showToday);
    connect(m_grid, &CalendarMonthGrid::monthChanged, this, &CalendarView::onMonthChanged);
    connect(m_agenda, &QListView::activated, this, [this](const QModelIndex &index) {
        m_grid->setSelectedDate(index.data(CalendarModel::LocalDateRole).toDate());
        m_grid->setFocus();
    });
    connect(&ctx, &sb::models::WorkspaceContext::changed, this, &CalendarView::refresh);

    const QDate now = today();
    m_grid->setToday(now);
    m_grid->setSelectedDate(now); // shows the month, which loads it
    refresh();
}

CalendarView::~CalendarView() = default;

QDate CalendarView::today() const
{
    const QTimeZone zone(WorkspaceSettings::timeZoneId(m_ctx.reader()).toUtf8());
    return QDateTime::fromMSecsSinceEpoch(m_ctx.clock().nowMs(), zone.isValid() ? zone : QTimeZone::utc()).date();
}

void CalendarView::refreshFilterChoices()
{
    const auto fill = [this](QComboBox *box, const QString &all, const QString &sql) {
        const QString kept = box->currentData().toString();
        box->clear();
        box->addItem(all, QString());
        auto st = m_ctx.reader().prepare(sql);
        if (st.ok()) {
            while (st.value().next()) {
                box->addItem(st.value().text(1), st.value().text(0));
            }
        }
        box->setCurrentIndex(std::max(0, box->findData(kept)));
    };
    fill(m_accountFilter, tr("All accounts"),
         QStringLiteral("SELECT id, handle FROM accounts WHERE archived = 0 ORDER BY handle"));
    fill(m_campaignFilter, tr("All campaigns"),
         QStringLiteral("SELECT id, name FROM campaigns ORDER BY starts_on DESC"));
    fill(m_authorFilter, tr("Everyone's"),
         QStringLiteral("SELECT id, name FROM employees WHERE id IN (SELECT author_id FROM posts) ORDER BY name"));
    if (m_stateFilter->count() == 0) {
        m_stateFilter->addItem(tr("Every state"), QString());
        for (PostState state :
             {PostState::Draft, PostState::InReview, PostState::Approved, PostState::Scheduled, PostState::Publishing,
              PostState::Published, PostState::PartiallyPublished, PostState::Failed, PostState::Missed}) {
            m_stateFilter->addItem(postStateLabel(state), postStateName(state));
        }
    }
    m_clearFilters->setVisible(!m_monthModel->filter().isEmpty());
}

void CalendarView::applyFilters()
{
    CalendarModel::Filter filter;
    filter.accountId = m_accountFilter->currentData().toString();
    filter.campaignId = m_campaignFilter->currentData().toString();
    filter.authorId = m_authorFilter->currentData().toString();
    filter.state = postStateFromName(m_stateFilter->currentData().toString());
    m_monthModel->setFilter(filter);
    m_weekModel->setFilter(filter);
    m_agendaModel->setFilter(filter);
    m_clearFilters->setVisible(!filter.isEmpty());
    const bool empty = m_agendaModel->rowCount() == 0;
    m_agenda->setVisible(!empty);
    m_agendaEmpty->setVisible(empty);
}

void CalendarView::clearFilters()
{
    for (QComboBox *box : {m_accountFilter, m_campaignFilter, m_stateFilter, m_authorFilter}) {
        box->setCurrentIndex(0);
    }
    applyFilters();
}

void CalendarView::refresh()
{
    refreshFilterChoices();
    const QDate now = today();
    m_grid->setToday(now);
    m_monthModel->setRange(m_grid->firstShown(), m_grid->lastShown());
    if (m_week->weekStart().isValid()) {
        m_weekModel->setRange(m_week->weekStart(), m_week->lastDay());
    }
    const QDateTime nowLocal = QDateTime::fromMSecsSinceEpoch(m_ctx.clock().nowMs(), m_monthModel->zone());
    m_week->setToday(now, nowLocal.time().hour() * 60 + nowLocal.time().minute());
    m_agendaModel->setRange(now, now.addDays(kAgendaDays - 1), 200);
    const bool empty = m_agendaModel->rowCount() == 0;
    m_agenda->setVisible(!empty);
    m_agendaEmpty->setVisible(empty);

    refreshAttention();

    const QTimeZone zone = m_monthModel->zone();
    const QDateTime instant = QDateTime::fromMSecsSinceEpoch(m_ctx.clock().nowMs(), zone);
    m_zone->setText(
        tr("Times in %1 (%2)").arg(QString::fromUtf8(zone.id()), zone.displayName(instant, QTimeZone::OffsetName)));
}

void CalendarView::onMonthChanged(QDate firstOfMonth)
{
    if (showsWeek()) {
        return;
    }
    const QLocale locale;
    m_title->setText(
        tr("%1 %2").arg(locale.standaloneMonthName(firstOfMonth.month()), QString::number(firstOfMonth.year())));
    m_grid->setAccessibleName(tr("Month calendar, %1").arg(m_title->text()));
    m_monthModel->setRange(m_grid->firstShown(), m_grid->lastShown());
}

void CalendarView::showPreviousMonth()
{
    if (showsWeek()) {
        m_week->showWeekOf(m_week->weekStart().addDays(-7));
        return;
    }
    m_grid->setSelectedDate(m_grid->selectedDate().addMonths(-1));
}

void CalendarView::showNextMonth()
{
    if (showsWeek()) {
        m_week->showWeekOf(m_week->weekStart().addDays(7));
        return;
    }
    m_grid->setSelectedDate(m_grid->selectedDate().addMonths(1));
}

void CalendarView::showToday()
{
    if (showsWeek()) {
        m_week->showWeekOf(today());
        return;
    }
    m_grid->setSelectedDate(today());
}

PostComposerDialog *CalendarView::newPost(QDate day)
{
    const QDate on = day.isValid() ? day : (m_grid->selectedDate().isValid() ? m_grid->selectedDate() : today());
    auto *composer = new PostComposerDialog(m_ctx, std::max(on, today()), this);
    composer->setAttribute(Qt::WA_DeleteOnClose);
    connect(composer, &PostComposerDialog::postCreated, this, [this](const QString &) { m_grid->setFocus(); });
    composer->open();
    return composer;
}

PostDetailsDialog *CalendarView::openPost(const QString &postId)
{
    auto *dialog = new PostDetailsDialog(m_ctx, postId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

bool CalendarView::showsWeek() const
{
    return m_views->currentWidget() == m_week;
}

void CalendarView::showMonthView()
{
    m_monthMode->setChecked(true);
    m_weekMode->setChecked(false);
    m_views->setCurrentWidget(m_grid);
    m_previous->setToolTip(tr("Previous month (Page Up)"));
    m_next->setToolTip(tr("Next month (Page Down)"));
    onMonthChanged(m_grid->month());
    m_grid->setFocus();
}

void CalendarView::showWeekView()
{
    m_monthMode->setChecked(false);
    m_weekMode->setChecked(true);
    m_views->setCurrentWidget(m_week);
    m_previous->setToolTip(tr("Previous week"));
    m_next->setToolTip(tr("Next week"));
    const QDate day = m_grid->selectedDate().isValid() ? m_grid->selectedDate() : today();
    if (m_week->weekStart().isValid() && m_week->weekStart().daysTo(day) >= 0 && m_week->weekStart().daysTo(day) < 7) {
        onWeekChanged(m_week->weekStart());
    } else {
        m_week->showWeekOf(day);
    }
    m_week->setFocus();
}

void CalendarView::onWeekChanged(QDate firstDay)
{
    const QLocale locale;
    const QDate last = firstDay.addDays(6);
    m_title->setText(tr("%1 – %2").arg(locale.toString(firstDay, QStringLiteral("d MMM")),
                                       locale.toString(last, QStringLiteral("d MMM yyyy"))));
    m_week->setAccessibleName(tr("Week calendar, %1").arg(m_title->text()));
    m_weekModel->setRange(firstDay, last);
}

namespace {
constexpr int kPostIdRole = Qt::UserRole + 1;
constexpr int kPostStateRole = Qt::UserRole + 2;
} // namespace

void CalendarView::refreshAttention()
{
    const QString keep
        = m_attention->currentItem() ? m_attention->currentItem()->data(kPostIdRole).toString() : QString();
    m_attention->clear();
    const QTimeZone zone = m_monthModel->zone();
    const QLocale locale;
    auto st = m_ctx.reader().prepare(QStringLiteral(
        "SELECT p.id, p.state, p.scheduled_at, (SELECT text FROM post_variants WHERE post_id = p.id ORDER BY "
        "account_id "
        "LIMIT 1), (SELECT group_concat(a.handle || ': ' || coalesce(v.error, ''), '; ') FROM post_variants v "
        "JOIN accounts a ON a.id = v.account_id WHERE v.post_id = p.id AND v.state = 'failed') FROM posts p "
        "WHERE p.state IN ('missed', 'failed', 'partially_published') ORDER BY p.scheduled_at DESC LIMIT 100"));
    if (st.ok()) {
        Statement &p = st.value();
        while (p.next()) {
            const QString state = p.text(1);
            const QString when = p.isNull(2)
                ? QString()
                : locale.toString(QDateTime::fromMSecsSinceEpoch(p.int64(2), zone), QStringLiteral("ddd d MMM, HH:mm"));
            const QString what = state == QLatin1String("missed") ? tr("Missed %1").arg(when)
                : state == QLatin1String("failed")                ? tr("Failed, due %1").arg(when)
                                                                  : tr("Partly published, due %1").arg(when);
            auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(what, p.text(3).simplified().left(120)));
            item->setData(kPostIdRole, p.text(0));
            item->setData(kPostStateRole, state);
            if (!p.text(4).isEmpty()) {
                item->setToolTip(tr("Failed on %1").arg(p.text(4)));
            }
            m_attention->addItem(item);
            if (p.text(0) == keep) {
                m_attention->setCurrentItem(item);
            }
        }
    }
    m_attentionBox->setVisible(m_attention->count() > 0);
    if (!m_attention->currentItem() && m_attention->count() > 0) {
        m_attention->setCurrentRow(0);
    }
    updateAttentionButtons();
}

void CalendarView::updateAttentionButtons()
{
    const auto role = sb::models::RosterModel::roleOf(m_ctx.reader(), m_ctx.currentEmployeeId());
    const bool may = role && canPublish(*role);
    const QString state
        = m_attention->currentItem() ? m_attention->currentItem()->data(kPostStateRole).toString() : QString();
    m_publishNow->setEnabled(may && state == QLatin1String("missed"));
    m_retry->setEnabled(may && (state == QLatin1String("failed") || state == QLatin1String("partially_published")));
    // Who may decide is said once, and taken back when someone who may is signed in.
    if (!may && !state.isEmpty()) {
        m_attentionMessage->setText(tr("A community manager, manager or admin decides what happens to these posts."));
        m_attentionMessage->setProperty("roleNote", true);
    } else if (may && m_attentionMessage->property("roleNote").toBool()) {
        m_attentionMessage->clear();
        m_attentionMessage->setProperty("roleNote", false);
    }
}

void CalendarView::movePost(const QString &postId, QDate from, QDate to)
{
    Statement &st
        = m_ctx.reader().cached("SELECT scheduled_at, coalesce(time_zone, ''), state FROM posts WHERE id = ?");
    st.bind(1, postId);
    if (!st.next()) {
        st.reset();
        return;
    }
    const qint64 previous = st.int64(0);
    const QTimeZone own(st.text(1).toUtf8());
    const QString stateBefore = st.text(2);
    st.reset();
    const QTimeZone zone = own.isValid() ? own : m_monthModel->zone();
    // The same local time in the post's own zone, the days moved later or earlier.
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(previous, zone);
    const QDate day = local.date().addDays(from.daysTo(to));
    const LocalTimeResolution resolved = resolveLocalTime(day, local.time(), zone);
    const QString when = QLocale().toString(day, QStringLiteral("ddd d MMM")) + QStringLiteral(", ")
        + CalendarModel::formatTime(local.time());
    m_moveBar->show();
    if (resolved.isGap()) {
        m_undo->hide();
        m_moveMessage->setText(tr("%1 does not exist in %2: the clocks skip it for daylight saving. The post stays "
                                  "where it was.")
                                   .arg(when, QString::fromUtf8(zone.id())));
        return;
    }
    const Status s
        = m_ctx.engine().reschedulePost(Actor::employee(m_ctx.currentEmployeeId()), postId, resolved.instants.front());
    if (!m_ctx.report(s)) {
        m_undo->hide();
        m_moveMessage->setText(s.error().message);
        return;
    }
    m_lastMove = Move {postId, previous};
    Statement &after = m_ctx.reader().cached("SELECT state FROM posts WHERE id = ?");
    after.bind(1, postId);
    const QString stateAfter = after.next() ? after.text(0) : stateBefore;
    after.reset();
    QString text = tr("Moved to %1 (%2).").arg(when, QString::fromUtf8(zone.id()));
    if (resolved.isAmbiguous()) {
        text += QLatin1Char(' ') + tr("That time happens twice there; it goes out at the first.");
    }
    if (stateAfter != stateBefore && stateAfter == QLatin1String("in_review")) {
        text += QLatin1Char(' ') + tr("A new time is a change: it goes back to review.");
    }
    m_moveMessage->setText(text);
    m_undo->show();
    m_ctx.notifyChanged(QStringLiteral("posts"));
}

void CalendarView::undoMove()
{
    if (!m_lastMove) {
        return;
    }
    const Move move = *std::exchange(m_lastMove, std::nullopt);
    const Status s
        = m_ctx.engine().reschedulePost(Actor::employee(m_ctx.currentEmployeeId()), move.postId, move.previousAt);
    m_undo->hide();
    if (!m_ctx.report(s)) {
        m_moveMessage->setText(s.error().message);
        return;
    }
    m_moveMessage->setText(tr("The post is back at its earlier time."));
    m_ctx.notifyChanged(QStringLiteral("posts"));
}

void CalendarView::publishSelectedNow()
{
    if (!m_attention->currentItem()) {
        return;
    }
    const QString post = m_attention->currentItem()->data(kPostIdRole).toString();
    const Status s = m_ctx.engine().publishMissedNow(Actor::employee(m_ctx.currentEmployeeId()), post);
    if (m_ctx.report(s)) {
        m_attentionMessage->setText(tr("The post goes out with the next pass of the outbox."));
        m_ctx.notifyChanged(QStringLiteral("posts"));
    } else {
        m_attentionMessage->setText(s.error().message);
    }
}

void CalendarView::retrySelected()
{
    if (!m_attention->currentItem()) {
        return;
    }
    const QString post = m_attention->currentItem()->data(kPostIdRole).toString();
    QStringList failed;
    Statement &st = m_ctx.reader().cached("SELECT id FROM post_variants WHERE post_id = ? AND state = 'failed'");
    st.bind(1, post);
    while (st.next()) {
        failed << st.text(0);
    }
    st.reset();
    for (const QString &variant : failed) {
        const Status s = m_ctx.engine().retryVariant(Actor::employee(m_ctx.currentEmployeeId()), variant);
        if (!m_ctx.report(s)) {
            m_attentionMessage->setText(s.error().message);
            return;
        }
    }
    m_attentionMessage->setText(tr("Sent again where it failed: it goes out with the next pass of the outbox."));
    m_ctx.notifyChanged(QStringLiteral("posts"));
}

} // namespace sb::ui
