#include "ui/ConversationPane.h"

#include "channels/PostLength.h"
#include "core/Clock.h"
#include "core/Domain.h"
#include "engine/CannedReplies.h"
#include "engine/Engine.h"
#include "models/EmployeesModel.h"
#include "models/InboxModel.h"
#include "models/ModelRoles.h"
#include "models/ThreadModel.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"
#include "ui/ComposerGuard.h"
#include "ui/Icons.h"
#include "ui/InboxApprovalBar.h"
#include "ui/InboxAssignPicker.h"
#include "ui/InboxCannedMenu.h"
#include "ui/InboxTriage.h"
#include "ui/MentionCompleter.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabBar>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace sb::ui {

namespace {
enum ComposerMode { ReplyMode, NoteMode };

QString kindLabel(const QString &kind)
{
    if (kind == QLatin1String("dm")) {
        return ConversationPane::tr("Direct message");
    }
    if (kind == QLatin1String("reply")) {
        return ConversationPane::tr("Reply");
    }
    if (kind == QLatin1String("quote")) {
        return ConversationPane::tr("Quote");
    }
    if (kind == QLatin1String("comment")) {
        return ConversationPane::tr("Comment");
    }
    return ConversationPane::tr("Mention");
}

QString timeText(qint64 ms)
{
    return models::formatDateTime(ms);
}

QStringList parseTags(const QString &text)
{
    QStringList tags;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        const QString tag = part.trimmed().toLower();
        if (!tag.isEmpty() && !tags.contains(tag)) {
            tags.append(tag);
        }
    }
    return tags;
}
} // namespace

ConversationPane::ConversationPane(models::WorkspaceContext &ctx, InboxTriage &triage, QWidget *parent)
    : QWidget(parent), m_ctx(ctx), m_triage(triage), m_thread(new models::ThreadModel(ctx, this)),
      m_stack(new QStackedWidget(this)), m_author(new QLabel(this)), m_meta(new QLabel(this)),
      m_assignee(new QComboBox(this)), m_status(new QComboBox(this)), m_priority(new QComboBox(this)),
      m_tags(new QLineEdit(this)), m_picker(new InboxAssignPicker(ctx, this)), m_threadView(new QTextBrowser(this)),
      m_approval(new InboxApprovalBar(triage, this)), m_composerMode(new QTabBar(this)),
      m_editor(new QPlainTextEdit(this)), m_counter(new QLabel(this)), m_send(new QPushButton(this))
{
    setObjectName(QStringLiteral("conversationPane"));
    setAccessibleName(tr("Conversation"));

    auto *placeholder = new QLabel(tr("Select a conversation to read it here.\nj and k move through the list, "
                                      "? shows every shortcut."),
                                   this);
    placeholder->setObjectName(QStringLiteral("conversationPlaceholder"));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setForegroundRole(QPalette::PlaceholderText);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(6);

    m_author->setObjectName(QStringLiteral("conversationAuthor"));
    m_author->setTextFormat(Qt::PlainText);
    m_author->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_author->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_author->setFont(big);
    m_meta->setObjectName(QStringLiteral("conversationMeta"));
    m_meta->setTextFormat(Qt::PlainText);
    m_meta->setWordWrap(true);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_author);
    layout->addWidget(m_meta);
    auto *presenceBanner = new QLabel(this);
    layout->addWidget(presenceBanner);
    m_guard = new ComposerGuard(m_ctx, presenceBanner, this);
    m_history = new QLabel(this);
    m_history->setObjectName(QStringLiteral("conversationHistory"));
    m_history->setAccessibleName(tr("The author's other conversations"));
    m_history->setTextFormat(Qt::RichText);
    m_history->setWordWrap(true);
    m_history->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_history->setOpenExternalLinks(false);
    connect(m_history, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("conversation:"))) {
            emit conversationRequested(link.mid(13));
        }
    });
    layout->addWidget(m_history);

    // Triage controls, two by two so the pane stays narrow; each also has its single-key shortcut.
    auto *controls = new QGridLayout;
    controls->setHorizontalSpacing(6);
    controls->setVerticalSpacing(4);
    auto addControl = [this, controls](const QString &label, QWidget *w, const QString &name, int row, int column) {
        auto *l = new QLabel(label, this);
        l->setBuddy(w);
        w->setObjectName(name);
        w->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
        controls->addWidget(l, row, column * 2);
        controls->addWidget(w, row, column * 2 + 1);
    };
    auto *assignees = new models::EmployeesModel(ctx, this);
    assignees->setNoneLabel(tr("Unassigned"));
    m_assignee->setModel(assignees);
    for (auto status : {ConversationStatus::Open, ConversationStatus::Pending, ConversationStatus::Snoozed,
                        ConversationStatus::Resolved}) {
        m_status->addItem(icons::forKey(QStringLiteral("status-") + statusName(status)), statusLabel(status),
                          statusName(status));
    }
    m_status->setItemData(2, tr("Snoozes until 09:00 tomorrow"), Qt::ToolTipRole);
    m_priority->addItems({tr("None"), tr("Low"), tr("High"), tr("Urgent")});
    m_tags->setPlaceholderText(tr("Add tags, separated by commas"));
    m_tags->setClearButtonEnabled(true);
    addControl(tr("Assi&gnee:"), m_assignee, QStringLiteral("assigneeCombo"), 0, 0);
    addControl(tr("S&tatus:"), m_status, QStringLiteral("statusCombo"), 0, 1);
    addControl(tr("Pr&iority:"), m_priority, QStringLiteral("priorityCombo"), 1, 0);
    addControl(tr("Ta&gs:"), m_tags, QStringLiteral("tagsEdit"), 1, 1);
    m_team = new QComboBox(this);
    addControl(tr("Tea&m:"), m_team, QStringLiteral("teamCombo"), 2, 0);
    controls->setColumnStretch(1, 1);
    controls->setColumnStretch(3, 1);
    layout->addLayout(controls);
    layout->addWidget(m_picker);

    m_threadView->setObjectName(QStringLiteral("threadView"));
    m_threadView->setAccessibleName(tr("Messages in this conversation"));
    m_threadView->setOpenLinks(false);
    m_threadView->setOpenExternalLinks(false);
    m_threadView->setFrameShape(QFrame::StyledPanel);
    layout->addWidget(m_threadView, 1);
    layout->addWidget(m_approval);

    // Composer
    m_composerMode->setObjectName(QStringLiteral("composerMode"));
    m_composerMode->setAccessibleName(tr("Write a reply or an internal note"));
    m_composerMode->addTab(tr("Reply"));
    m_composerMode->addTab(tr("Internal note"));
    m_composerMode->setDrawBase(false);
    m_composerMode->setExpanding(false);
    m_editor->setObjectName(QStringLiteral("replyEditor"));
    m_editor->setAccessibleName(tr("Reply text"));
    m_editor->setTabChangesFocus(true);
    m_editor->setFixedHeight(m_editor->fontMetrics().lineSpacing() * 5 + 12);
    m_counter->setObjectName(QStringLiteral("replyCounter"));
    m_counter->setAccessibleName(tr("Characters used"));
    m_send->setObjectName(QStringLiteral("sendReplyButton"));
    m_send->setDefault(false);
    m_send->setAutoDefault(false);
    auto *composerTop = new QHBoxLayout;
    composerTop->addWidget(m_composerMode);
    composerTop->addStretch(1);
    composerTop->addWidget(m_counter);
    m_canned = new QToolButton(this);
    m_canned->setObjectName(QStringLiteral("cannedButton"));
    m_canned->setText(tr("Canned reply"));
    m_canned->setAccessibleName(tr("Insert a canned reply"));
    m_canned->setToolTip(tr("Insert a canned reply (Ctrl+I); {first_name}, {agent} and the other variables are "
                            "filled in"));
    m_canned->setPopupMode(QToolButton::InstantPopup);
    m_cannedMenu = new InboxCannedMenu(m_ctx, m_canned);
    m_canned->setMenu(m_cannedMenu);
    composerTop->insertWidget(1, m_canned);
    auto *composerBottom = new QHBoxLayout;
    auto *hint = new QLabel(tr("Ctrl+Enter sends"), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    composerBottom->addWidget(hint);
    composerBottom->addStretch(1);
    composerBottom->addWidget(m_send);
    layout->addLayout(composerTop);
    layout->addWidget(m_editor);
    layout->addLayout(composerBottom);

    m_stack->addWidget(placeholder);
    m_stack->addWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    connect(m_assignee, &QComboBox::activated, this, [this](int row) {
        const QString id = m_assignee->itemData(row, models::IdRole).toString();
        if (id != m_thread->summary().assigneeId) {
            m_triage.assign(conversationId(), id);
        }
    });
    connect(m_team, &QComboBox::activated, this, [this](int row) {
        const QString id = m_team->itemData(row).toString();
        if (id != m_thread->summary().teamId) {
            m_triage.assignTeam(conversationId(), id);
        }
    });
    connect(m_status, &QComboBox::activated, this, [this](int row) {
        const auto status = statusFromName(m_status->itemData(row).toString());
        if (status && m_status->itemData(row).toString() != m_thread->summary().status) {
            m_triage.setStatus(conversationId(), *status);
        }
    });
    connect(m_priority, &QComboBox::activated, this, [this](int priority) {
        if (priority != m_thread->summary().priority) {
            m_triage.setPriority(conversationId(), priority);
        }
    });
    connect(m_tags, &QLineEdit::editingFinished, this, &ConversationPane::applyTags);
    connect(m_picker, &InboxAssignPicker::picked, this, [this](const QString &employeeId) {
        if (m_assignTargets.size() > 1) {
            m_triage.applyToMany(
                m_assignTargets,
                [employeeId](Engine &engine, const Actor &actor, const QString &id) {
                    return engine.assign(actor, id, employeeId);
                },
                employeeId.isEmpty() ? tr("Unassigned") : tr("Assigned"));
        } else if (employeeId != m_thread->summary().assigneeId) {
            m_triage.assign(conversationId(), employeeId);
        }
        emit assignPickerClosed();
    });
    connect(m_picker, &InboxAssignPicker::pickedTeam, this, [this](const QString &teamId) {
        if (m_assignTargets.size() > 1) {
            m_triage.applyToMany(
                m_assignTargets,
                [teamId](Engine &engine, const Actor &actor, const QString &id) {
                    return engine.assignTeam(actor, id, teamId);
                },
                tr("Routed to the team"));
        } else if (teamId != m_thread->summary().teamId) {
            m_triage.assignTeam(conversationId(), teamId);
        }
        emit assignPickerClosed();
    });
    connect(m_picker, &InboxAssignPicker::cancelled, this, &ConversationPane::assignPickerClosed);
    connect(m_composerMode, &QTabBar::currentChanged, this, &ConversationPane::updateComposer);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ConversationPane::updateComposer);
    connect(m_send, &QPushButton::clicked, this, &ConversationPane::send);
    // The composer's keys, as actions on the editor so the shortcuts overlay lists them.
    auto composerKey = [this](const QString &text, const QList<QKeySequence> &keys, auto slot) {
        auto *action = new QAction(text, m_editor);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_editor->addAction(action);
        m_composerActions.append(action);
    };
    composerKey(tr("Send the reply or note"),
                {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}, [this] { send(); });
    composerKey(tr("Insert a canned reply"), {QKeySequence(Qt::CTRL | Qt::Key_I)}, [this] { m_canned->showMenu(); });
    composerKey(tr("Back to the list (the text stays)"), {QKeySequence(Qt::Key_Escape)},
                [this] { emit composerDone(); });
    connect(m_cannedMenu, &InboxCannedMenu::chosen, this, &ConversationPane::insertCanned);
    m_mentions = new MentionCompleter(m_ctx, m_editor);

    connect(&m_ctx, &models::WorkspaceContext::changed, this, &ConversationPane::reload);
    connect(&m_ctx, &models::WorkspaceContext::currentEmployeeChanged, this, [this] {
        updatePermissions();
        updateComposer();
        updateApproval();
    });
    connect(m_thread, &models::ThreadModel::summaryChanged, this, &ConversationPane::showSummary);
    updatePermissions();
    updateComposer();
}

ConversationPane::~ConversationPane() = default;

QString ConversationPane::conversationId() const
{
    return m_thread->conversationId();
}

void ConversationPane::setConversation(const QString &conversationId)
{
    if (conversationId == m_thread->conversationId()) {
        return;
    }
    m_picker->cancel();
    m_editor->clear();
    m_composerMode->setCurrentIndex(ReplyMode);
    m_thread->setConversation(conversationId);
    m_guard->setConversation(conversationId);
    renderThread(false);
}

void ConversationPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_thread->summary().isValid()) {
        renderThread(true); // the thread's tints are derived from the palette
    }
}

void ConversationPane::reload()
{
    if (m_thread->conversationId().isEmpty()) {
        return;
    }
    const int before = m_thread->rowCount();
    m_thread->reload();
    renderThread(m_thread->rowCount() == before);
}

void ConversationPane::showSummary()
{
    const models::ConversationSummary &s = m_thread->summary();
    m_stack->setCurrentIndex(s.isValid() ? 1 : 0);
    if (!s.isValid()) {
        return;
    }
    m_author->setText(s.author.isEmpty() ? s.authorHandle : s.author);
    const auto network = networkFromName(s.network);
    QStringList meta;
    if (!s.authorHandle.isEmpty() && s.authorHandle != s.author) {
        meta.append(s.authorHandle);
    }
    meta.append(
        tr("%1 on %2 to %3").arg(kindLabel(s.kind), network ? networkLabel(*network) : s.network, s.accountHandle));
    const auto sla = models::InboxModel::slaState(s.status, s.slaDueAt, s.firstResponseAt, m_ctx.clock().nowMs());
    if (sla == models::SlaState::Overdue) {
        meta.append(tr("first response overdue since %1").arg(timeText(s.slaDueAt)));
    } else if (sla != models::SlaState::None) {
        meta.append(tr("first response due %1").arg(timeText(s.slaDueAt)));
    }
    if (s.status == QLatin1String("snoozed") && s.snoozedUntil > 0) {
        meta.append(tr("snoozed until %1").arg(timeText(s.snoozedUntil)));
    }
    m_meta->setText(meta.join(QStringLiteral(" · ")));
    // The same person's other conversations (any of the brand accounts), newest first; each a link to it.
    QStringList others;
    for (const auto &o : s.history) {
        const auto status = statusFromName(o.status);
        const QString snippet = o.snippet.size() > 40 ? o.snippet.left(39) + QChar(0x2026) : o.snippet;
        QStringList parts {(status ? statusLabel(*status) : o.status)};
        if (o.accountHandle != s.accountHandle) { // the account only when it is another one
            parts.append(o.accountHandle);
        }
        parts.append(snippet);
        others.append(QStringLiteral("<a href=\"conversation:%1\">%2</a> %3")
                          .arg(o.id.toHtmlEscaped(), timeText(o.lastItemAt).toHtmlEscaped(),
                               parts.join(QStringLiteral(" · ")).toHtmlEscaped()));
    }
    if (others.isEmpty()) {
        m_history->clear();
        m_history->hide();
    } else {
        const QString more = s.historyTotal > int(s.history.size()) ? QStringLiteral("<br>")
                + tr("and %n more", nullptr, s.historyTotal - int(s.history.size())).toHtmlEscaped()
                                                                    : QString();
        m_history->setText(tr("Also wrote (%n conversations):", nullptr, s.historyTotal).toHtmlEscaped()
                           + QStringLiteral("<br>") + others.join(QStringLiteral("<br>")) + more);
        m_history->show();
    }

    auto *assignees = static_cast<models::EmployeesModel *>(m_assignee->model());
    m_assignee->setCurrentIndex(qMax(0, assignees->rowOf(s.assigneeId)));
    m_status->setCurrentIndex(qMax(0, m_status->findData(s.status)));
    m_priority->setCurrentIndex(qBound(0, s.priority, 3));
    fillTeams(s.teamId);
    m_shownTags = s.tags;
    if (!m_tags->hasFocus()) {
        m_tags->setText(s.tags.join(QStringLiteral(", ")));
    }
    updateComposer();
}

void ConversationPane::renderThread(bool keepScroll)
{
    const int scroll = m_threadView->verticalScrollBar()->value();
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QString muted = icons::mix(base, text, 0.6).name();
    const QString inbound = icons::mix(base, text, 0.05).name();
    const QString outbound = icons::mix(base, icons::statusColor(QStringLiteral("open")), 0.14).name();
    const QString note = icons::mix(base, QColor(0xe0, 0xa8, 0x00), 0.22).name();
    const QString pending = icons::mix(base, icons::statusColor(QStringLiteral("open")), 0.06).name();
    const QString draft = icons::mix(base, icons::statusColor(QStringLiteral("snoozed")), 0.12).name();
    const QString account = m_thread->summary().accountHandle.toHtmlEscaped();

    QString html = QStringLiteral("<html><body>");
    for (int row = 0; row < m_thread->rowCount(); ++row) {
        const QModelIndex i = m_thread->index(row);
        const QString direction = i.data(models::DirectionRole).toString();
        const QString state = i.data(models::StatusRole).toString();
        const QString author = i.data(models::AuthorRole).toString().toHtmlEscaped();
        const QString detail = i.data(models::DetailRole).toString().toHtmlEscaped();
        const QString when = timeText(i.data(models::TimestampRole).toLongLong()).toHtmlEscaped();
        QString label;
        QString colour = inbound;
        bool ours = true;
        if (direction == QLatin1String("in")) {
            ours = false;
            label = detail.isEmpty() || detail == author ? when : detail + QStringLiteral(" · ") + when;
        } else if (direction == QLatin1String("out")) {
            colour = outbound;
            label = tr("replied as %1").arg(account) + QStringLiteral(" · ") + when;
        } else if (direction == QLatin1String("note")) {
            colour = note;
            label = tr("internal note, only the team sees it") + QStringLiteral(" · ") + when;
        } else if (direction == QLatin1String("queued")) {
            colour = pending;
            label = state == QLatin1String("failed") ? tr("sending failed: %1").arg(detail)
                                                     : tr("queued in the outbox, not sent yet");
            label += QStringLiteral(" · ") + when;
        } else {
            colour = draft;
            label = state == QLatin1String("rejected") ? tr("reply rejected: %1").arg(detail)
                                                       : tr("reply awaiting a manager's approval");
            label += QStringLiteral(" · ") + when;
        }
        const QString spacer = QStringLiteral("<td width=\"48\"></td>");
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"7\"><tr>");
        if (ours) {
            html += spacer;
        }
        html += QStringLiteral("<td bgcolor=\"%1\"><b>%2</b> <span style=\"color:%3\">%4</span>%5</td>")
                    .arg(colour, author, muted, label,
                         Qt::convertFromPlainText(i.data(models::TextRole).toString(), Qt::WhiteSpaceNormal));
        if (!ours) {
            html += spacer;
        }
        html += QStringLiteral("</tr></table><p style=\"margin:0\"></p>");
    }
    html += QStringLiteral("</body></html>");
    m_threadView->setHtml(html);
    updateApproval();
    if (keepScroll) {
        m_threadView->verticalScrollBar()->setValue(scroll);
    } else {
        m_threadView->moveCursor(QTextCursor::End);
        m_threadView->ensureCursorVisible();
    }
}

int ConversationPane::countCharacters(const QString &text, const QString &network)
{
    return postLength(text, network);
}

void ConversationPane::updateComposer()
{
    const models::ConversationSummary &s = m_thread->summary();
    const bool note = m_composerMode->currentIndex() == NoteMode;
    const QString body = m_editor->toPlainText().trimmed();
    m_mentions->setActive(note);
    m_guard->setComposing(!note && !body.isEmpty());
    if (note) {
        m_editor->setPlaceholderText(tr("Write a note only your team sees; @name tells a colleague"));
        m_editor->setAccessibleName(tr("Internal note text"));
        m_send->setText(tr("Add note"));
        m_counter->clear();
        m_send->setEnabled(!body.isEmpty() && s.isValid());
        return;
    }
    const QString to = s.authorHandle.isEmpty() ? s.author : s.authorHandle;
    m_editor->setPlaceholderText(tr("Write a reply to %1").arg(to));
    m_editor->setAccessibleName(tr("Reply text"));
    m_send->setText(m_triage.mayPublish() ? tr("Send reply") : tr("Submit for approval"));
    m_send->setToolTip(m_triage.mayPublish() ? QString()
                                             : tr("Your role drafts replies; a manager approves them before "
                                                  "they go out"));
    const int used = countCharacters(m_editor->toPlainText(), s.network);
    const bool tooLong = used > s.maxChars;
    m_counter->setText(tooLong ? tr("%1 / %2, %3 too many").arg(used).arg(s.maxChars).arg(used - s.maxChars)
                               : tr("%1 / %2").arg(used).arg(s.maxChars));
    QPalette pal = m_counter->palette();
    pal.setColor(QPalette::WindowText,
                 tooLong ? icons::slaColor(models::SlaState::Overdue) : palette().color(QPalette::WindowText));
    m_counter->setPalette(pal);
    m_send->setEnabled(!body.isEmpty() && !tooLong && s.isValid());
}

void ConversationPane::send()
{
    if (!m_send->isEnabled()) {
        return;
    }
    const QString text = m_editor->toPlainText();
    const bool note = m_composerMode->currentIndex() == NoteMode;
    if (!note && !m_guard->confirmReply()) {
        m_editor->setFocus(Qt::OtherFocusReason); // the reply stays, to send later or to change
        return;
    }
    const bool ok = note ? m_triage.addNote(conversationId(), text) : m_triage.reply(conversationId(), text);
    if (ok) {
        m_editor->clear();
        emit composerDone(); // the keyboard goes back to the list: "e" resolves next
    }
}

void ConversationPane::insertCanned(const QString &body)
{
    if (conversationId().isEmpty()) {
        return;
    }
    const auto variables = cannedVariables(m_ctx.reader(), conversationId(), m_ctx.currentEmployeeId());
    if (!variables.ok()) {
        m_ctx.report(variables.error());
        return;
    }
    const ExpandedReply reply = expandCannedReply(body, variables.value());
    m_editor->insertPlainText(reply.text);
    m_editor->setFocus(Qt::OtherFocusReason);
    if (!reply.unknown.isEmpty()) {
        emit m_triage.message(
            tr("Check the reply: %1 is not a variable (known: %2)")
                .arg(reply.unknown.join(QStringLiteral(", ")),
                     QStringLiteral("{") + cannedVariableNames().join(QStringLiteral("}, {")) + QStringLiteral("}")));
    }
}

void ConversationPane::fillTeams(const QString &current)
{
    // Teams change rarely and are few: re-read with the summary, so a new team is there without a restart.
    m_team->clear();
    m_team->addItem(tr("No team"), QString());
    auto st = m_ctx.reader().prepare(QStringLiteral("SELECT id, name FROM teams ORDER BY name"));
    if (st.ok()) {
        while (st.value().next()) {
            m_team->addItem(st.value().text(1), st.value().text(0));
        }
    }
    m_team->setCurrentIndex(std::max(0, m_team->findData(current)));
}

void ConversationPane::applyTags()
{
    const QStringList wanted = parseTags(m_tags->text());
    if (conversationId().isEmpty() || wanted == m_shownTags) {
        return;
    }
    const QStringList before = m_shownTags;
    m_shownTags = wanted;
    m_triage.setTags(conversationId(), before, wanted);
}

void ConversationPane::updatePermissions()
{
    const bool triage = m_triage.mayTriage();
    const QString why = triage ? QString() : tr("Your role cannot triage conversations");
    for (QWidget *w :
         {static_cast<QWidget *>(m_assignee), static_cast<QWidget *>(m_team), static_cast<QWidget *>(m_status),
          static_cast<QWidget *>(m_priority), static_cast<QWidget *>(m_tags)}) {
        w->setEnabled(triage);
        w->setToolTip(why);
    }
}

void ConversationPane::updateApproval()
{
    QString draftId;
    QString author;
    QString text;
    for (int row = m_thread->rowCount() - 1; row >= 0; --row) {
        const QModelIndex i = m_thread->index(row);
        if (i.data(models::DirectionRole).toString() == QLatin1String("draft")
            && i.data(models::StatusRole).toString() == QLatin1String("in_review")) {
            draftId = i.data(models::IdRole).toString();
            author = i.data(models::AuthorRole).toString();
            text = i.data(models::TextRole).toString();
            break;
        }
    }
    m_approval->showDraft(draftId, author, text, m_triage.mayApprove());
}

void ConversationPane::openAssignPicker(const QStringList &targets)
{
    m_assignTargets = targets;
    if (!conversationId().isEmpty() && m_triage.mayTriage()) {
        m_picker->open(); // on the signed-in employee: "a, Enter" takes the conversation
    }
}

void ConversationPane::focusReply()
{
    if (!conversationId().isEmpty()) {
        m_composerMode->setCurrentIndex(ReplyMode);
        m_editor->setFocus(Qt::ShortcutFocusReason);
    }
}

void ConversationPane::focusNote()
{
    if (!conversationId().isEmpty()) {
        m_composerMode->setCurrentIndex(NoteMode);
        m_editor->setFocus(Qt::ShortcutFocusReason);
    }
}

} // namespace sb::ui
