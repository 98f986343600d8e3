// The real main window, offscreen: sections by keyboard and mouse, keyboard triage checked in the event log,
// the employee selector, search, the composer, remembered state, the empty state. With
// SWITCHBOARD_SCREENSHOT_DIR set it also saves what each section looks like.
#include "TestWorkspace.h"
#include "core/Clock.h"
#include "demo/DemoGenerator.h"
#include "engine/Collisions.h"
#include "models/InboxModel.h"
#include "models/ModelRoles.h"
#include "models/ViewsModel.h"
#include "store/Workspace.h"
#include "ui/ConversationPane.h"
#include "ui/InboxView.h"
#include "ui/MainWindow.h"
#include "ui/MentionCompleter.h"
#include "ui/TrayNotifier.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTest>
#include <QTextBrowser>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

using sb::ui::MainWindow;

namespace {

const QStringList kSectionNames {QStringLiteral("inboxView"), QStringLiteral("calendarView"),
                                 QStringLiteral("engagementView"), QStringLiteral("accountsView"),
                                 QStringLiteral("settingsView")};

template <typename T> T *find(QWidget *parent, const QString &name)
{
    return parent->findChild<T *>(name);
}

// A section "shows data" when one of its visible lists, tables or trees has rows.
bool showsData(QWidget *section)
{
    const auto views = section->findChildren<QAbstractItemView *>();
    return std::any_of(views.cbegin(), views.cend(), [](QAbstractItemView *view) {
        return view->isVisible() && view->model() && view->model()->rowCount() > 0;
    });
}

struct Event {
    QString action;
    QString actor;
    QString subject;
    QJsonObject details;
    QString conversation;
};

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void sectionsByKeyboard();
    void sectionsByNavigationArrows();
    void sectionsByMouse();
    void triageByKeyboard();
    void assignByTypingAndSnooze();
    void replyFromTheComposer();
    void cannedReplyFillsItsVariables();
    void bulkTriageOnASelection();
    void managerEditsADraftBeforeApproving();
    void mentionAColleagueInANote();
    void notifiedOfAssignmentsAndMentions();
    void collisionWarningBetweenProcesses();
    void contributorSubmitsForApproval();
    void searchWithSlash();
    void authorHistoryOpensTheOtherConversation();
    void snoozeUntilAChosenTime();
    void spamByKeyboard();
    void viewsFilterTheList();
    void shortcutsOverlay();
    void statusBarShowsAccountHealth();
    void statusBarShowsTeamConnection();
    void stateIsRemembered();
    void emptyWorkspaceTeaches();
    void demoWorkspaceInEverySection();
    void entryPointRefusesBadWorkspaces();
    void screenshots();

private:
    QString visibleSection() const;
    QStackedWidget *sections() const { return find<QStackedWidget>(m_window.get(), QStringLiteral("sections")); }
    QTreeView *list() const { return find<QTreeView>(m_window.get(), QStringLiteral("conversationList")); }
    QList<Event> eventsAfter(qint64 seq);
    qint64 lastEventSeq() { return m_ws->scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM events")); }
    void key(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    void openWindow(bool resize = true);
    QString selectNext(int expectedRow);
    void saveShot(QWidget *widget, const QString &name);

    std::unique_ptr<sbtest::TestWorkspace> m_ws;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QApplication::setOrganizationName(QStringLiteral("SwitchboardTests"));
    QApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_ws = std::make_unique<sbtest::TestWorkspace>();
    QVERIFY(m_ws->ready);
    openWindow();
}

void TestMainWindow::openWindow(bool resize)
{
    m_window = std::make_unique<MainWindow>(*m_ws->ctx);
    if (resize) {
        m_window->resize(1400, 860);
    }
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_ws.reset();
}

QString TestMainWindow::visibleSection() const
{
    QWidget *current = sections()->currentWidget();
    return current && current->isVisible() ? current->objectName() : QString();
}

void TestMainWindow::key(int key, Qt::KeyboardModifiers modifiers)
{
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
    QTest::keyClick(target, Qt::Key(key), modifiers);
}

QList<Event> TestMainWindow::eventsAfter(qint64 seq)
{
    QList<Event> events;
    auto st = m_ws->ctx->workspace().db().prepare(
        QStringLiteral("SELECT action, coalesce(actor_id, ''), subject_id, details, coalesce(conversation_id, '') "
                       "FROM events WHERE seq > %1 ORDER BY seq")
            .arg(seq));
    if (!st.ok()) {
        return events;
    }
    while (st.value().next()) {
        events.append({st.value().text(0), st.value().text(1), st.value().text(2),
                       QJsonDocument::fromJson(st.value().text(3).toUtf8()).object(), st.value().text(4)});
    }
    return events;
}

// Presses j and returns the conversation it selected, once the selection has marked it read.
QString TestMainWindow::selectNext(int expectedRow)
{
    key(Qt::Key_J);
    const QModelIndex current = list()->currentIndex();
    if (current.row() != expectedRow || !list()->selectionModel()->isRowSelected(expectedRow, {})) {
        qWarning("j selected row %d, expected %d", current.row(), expectedRow);
        return {};
    }
    const QString id = current.data(sb::models::IdRole).toString();
    const QString sql = QStringLiteral("SELECT unread FROM conversations WHERE id = '%1'").arg(id);
    if (!QTest::qWaitFor([&] { return m_ws->scalar(sql) == 0; })) {
        qWarning("conversation %s was not marked read", qPrintable(id));
        return {};
    }
    return id;
}

void TestMainWindow::sectionsByKeyboard()
{
    QCOMPARE(visibleSection(), QStringLiteral("inboxView"));
    for (int i = 0; i < MainWindow::kSectionCount; ++i) {
        key(Qt::Key_1 + i, Qt::ControlModifier);
        QCOMPARE(visibleSection(), kSectionNames[i]);
        QCOMPARE(m_window->currentSection(), i);
        QWidget *section = sections()->currentWidget();
        QVERIFY2(showsData(section), qPrintable(kSectionNames[i] + QStringLiteral(" shows no data")));
        // The keyboard follows into the section.
        QVERIFY(section->isAncestorOf(QApplication::focusWidget()) || QApplication::focusWidget() == section);
    }
    key(Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), list());
}

void TestMainWindow::sectionsByNavigationArrows()
{
    auto *navigation = find<QListWidget>(m_window.get(), QStringLiteral("navigation"));
    QVERIFY(navigation);
    navigation->setFocus();
    for (int i = 1; i < MainWindow::kSectionCount; ++i) {
        QTest::keyClick(navigation, Qt::Key_Down);
        QCOMPARE(visibleSection(), kSectionNames[i]);
    }
    QTest::keyClick(navigation, Qt::Key_Down); // the last one stays
    QCOMPARE(visibleSection(), QStringLiteral("settingsView"));
    QTest::keyClick(navigation, Qt::Key_Up);
    QCOMPARE(visibleSection(), QStringLiteral("accountsView"));
    QTest::keyClick(navigation, Qt::Key_Home);
    QCOMPARE(visibleSection(), QStringLiteral("inboxView"));
}

void TestMainWindow::sectionsByMouse()
{
    auto *navigation = find<QListWidget>(m_window.get(), QStringLiteral("navigation"));
    for (int i : {2, 4, 1, 3, 0}) {
        const QRect rect = navigation->visualItemRect(navigation->item(i));
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(visibleSection(), kSectionNames[i]);
        QVERIFY(showsData(sections()->currentWidget()));
    }
}

void TestMainWindow::triageByKeyboard()
{
    key(Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), list());
    QVERIFY(list()->model()->rowCount() > 0);
    const QString me = m_ws->ctx->currentEmployeeId();
    QCOMPARE(me, m_ws->admin);
    // Entering the inbox shows the newest conversation, selected.
    QCOMPARE(list()->currentIndex().row(), 0);
    QVERIFY(list()->selectionModel()->isRowSelected(0, {}));
    QTRY_COMPARE(
        m_ws->scalar(QStringLiteral("SELECT unread FROM conversations WHERE id = '%1'").arg(m_ws->conversationIds[0])),
        0);
    const qint64 before = lastEventSeq();

    const QString id = selectNext(1); // j: the next one
    QCOMPARE(id, m_ws->conversationIds[1]);
    const QModelIndex current = list()->currentIndex();
    auto *author = find<QLabel>(m_window.get(), QStringLiteral("conversationAuthor"));
    QVERIFY(author->isVisible());
    QCOMPARE(author->text(), current.siblingAtColumn(sb::models::InboxModel::AuthorColumn).data().toString());
    auto *thread = find<QTextBrowser>(m_window.get(), QStringLiteral("threadView"));
    QVERIFY(thread->toPlainText().contains(QStringLiteral("Any news? (#")));

    key(Qt::Key_A); // assign: the inline picker opens on me
    auto *picker = find<QWidget>(m_window.get(), QStringLiteral("assignPicker"));
    QVERIFY(picker->isVisible());
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("assignPickerSearch"));
    key(Qt::Key_Return);
    QVERIFY(!picker->isVisible());
    QCOMPARE(QApplication::focusWidget(), list());

    key(Qt::Key_R); // reply: the composer takes the keyboard, Ctrl+Enter sends and gives it back to the list
    auto *editor = find<QPlainTextEdit>(m_window.get(), QStringLiteral("replyEditor"));
    QCOMPARE(QApplication::focusWidget(), editor);
    QTest::keyClicks(editor, QStringLiteral("Thanks, we are on it"));
    key(Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(editor->toPlainText().isEmpty());
    QCOMPARE(QApplication::focusWidget(), list());

    key(Qt::Key_E); // resolve
    QCOMPARE(
        m_ws->column(QStringLiteral("SELECT status || ' ' || assignee_id FROM conversations WHERE id = '%1'").arg(id))
            .value(0),
        QStringLiteral("resolved ") + me);
    QCOMPARE(m_ws->scalar(QStringLiteral("SELECT count(*) FROM outbox_jobs WHERE conversation_id = '%1' AND "
                                         "created_by = '%2' AND text = 'Thanks, we are on it'")
                              .arg(id, me)),
             1);

    // Exactly one event per action, by me, on this conversation.
    const QList<Event> events = eventsAfter(before);
    QStringList actions;
    for (const Event &e : events) {
        actions.append(e.action);
        QCOMPARE(e.actor, me);
        QCOMPARE(e.conversation, id);
    }
    QCOMPARE(actions,
             (QStringList {QStringLiteral("read"), QStringLiteral("assigned"), QStringLiteral("replied"),
                           QStringLiteral("status_changed")}));
    QCOMPARE(events[1].details.value(QStringLiteral("to")).toString(), me);
    QCOMPARE(events[2].details.value(QStringLiteral("length")).toInt(), 20);
    QCOMPARE(events[3].details.value(QStringLiteral("to")).toString(), QStringLiteral("resolved"));

    // The list refreshed in place: same row selected, now shown resolved and assigned to me.
    QCOMPARE(list()->currentIndex().data(sb::models::IdRole).toString(), id);
    QCOMPARE(list()->currentIndex().siblingAtColumn(sb::models::InboxModel::StatusColumn).data().toString(),
             QStringLiteral("Resolved"));
    QCOMPARE(list()->currentIndex().siblingAtColumn(sb::models::InboxModel::AssigneeColumn).data().toString(),
             QStringLiteral("Ada Admin"));

    key(Qt::Key_J);
    QCOMPARE(list()->currentIndex().row(), 2);
    key(Qt::Key_K);
    QCOMPARE(list()->currentIndex().row(), 1);
}

void TestMainWindow::assignByTypingAndSnooze()
{
    key(Qt::Key_1, Qt::ControlModifier);
    QVERIFY(!selectNext(1).isEmpty());
    const QString id = selectNext(2);
    QCOMPARE(id, m_ws->conversationIds[2]);
    const qint64 before = lastEventSeq();

    key(Qt::Key_A);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("mon"));
    key(Qt::Key_Return);
    key(Qt::Key_S);
    const qint64 tomorrowNine = QDateTime(QDate(2026, 3, 11), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    QCOMPARE(m_ws->column(QStringLiteral("SELECT assignee_id || ' ' || status || ' ' || snoozed_until "
                                         "FROM conversations WHERE id = '%1'")
                              .arg(id))
                 .value(0),
             QStringLiteral("%1 snoozed %2").arg(m_ws->manager).arg(tomorrowNine));
    const QList<Event> events = eventsAfter(before);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].action, QStringLiteral("assigned"));
    QCOMPARE(events[1].action, QStringLiteral("status_changed"));
    QCOMPARE(events[1].details.value(QStringLiteral("to")).toString(), QStringLiteral("snoozed"));

    // Escape cancels a pick without an event.
    key(Qt::Key_A);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("carl"));
    key(Qt::Key_Escape);
    QCOMPARE(eventsAfter(before).size(), 2);
    QCOMPARE(QApplication::focusWidget(), list());
}

void TestMainWindow::replyFromTheComposer()
{
    key(Qt::Key_1, Qt::ControlModifier);
    const QString id = selectNext(1);
    QVERIFY(!id.isEmpty());
    const qint64 before = lastEventSeq();

    key(Qt::Key_R);
    auto *editor = find<QPlainTextEdit>(m_window.get(), QStringLiteral("replyEditor"));
    QCOMPARE(QApplication::focusWidget(), editor);
    QTest::keyClicks(editor, QStringLiteral("Thanks, on it"));
    QCOMPARE(editor->toPlainText(), QStringLiteral("Thanks, on it")); // j, k, e... type, they do not triage
    auto *counter = find<QLabel>(m_window.get(), QStringLiteral("replyCounter"));
    QCOMPARE(counter->text(), QStringLiteral("13 / 500"));
    auto *send = find<QPushButton>(m_window.get(), QStringLiteral("sendReplyButton"));
    QCOMPARE(send->text(), QStringLiteral("Send reply"));
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(editor->toPlainText().isEmpty());
    const QList<Event> events = eventsAfter(before);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].action, QStringLiteral("replied"));
    QCOMPARE(m_ws->scalar(QStringLiteral("SELECT count(*) FROM outbox_jobs WHERE conversation_id = '%1' "
                                         "AND text = 'Thanks, on it' AND state = 'pending'")
                              .arg(id)),
             1);
    auto *thread = find<QTextBrowser>(m_window.get(), QStringLiteral("threadView"));
    QVERIFY(thread->toPlainText().contains(QStringLiteral("queued in the outbox")));

    // Over the limit: the counter says so and nothing can be sent.
    editor->setPlainText(QString(501, QLatin1Char('x')));
    QVERIFY(counter->text().contains(QStringLiteral("1 too many")));
    QVERIFY(!send->isEnabled());
}

// Ctrl+I in the composer opens the canned replies; the chosen one is inserted with its variables filled in.
void TestMainWindow::cannedReplyFillsItsVariables()
{
    QVERIFY(m_ws->ctx->engine()
                .saveCannedReply(sb::Actor::employee(m_ws->admin), {}, QStringLiteral("Greeting"),
                                 QStringLiteral("Hi {first_name}, {agent_first_name} from {account} here. {oops}"))
                .ok());
    key(Qt::Key_1, Qt::ControlModifier);
    const QString id = selectNext(1);
    QVERIFY(!id.isEmpty());
    key(Qt::Key_R);
    auto *editor = find<QPlainTextEdit>(m_window.get(), QStringLiteral("replyEditor"));
    QCOMPARE(QApplication::focusWidget(), editor);
    auto *menu = find<QMenu>(m_window.get(), QStringLiteral("cannedMenu"));
    QVERIFY(menu);
    QTimer::singleShot(0, [menu] {
        QVERIFY(menu->isVisible());
        QCOMPARE(menu->actions().size(), 1);
        QCOMPARE(menu->actions().constFirst()->text(), QStringLiteral("Greeting"));
        QTest::keyClick(menu, Qt::Key_Down);
        QTest::keyClick(menu, Qt::Key_Return);
    });
    key(Qt::Key_I, Qt::ControlModifier);
    QTRY_VERIFY(!editor->toPlainText().isEmpty());
    const QString author = m_ws->column(QStringLiteral("SELECT ct.display_name FROM conversations c JOIN contacts ct "
                                                       "ON ct.id = c.contact_id WHERE c.id = '%1'")
                                            .arg(id))
                               .value(0);
    const QString handle
        = m_ws->column(QStringLiteral("SELECT a.handle FROM conversations c JOIN accounts a ON a.id = c.account_id "
                                      "WHERE c.id = '%1'")
                           .arg(id))
              .value(0);
    QCOMPARE(editor->toPlainText(),
             QStringLiteral("Hi %1, Ada from %2 here. {oops}").arg(author.section(QLatin1Char(' '), 0, 0), handle));
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("{oops} is not a variable")));
    QApplication::setActiveWindow(m_window.get()); // offscreen, the closed menu leaves no window active
    QTRY_COMPARE(QApplication::focusWidget(), editor);
}

// In a note, "@" and a few letters offer colleagues; Enter writes the mention, and the note's event names them.
void TestMainWindow::mentionAColleagueInANote()
{
    key(Qt::Key_1, Qt::ControlModifier);
    const QString id = selectNext(1);
    QVERIFY(!id.isEmpty());
    const qint64 before = lastEventSeq();
    key(Qt::Key_N);
    auto *editor = find<QPlainTextEdit>(m_window.get(), QStringLiteral("replyEditor"));
    QCOMPARE(QApplication::focusWidget(), editor);
    QTest::keyClicks(editor, QStringLiteral("Could you check this, @mo"));
    auto *mentions = editor->findChild<sb::ui::MentionCompleter *>(QStringLiteral("mentionCompleter"));
    QVERIFY(mentions);
    QAbstractItemView *popup = mentions->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    saveShot(popup, QStringLiteral("mention-popup"));
    QCOMPARE(popup->model()->rowCount(), 1);
    QCOMPARE(popup->currentIndex().data().toString(), QStringLiteral("Mona Manager"));
    QTest::keyClick(popup, Qt::Key_Return);
    QCOMPARE(editor->toPlainText(), QStringLiteral("Could you check this, @Mona "));
    QTest::keyClicks(editor, QStringLiteral("thanks"));
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    const QList<Event> events = eventsAfter(before);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].action, QStringLiteral("note_added"));
    QCOMPARE(events[0].details.value(QStringLiteral("mentions")).toArray(), QJsonArray {m_ws->manager});
    // In a reply "@" is just a character: no colleagues offered to the customer.
    key(Qt::Key_R);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("@mo"));
    QApplication::processEvents();
    QVERIFY(!popup->isVisible());
}

// Assigned by a colleague, or @mentioned in a note (here by another process's write): the window says so, and the
// notification opens the conversation.
void TestMainWindow::notifiedOfAssignmentsAndMentions()
{
    auto *notifier = m_window->findChild<sb::ui::TrayNotifier *>(QStringLiteral("trayNotifier"));
    QVERIFY(notifier);
    QSignalSpy notified(notifier, &sb::ui::TrayNotifier::notified);
    const QString target = m_ws->conversationIds[7];
    sb::Engine &engine = m_ws->ctx->engine();
    QVERIFY(engine.assign(sb::Actor::employee(m_ws->manager), target, m_ws->admin).ok());
    QVERIFY(engine.assign(sb::Actor::employee(m_ws->admin), m_ws->conversationIds[8], m_ws->admin).ok()); // mine
    QVERIFY(engine.addNote(sb::Actor::employee(m_ws->agent), target, QStringLiteral("@Ada can you approve?")).ok());
    m_ws->ctx->notifyChanged();
    QCOMPARE(notified.count(), 2);
    QVERIFY(notified[0][0].toString().startsWith(QStringLiteral("Mona Manager assigned you a conversation with ")));
    QCOMPARE(notified[1][0].toString(), QStringLiteral("Carl Community mentioned you in a note"));
    QCOMPARE(notified[1][1].toString(), QStringLiteral("@Ada can you approve?"));
    QCOMPARE(notified[1][2].toString(), target);
    if (!notifier->trayIcon()) { // no tray offscreen: the status bar carries it
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Carl Community mentioned you in a note"));
    }
    m_ws->ctx->notifyChanged();
    QCOMPARE(notified.count(), 2); // each once
    key(Qt::Key_3, Qt::ControlModifier);
    emit notifier->openConversation(target); // what clicking the tray message does
    QCOMPARE(visibleSection(), QStringLiteral("inboxView"));
    auto *pane = find<sb::ui::ConversationPane>(m_window.get(), QStringLiteral("conversationPane"));
    QCOMPARE(pane->conversationId(), target);
}

namespace {
// Another process on the same workspace: switchboard-cli, or this test binary as a presence helper.
struct OtherProcess {
    QProcess process;
    bool startHelper(const QString &dir, const QString &conversation, const QString &employee)
    {
        process.start(QCoreApplication::applicationFilePath(),
                      {QStringLiteral("--presence-helper"), dir, conversation, employee});
        return process.waitForReadyRead(20000) && process.readLine().trimmed() == "ready";
    }
    ~OtherProcess()
    {
        if (process.state() != QProcess::NotRunning) {
            process.closeWriteChannel();
            if (!process.waitForFinished(10000)) {
                process.kill();
                process.waitForFinished();
            }
        }
    }
};

int runCli(const QStringList &args, const QString &employee, QString *err)
{
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SWITCHBOARD_EMPLOYEE"), employee);
    cli.setProcessEnvironment(env);
    cli.start(qEnvironmentVariable("SWITCHBOARD_CLI"), args);
    if (!cli.waitForFinished(60000)) {
        cli.kill();
        cli.waitForFinished();
        return -1;
    }
    *err = QString::fromUtf8(cli.readAllStandardError());
    return cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
}
} // namespace

// Two processes on one workspace: Carl is writing in his window while Ada opens the same conversation; Ada's
// window shows it, Carl's command-line reply refuses because Ada is on it, and Ada's composer asks before sending.
void TestMainWindow::collisionWarningBetweenProcesses()
{
    if (qEnvironmentVariable("SWITCHBOARD_CLI").isEmpty()) {
        QSKIP("SWITCHBOARD_CLI is not set");
    }
    key(Qt::Key_1, Qt::ControlModifier);
    const QString id = selectNext(1);
    QVERIFY(!id.isEmpty());
    const QString dir = m_ws->ctx->workspace().dir();
    OtherProcess carl;
    QVERIFY(carl.startHelper(dir, id, m_ws->agent));
    auto *banner = find<QLabel>(m_window.get(), QStringLiteral("presenceBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000); // the window notices other processes' writes by itself
    QCOMPARE(banner->text(), QStringLiteral("Carl Community is writing a reply"));
    saveShot(m_window.get(), QStringLiteral("presence-banner"));

    // The command line refuses while Ada is on it, and says who; --force sends anyway.
    QString err;
    QCOMPARE(runCli({QStringLiteral("--workspace"), dir, QStringLiteral("reply"), id, QStringLiteral("--text"),
                     QStringLiteral("Carl here")},
                    QStringLiteral("Carl Community"), &err),
             1);
    QVERIFY2(err.contains(QStringLiteral("Ada Admin is looking at this conversation right now")), qPrintable(err));
    QCOMPARE(m_ws->scalar(QStringLiteral("SELECT count(*) FROM outbox_jobs WHERE conversation_id = '%1'").arg(id)), 0);
    QCOMPARE(runCli({QStringLiteral("--workspace"), dir, QStringLiteral("reply"), id, QStringLiteral("--text"),
                     QStringLiteral("Carl here"), QStringLiteral("--force")},
                    QStringLiteral("Carl Community"), &err),
             0);

    // Ada's reply: the composer names both collisions and, by default, does not send.
    key(Qt::Key_R);
    auto *editor = find<QPlainTextEdit>(m_window.get(), QStringLiteral("replyEditor"));
    QTest::keyClicks(editor, QStringLiteral("Ada here"));
    QString question;
    const auto answer = [&question](const char *button) {
        QTimer::singleShot(0, [&question, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QCOMPARE(box->objectName(), QStringLiteral("collisionDialog"));
            question = box->text();
            auto *choice = box->findChild<QAbstractButton *>(QString::fromLatin1(button));
            QVERIFY(choice);
            choice->click();
        });
    };
    answer("collisionKeep");
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY2(question.contains(QStringLiteral("Carl Community's reply is on its way: \"Carl here\"")),
             qPrintable(question));
    QVERIFY2(question.contains(QStringLiteral("Carl Community is writing a reply right now")), qPrintable(question));
    QCOMPARE(editor->toPlainText(), QStringLiteral("Ada here"));
    QCOMPARE(m_ws->scalar(QStringLiteral("SELECT count(*) FROM outbox_jobs WHERE conversation_id = '%1' AND "
                                         "created_by = '%2'")
                              .arg(id, m_ws->admin)),
             0);
    QApplication::setActiveWindow(m_window.get()); // offscreen, the closed dialog leaves no window active
    QTRY_COMPARE(QApplication::focusWidget(), editor);
    question.clear();
    answer("collisionSend");
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!question.isEmpty());
    QCOMPARE(m_ws->scalar(QStringLiteral("SELECT count(*) FROM outbox_jobs WHERE conversation_id = '%1' AND "
                                         "created_by = '%2' AND text = 'Ada here'")
                              .arg(id, m_ws->admin)),
             1);
    QApplication::setActiveWindow(m_window.get());
}

// Shift+j extends the selection, x toggles a row; e, a (a person or a team) then act on all selected at once.
void TestMainWindow::bulkTriageOnASelection()
{
    const QString support
        = m_ws->ctx->engine().addTeam(sb::Actor::employee(m_ws->admin), QStringLiteral("Support")).value();
    key(Qt::Key_1, Qt::ControlModifier);
    QVERIFY(!selectNext(1).isEmpty());
    key(Qt::Key_J, Qt::ShiftModifier);
    key(Qt::Key_J, Qt::ShiftModifier);
    auto *bar = find<QLabel>(m_window.get(), QStringLiteral("selectionBar"));
    QVERIFY(bar->isVisible());
    QVERIFY2(bar->text().startsWith(QStringLiteral("3 conversations selected")), qPrintable(bar->text()));
    const QStringList chosen {m_ws->conversationIds[1], m_ws->conversationIds[2], m_ws->conversationIds[3]};
    QStringList expected = m_ws->column(QStringLiteral("SELECT id FROM conversations WHERE status != 'resolved' AND "
                                                       "id IN ('%1') ORDER BY id")
                                            .arg(chosen.join(QStringLiteral("','"))));
    QVERIFY(expected.size() >= 2); // one of them may be resolved already: it gets no event
    qint64 before = lastEventSeq();
    key(Qt::Key_E);
    QList<Event> events = eventsAfter(before);
    QStringList resolved;
    for (const Event &e : events) {
        if (e.action == QLatin1String("status_changed")) {
            QCOMPARE(e.details.value(QStringLiteral("to")).toString(), QStringLiteral("resolved"));
            resolved << e.conversation;
        }
    }
    std::sort(resolved.begin(), resolved.end());
    QCOMPARE(resolved, expected);
    QCOMPARE(m_ws->scalar(QStringLiteral("SELECT count(*) FROM conversations WHERE status = 'resolved' AND id IN "
                                         "('%1')")
                              .arg(chosen.join(QStringLiteral("','")))),
             3);
    QTRY_VERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Resolved: 3 conversations")));

    // j goes back to one; x adds a row two further down; the picker routes both to a team.
    key(Qt::Key_J);
    QVERIFY(!bar->isVisible());
    const QString first = list()->currentIndex().data(sb::models::IdRole).toString();
    key(Qt::Key_X); // x on the only selected row unselects it...
    key(Qt::Key_X); // ...and selects it again
    QVERIFY(list()->selectionModel()->isRowSelected(list()->currentIndex().row(), {}));
    QTest::keyClick(list(), Qt::Key_Down, Qt::ControlModifier); // moves without selecting
    QTest::keyClick(list(), Qt::Key_Down, Qt::ControlModifier);
    key(Qt::Key_X);
    const QString second = list()->currentIndex().data(sb::models::IdRole).toString();
    QVERIFY(bar->isVisible());
    QVERIFY(bar->text().startsWith(QStringLiteral("2 conversations selected")));
    before = lastEventSeq();
    key(Qt::Key_A);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("support"));
    key(Qt::Key_Return);
    events = eventsAfter(before);
    QStringList routed;
    for (const Event &e : events) {
        QCOMPARE(e.action, QStringLiteral("team_assigned"));
        QCOMPARE(e.details.value(QStringLiteral("to")).toString(), support);
        routed << e.conversation;
    }
    std::sort(routed.begin(), routed.end());
    QStringList both {first, second};
    std::sort(both.begin(), both.end());
    QCOMPARE(routed, both);
}

// The manager changes a contributor's draft before approving it: the edited text goes out, still the author's.
void TestMainWindow::managerEditsADraftBeforeApproving()
{
    key(Qt::Key_1, Qt::ControlModifier);
    QVERIFY(!selectNext(1).isEmpty());
    const QString id = selectNext(2);
    QCOMPARE(id, m_ws->conversationIds[2]); // the fixture's contributor drafted a reply here
    auto *approval = find<QWidget>(m_window.get(), QStringLiteral("approvalBar"));
    QVERIFY(approval->isVisible());
    auto *edit = find<QPushButton>(m_window.get(), QStringLiteral("editReplyButton"));
    auto *editor = find<QPlainTextEdit>(m_window.get(), QStringLiteral("approvalEditor"));
    const QString original
        = m_ws->column(QStringLiteral("SELECT text FROM reply_drafts WHERE conversation_id = '%1'").arg(id)).value(0);
    QVERIFY(!editor->isVisible());
    QTest::mouseClick(edit, Qt::LeftButton);
    QVERIFY(editor->isVisible());
    QCOMPARE(editor->toPlainText(), original);
    QCOMPARE(QApplication::focusWidget(), editor);
    QTest::keyClicks(editor, QStringLiteral(" Thanks for your patience!"));
    saveShot(m_window.get(), QStringLiteral("approval-edit"));
    const qint64 before = lastEventSeq();
    auto *approve = find<QPushButton>(m_window.get(), QStringLiteral("approveReplyButton"));
    QCOMPARE(approve->text(), QStringLiteral("&Approve as edited"));
    QTest::mouseClick(approve, Qt::LeftButton);
    QCOMPARE(m_ws->scalar(QStringLiteral("SELECT count(*) FROM outbox_jobs WHERE conversation_id = '%1' AND "
                                         "created_by = '%2' AND text = '%3'")
                              .arg(id, m_ws->contributor, original + QStringLiteral(" Thanks for your patience!"))),
             1);
    const QList<Event> events = eventsAfter(before);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].action, QStringLiteral("reply_approved"));
    QCOMPARE(events[0].actor, m_ws->admin);
    QVERIFY(events[0].details.value(QStringLiteral("edited")).toBool());
    QVERIFY(!approval->isVisible());
}

void TestMainWindow::contributorSubmitsForApproval()
{
    auto *selector = find<QComboBox>(m_window.get(), QStringLiteral("employeeSelector"));
    QVERIFY(selector);
    QCOMPARE(selector->currentText(), QStringLiteral("Ada Admin"));
    selector->setFocus();
    while (selector->currentText() != QStringLiteral("Sam Specialist")) {
        const int before = selector->currentIndex();
        QTest::keyClick(selector, Qt::Key_Down);
        QVERIFY(selector->currentIndex() != before);
    }
    QCOMPARE(m_ws->ctx->currentEmployeeId(), m_ws->contributor);
    QCOMPARE(find<QLabel>(m_window.get(), QStringLiteral("employeeRole"))->text(), QStringLiteral("Contributor"));

    key(Qt::Key_1, Qt::ControlModifier);
    const QString id = selectNext(1);
    QVERIFY(!id.isEmpty());
    const qint64 before = lastEventSeq();
    key(Qt::Key_E); // a contributor cannot resolve: the shortcut is off, nothing happens
    key(Qt::Key_A);
    QCOMPARE(eventsAfter(before).size(), 0);
    QVERIFY(!find<QWidget>(m_window.get(), QStringLiteral("assignPicker"))->isVisible());

    key(Qt::Key_R);
    auto *send = find<QPushButton>(m_window.get(), QStringLiteral("sendReplyButton"));
    QCOMPARE(send->text(), QStringLiteral("Submit for approval"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("We fixed it in 2.1"));
    QTest::mouseClick(send, Qt::LeftButton);
    const QList<Event> events = eventsAfter(before);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].action, QStringLiteral("reply_submitted"));
    QCOMPARE(m_ws->scalar(QStringLiteral("SELECT count(*) FROM reply_drafts WHERE conversation_id = '%1' "
                                         "AND state = 'in_review'")
                              .arg(id)),
             1);
    auto *views = find<QTreeView>(m_window.get(), QStringLiteral("inboxViews"));
    auto *model = qobject_cast<sb::models::ViewsModel *>(views->model());
    const auto awaiting = [model] {
        return model->indexOf({sb::models::InboxFilter::Kind::AwaitingApproval, {}, {}})
            .siblingAtColumn(sb::models::ViewsModel::CountColumn)
            .data(sb::models::CountRole)
            .toInt();
    };
    QCOMPARE(awaiting(), 2);
    auto *approval = find<QWidget>(m_window.get(), QStringLiteral("approvalBar"));
    QVERIFY(!approval->isVisible()); // a contributor cannot approve

    // The manager approves inline: the reply enters the outbox, attributed to its author.
    selector->setFocus();
    QTest::keyClick(selector, Qt::Key_Home);
    QCOMPARE(m_ws->ctx->currentEmployeeId(), m_ws->admin);
    QVERIFY(approval->isVisible());
    QTest::mouseClick(find<QPushButton>(m_window.get(), QStringLiteral("approveReplyButton")), Qt::LeftButton);
    QCOMPARE(m_ws->scalar(QStringLiteral("SELECT count(*) FROM outbox_jobs WHERE conversation_id = '%1' "
                                         "AND created_by = '%2' AND text = 'We fixed it in 2.1'")
                              .arg(id, m_ws->contributor)),
             1);
    QCOMPARE(eventsAfter(before).last().action, QStringLiteral("reply_approved"));
    QVERIFY(!approval->isVisible());
    QCOMPARE(awaiting(), 1);
}

// The pane lists the author's other conversations; following one shows it.
void TestMainWindow::authorHistoryOpensTheOtherConversation()
{
    key(Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(list()->currentIndex().row(), 0);
    auto *history = find<QLabel>(m_window.get(), QStringLiteral("conversationHistory"));
    QTRY_VERIFY(history->isVisible());
    static const QRegularExpression link(QStringLiteral("href=\"(conversation:[^\"]+)\""));
    const QString first = link.match(history->text()).captured(1);
    QVERIFY2(!first.isEmpty(), qPrintable(history->text()));
    const QString otherId = first.mid(13);
    QCOMPARE(m_ws->scalar(QStringLiteral("SELECT count(*) FROM conversations a JOIN conversations b "
                                         "ON a.contact_id = b.contact_id WHERE a.id = '%1' AND b.id = '%2'")
                              .arg(m_ws->conversationIds[0], otherId)),
             1);
    saveShot(m_window.get(), QStringLiteral("author-history"));
    emit history->linkActivated(first);
    auto *pane = m_window->findChild<sb::ui::ConversationPane *>();
    QVERIFY(pane);
    QTRY_COMPARE(pane->conversationId(), otherId);
}

// Shift+S asks until when; the conversation comes back at that time (Engine::runTimers).
void TestMainWindow::snoozeUntilAChosenTime()
{
    key(Qt::Key_1, Qt::ControlModifier);
    const QString id = list()->currentIndex().data(sb::models::IdRole).toString();
    QVERIFY(!id.isEmpty());
    const QDateTime chosen = QDateTime::fromMSecsSinceEpoch(m_ws->clock.nowMs()).toLocalTime().addDays(3);
    const QDateTime wanted(chosen.date(), QTime(14, 30));
    QTimer::singleShot(0, [wanted] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->objectName(), QStringLiteral("snoozeDialog"));
        auto *when = dialog->findChild<QDateTimeEdit *>(QStringLiteral("snoozeUntil"));
        QVERIFY(when);
        when->setDateTime(wanted);
        dialog->accept();
    });
    key(Qt::Key_S, Qt::ShiftModifier);
    QCOMPARE(
        m_ws->column(QStringLiteral("SELECT status || ' ' || snoozed_until FROM conversations WHERE id = '%1'").arg(id))
            .value(0),
        QStringLiteral("snoozed %1").arg(wanted.toMSecsSinceEpoch()));
    QApplication::setActiveWindow(m_window.get());
}

// "!" marks the selected conversation as spam: it leaves the list and waits in the Spam view.
void TestMainWindow::spamByKeyboard()
{
    key(Qt::Key_1, Qt::ControlModifier);
    const QString id = list()->currentIndex().data(sb::models::IdRole).toString();
    QVERIFY(!id.isEmpty());
    key(Qt::Key_Exclam, Qt::ShiftModifier);
    QCOMPARE(m_ws->scalar(QStringLiteral("SELECT spam FROM conversations WHERE id = '%1'").arg(id)), 1);
    QCOMPARE(m_ws->scalar(QStringLiteral("SELECT count(*) FROM events WHERE action = 'marked_spam' AND subject_id = "
                                         "'%1' AND actor_id = '%2'")
                              .arg(id, m_ws->admin)),
             1);
    QTRY_VERIFY(list()->currentIndex().data(sb::models::IdRole).toString() != id);
}

void TestMainWindow::searchWithSlash()
{
    key(Qt::Key_1, Qt::ControlModifier);
    key(Qt::Key_Slash);
    auto *search = find<QLineEdit>(m_window.get(), QStringLiteral("inboxSearch"));
    QCOMPARE(QApplication::focusWidget(), search);
    QTest::keyClicks(search, QStringLiteral("refund"));
    QTRY_COMPARE(list()->model()->rowCount(), 50);
    for (int row = 0; row < list()->model()->rowCount(); ++row) {
        const QString id = list()->model()->index(row, 0).data(sb::models::IdRole).toString();
        QVERIFY(m_ws->scalar(QStringLiteral("SELECT count(*) FROM items WHERE conversation_id = '%1' AND text LIKE "
                                            "'%refund%'")
                                 .arg(id))
                > 0);
    }
    key(Qt::Key_Return); // to the list, first result selected
    QCOMPARE(QApplication::focusWidget(), list());
    QCOMPARE(list()->currentIndex().row(), 0);
    saveShot(m_window.get(), QStringLiteral("search"));

    // One click keeps the search as a view: it is listed under Saved searches and shows the same conversations.
    auto *save = m_window->findChild<QAction *>(QStringLiteral("inboxSaveSearch"));
    QVERIFY(save && save->isVisible());
    QTimer::singleShot(0, [] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->textValue(), QStringLiteral("refund")); // the search, as a first name
        dialog->setTextValue(QStringLiteral("Refunds"));
        dialog->accept();
    });
    save->trigger();
    QCOMPARE(m_ws->scalar(QStringLiteral("SELECT count(*) FROM saved_views WHERE name = 'Refunds' AND query = 'refund' "
                                         "AND owner_id = '%1'")
                              .arg(m_ws->admin)),
             1);
    auto *views = find<QTreeView>(m_window.get(), QStringLiteral("inboxViews"));
    QModelIndex savedView;
    for (int g = 0; g < views->model()->rowCount(); ++g) {
        const QModelIndex group = views->model()->index(g, 0);
        for (int r = 0; r < views->model()->rowCount(group); ++r) {
            if (views->model()->index(r, 0, group).data().toString() == QStringLiteral("Refunds")) {
                savedView = views->model()->index(r, 0, group);
            }
        }
    }
    QVERIFY(savedView.isValid());
    QApplication::setActiveWindow(m_window.get()); // back from the dialog
    list()->setFocus();
    saveShot(m_window.get(), QStringLiteral("saved-search"));
    key(Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), search);
    key(Qt::Key_Escape); // clears the search
    QVERIFY(search->text().isEmpty());
    QTRY_VERIFY(list()->model()->rowCount() >= 100); // the whole inbox again, still paged
    QVERIFY(list()->model()->canFetchMore({}));
}

void TestMainWindow::viewsFilterTheList()
{
    auto *views = find<QTreeView>(m_window.get(), QStringLiteral("inboxViews"));
    auto *model = qobject_cast<sb::models::ViewsModel *>(views->model());
    QVERIFY(model);
    const QModelIndex resolved
        = model->indexOf({sb::models::InboxFilter::Kind::Status, QStringLiteral("resolved"), {}});
    QTest::mouseClick(views->viewport(), Qt::LeftButton, {}, views->visualRect(resolved).center());
    QVERIFY(list()->model()->rowCount() > 0);
    QCOMPARE(qint64(list()->model()->rowCount()),
             m_ws->scalar(QStringLiteral("SELECT count(*) FROM conversations WHERE status = 'resolved'")));
    for (int row = 0; row < list()->model()->rowCount(); ++row) {
        QCOMPARE(list()->model()->index(row, 0).data(sb::models::StatusRole).toString(), QStringLiteral("resolved"));
    }
    const QModelIndex bug = model->indexOf({sb::models::InboxFilter::Kind::Tag, QStringLiteral("bug"), {}});
    QTest::mouseClick(views->viewport(), Qt::LeftButton, {}, views->visualRect(bug).center());
    QCOMPARE(qint64(list()->model()->rowCount()),
             m_ws->scalar(QStringLiteral("SELECT count(*) FROM conversation_tags WHERE tag = 'bug'")));
}

void TestMainWindow::shortcutsOverlay()
{
    key(Qt::Key_Question);
    auto *overlay = find<QWidget>(m_window.get(), QStringLiteral("shortcutsOverlay"));
    QVERIFY(overlay->isVisible());
    QStringList texts;
    for (QLabel *label : overlay->findChildren<QLabel *>()) {
        texts.append(label->text());
    }
    for (const QString &expected :
         {QStringLiteral("Resolve"), QStringLiteral("Assign"), QStringLiteral("J"), QStringLiteral("Ctrl+3"),
          QStringLiteral("Ctrl+Q"), QStringLiteral("/ or Ctrl+F")}) {
        QVERIFY2(texts.contains(expected), qPrintable(expected));
    }
    saveShot(m_window.get(), QStringLiteral("shortcuts"));
    key(Qt::Key_Escape);
    QVERIFY(!overlay->isVisible());
}

void TestMainWindow::statusBarShowsTeamConnection()
{
    auto *team = find<QLabel>(m_window.get(), QStringLiteral("teamStatus"));
    QVERIFY(!team->isVisible()); // a workspace of its own says nothing about teams
    sb::SqliteDb &db = m_ws->ctx->workspace().db();
    QVERIFY(db.exec(QStringLiteral("INSERT INTO settings(key, value, updated_at) VALUES ('team_pg', "
                                   "'host=db.example.com dbname=team user=ada', 0), ('team_state', "
                                   "'{\"state\":\"offline\",\"error\":\"connection refused\","
                                   "\"leading\":[],\"may_publish\":true}', 0)"))
                .ok());
    QVERIFY(db.exec(QStringLiteral("INSERT INTO team_pending(tbl, row_key, col, base) VALUES ('notes', '[\"a\"]', "
                                   "'*', NULL), ('conversations', '[\"b\"]', 'status', 'open')"))
                .ok());
    QTRY_VERIFY_WITH_TIMEOUT(team->isVisible(), 5000);
    QCOMPARE(team->text(), QStringLiteral("Team: offline \u00b7 2 changes waiting"));
    QVERIFY(team->toolTip().contains(QStringLiteral("connection refused")));
    QVERIFY(team->toolTip().contains(QStringLiteral("host=db.example.com")));
    saveShot(m_window->statusBar(), QStringLiteral("team-offline"));
    QVERIFY(db.exec(QStringLiteral("DELETE FROM team_pending")).ok());
    QVERIFY(db.exec(QStringLiteral("UPDATE settings SET value = '{\"state\":\"online\",\"leading\":[\"x\"],"
                                   "\"may_publish\":true}' WHERE key = 'team_state'"))
                .ok());
    QTRY_COMPARE_WITH_TIMEOUT(team->text(), QStringLiteral("Team: online"), 5000);
    QVERIFY(team->toolTip().contains(QStringLiteral("syncs 1 account")));
}

void TestMainWindow::statusBarShowsAccountHealth()
{
    QVERIFY(m_ws->ctx->engine().setAccountPaused(sb::Actor::employee(m_ws->admin), m_ws->bluesky, true).ok());
    m_ws->ctx->notifyChanged();
    auto *health = find<QWidget>(m_window.get(), QStringLiteral("accountHealth"));
    QVERIFY(health->isVisible());
    auto texts = [health] {
        QStringList out;
        for (QLabel *label : health->findChildren<QLabel *>()) {
            if (!label->text().isEmpty()) {
                out.append(label->text());
            }
        }
        return out;
    };
    // An account that never synced is not called healthy.
    QCOMPARE(texts(),
             (QStringList {QStringLiteral("@acme@mastodon.example: Not synced yet"),
                           QStringLiteral("acme.bsky.example: Paused")}));
    QVERIFY(m_ws->ctx->workspace()
                .db()
                .exec(QStringLiteral("UPDATE accounts SET last_sync_at = %1 WHERE id = '%2'")
                          .arg(m_ws->clock.nowMs())
                          .arg(m_ws->mastodon))
                .ok());
    m_ws->ctx->notifyChanged();
    QCOMPARE(
        texts(),
        (QStringList {QStringLiteral("@acme@mastodon.example: Healthy"), QStringLiteral("acme.bsky.example: Paused")}));

    // Engine errors reach the status bar in words.
    m_ws->ctx->report(sb::makeError(sb::ErrorKind::Forbidden, QStringLiteral("Not allowed.")));
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Not allowed."));
}

void TestMainWindow::stateIsRemembered()
{
    m_window->resize(1300, 780);
    key(Qt::Key_1, Qt::ControlModifier);
    QCoreApplication::processEvents();
    auto *splitter = find<QSplitter>(m_window.get(), QStringLiteral("inboxSplitter"));
    splitter->setSizes({250, 600, 400});
    const QList<int> sizes = splitter->sizes();
    key(Qt::Key_3, Qt::ControlModifier);
    m_window->close();
    m_window.reset();

    openWindow(false);
    QCOMPARE(m_window->currentSection(), int(MainWindow::EngagementSection));
    QCOMPARE(visibleSection(), QStringLiteral("engagementView"));
    QCOMPARE(m_window->size(), QSize(1300, 780));
    key(Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(find<QSplitter>(m_window.get(), QStringLiteral("inboxSplitter"))->sizes(), sizes);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Switchboard")));
}

void TestMainWindow::emptyWorkspaceTeaches()
{
    m_window.reset();
    QTemporaryDir dir;
    auto opened = sb::Workspace::open(dir.path(), sb::Workspace::OpenMode::CreateIfMissing);
    QVERIFY(opened.ok());
    sb::models::WorkspaceContext ctx(std::move(opened).value());
    QVERIFY(ctx.engine().createFirstAdmin(QStringLiteral("New User")).ok());
    ctx.setCurrentEmployee(ctx.workspace().db().scalarText(QStringLiteral("SELECT id FROM employees")));
    MainWindow window(ctx);
    window.resize(1100, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *empty = find<QWidget>(&window, QStringLiteral("inboxEmptyState"));
    QVERIFY(empty->isVisible());
    saveShot(&window, QStringLiteral("empty-workspace"));
    QTest::mouseClick(find<QPushButton>(&window, QStringLiteral("addAccountButton")), Qt::LeftButton);
    QCOMPARE(window.currentSection(), int(MainWindow::AccountsSection));
}

// The real demo (the workspace `switchboard --demo` opens): every section shows its data, the inbox pages and
// triages. Screenshots of it are what the issue asks to look at.
void TestMainWindow::demoWorkspaceInEverySection()
{
    m_window.reset();
    m_ws.reset();
    QTemporaryDir dir;
    auto opened = sb::Workspace::open(dir.path(), sb::Workspace::OpenMode::CreateIfMissing);
    QVERIFY(opened.ok());
    auto stats = sb::generateDemo(*opened.value(), sb::DemoOptions {});
    QVERIFY2(stats.ok(), qPrintable(stats.ok() ? QString() : stats.error().message));
    QVERIFY(stats.value().conversations > 100);
    sb::models::WorkspaceContext ctx(std::move(opened).value());
    QVERIFY(!ctx.currentEmployeeId().isEmpty());
    MainWindow window(ctx);
    window.resize(1400, 860);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);

    auto *conversations = find<QTreeView>(&window, QStringLiteral("conversationList"));
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), conversations);
    // A page or two of many (a tree view fetches one page of its own when it lays out).
    QVERIFY(conversations->model()->rowCount() >= 100);
    QVERIFY(conversations->model()->rowCount() <= 200);
    QVERIFY(conversations->model()->canFetchMore({}));
    QTest::keyClick(conversations, Qt::Key_J);
    QTest::keyClick(conversations, Qt::Key_J);
    QVERIFY(!find<QLabel>(&window, QStringLiteral("conversationAuthor"))->text().isEmpty());
    QVERIFY(!find<QTextBrowser>(&window, QStringLiteral("threadView"))->toPlainText().isEmpty());
    QTest::keyClick(conversations, Qt::Key_End); // scrolling to the end fetches the next page
    QTRY_VERIFY(conversations->model()->rowCount() > 100);
    QTest::keyClick(conversations, Qt::Key_Home);
    QTest::keyClick(conversations, Qt::Key_J);
    saveShot(&window, QStringLiteral("demo-1-inbox"));

    for (int i = 1; i < MainWindow::kSectionCount; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QWidget *section = find<QStackedWidget>(&window, QStringLiteral("sections"))->currentWidget();
        QCOMPARE(section->objectName(), kSectionNames[i]);
        QVERIFY2(showsData(section), qPrintable(kSectionNames[i] + QStringLiteral(" shows no demo data")));
        saveShot(&window, QStringLiteral("demo-%1-%2").arg(i + 1).arg(kSectionNames[i]));
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_1, Qt::ControlModifier);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Question);
    saveShot(&window, QStringLiteral("demo-shortcuts"));
}

// `switchboard --workspace DIR` on a damaged or too new database: exit code 1, the reason in words, the file
// left as it was. (Offscreen the reason goes to stderr only; on a desktop it is also a message box.)
void TestMainWindow::entryPointRefusesBadWorkspaces()
{
    const QString exe = qEnvironmentVariable("SWITCHBOARD_GUI");
    if (exe.isEmpty()) {
        QSKIP("SWITCHBOARD_GUI is not set");
    }
    const auto run = [&exe](const QString &dir, QString *err) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.start(exe, {QStringLiteral("--workspace"), dir});
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        *err = QString::fromUtf8(process.readAllStandardError());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    };

    QTemporaryDir corrupt;
    const QString dbPath = corrupt.filePath(sb::Workspace::databaseFileName());
    QByteArray garbage;
    for (int i = 0; i < 512; ++i) {
        garbage += "not a database, ";
    }
    {
        QFile file(dbPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    QString err;
    QCOMPARE(run(corrupt.path(), &err), 1);
    QVERIFY2(err.contains(dbPath), qPrintable(err));
    QFile check(dbPath);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), garbage);

    QTemporaryDir newer;
    {
        auto ws = sb::Workspace::open(newer.path(), sb::Workspace::OpenMode::CreateIfMissing);
        QVERIFY(ws.ok());
        QVERIFY(ws.value()->db().exec("PRAGMA user_version = 999").ok());
    }
    QCOMPARE(run(newer.path(), &err), 1);
    QVERIFY2(err.contains(QStringLiteral("newer")), qPrintable(err));
}

void TestMainWindow::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SWITCHBOARD_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        return;
    }
    QDir().mkpath(dir);
    QCoreApplication::processEvents();
    QVERIFY(widget->grab().save(dir + QStringLiteral("/mainwindow-") + name + QStringLiteral(".png")));
}

void TestMainWindow::screenshots()
{
    if (qEnvironmentVariable("SWITCHBOARD_SCREENSHOT_DIR").isEmpty()) {
        QSKIP("set SWITCHBOARD_SCREENSHOT_DIR to save screenshots");
    }
    key(Qt::Key_1, Qt::ControlModifier);
    key(Qt::Key_J);
    key(Qt::Key_J);
    saveShot(m_window.get(), QStringLiteral("1-inbox"));
    key(Qt::Key_A);
    saveShot(m_window.get(), QStringLiteral("1-inbox-assign"));
    key(Qt::Key_Escape);
    for (int i = 1; i < MainWindow::kSectionCount; ++i) {
        key(Qt::Key_1 + i, Qt::ControlModifier);
        saveShot(m_window.get(), QStringLiteral("%1-%2").arg(i + 1).arg(kSectionNames[i]));
    }

    // A dark desktop palette: text, tints and icons must stay readable.
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1f, 0x20, 0x22));
    dark.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9e, 0xa4));
    QApplication::setPalette(dark);
    key(Qt::Key_1, Qt::ControlModifier);
    saveShot(m_window.get(), QStringLiteral("1-inbox-dark"));
    QApplication::setPalette(light);
}

// `tst_mainwindow --presence-helper DIR CONVERSATION EMPLOYEE`: another process that has the conversation open with
// a reply in progress, until its standard input closes.
static int presenceHelper(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto opened = sb::Workspace::open(args.at(2), sb::Workspace::OpenMode::OpenExisting);
    if (!opened.ok()) {
        return 1;
    }
    const QString session = QStringLiteral("helper-%1").arg(QCoreApplication::applicationPid());
    if (!sb::presence::touch(opened.value()->db(), sb::SystemClock::instance(), session, args.at(4), args.at(3), true)
             .ok()) {
        return 1;
    }
    QTextStream(stdout) << "ready" << Qt::endl;
    QTextStream(stdin).readAll(); // until the test closes our input
    (void)sb::presence::leave(opened.value()->db(), session);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 5 && qstrcmp(argv[1], "--presence-helper") == 0) {
        return presenceHelper(argc, argv);
    }
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestMainWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_mainwindow.moc"
