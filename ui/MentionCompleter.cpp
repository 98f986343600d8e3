#include "ui/MentionCompleter.h"

#include "engine/Mentions.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTextBlock>

namespace sb::ui {

namespace {
constexpr int kMentionRole = Qt::UserRole + 1;
constexpr int kMaxPrefix = 40;
} // namespace

MentionCompleter::MentionCompleter(models::WorkspaceContext &ctx, QPlainTextEdit *editor)
    : QObject(editor), m_ctx(ctx), m_editor(editor), m_people(new QStandardItemModel(this)),
      m_completer(new QCompleter(this))
{
    setObjectName(QStringLiteral("mentionCompleter"));
    m_completer->setModel(m_people);
    m_completer->setWidget(editor);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->popup()->setObjectName(QStringLiteral("mentionPopup"));
    m_completer->popup()->setAccessibleName(tr("Colleagues to mention"));
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) { insert(index.data(kMentionRole).toString()); });
    connect(editor, &QPlainTextEdit::textChanged, this, &MentionCompleter::textEdited);
    // Ahead of the completer's own filter on its popup, which hands Return to the editor first (a new line).
    m_completer->popup()->installEventFilter(this);
}

void MentionCompleter::setActive(bool active)
{
    m_active = active;
    if (!active) {
        m_completer->popup()->hide();
    }
}

void MentionCompleter::reloadPeople()
{
    m_people->clear();
    auto st = m_ctx.reader().prepare(QStringLiteral("SELECT id, name FROM employees WHERE active = 1 AND id != ? "
                                                    "ORDER BY name"));
    if (!st.ok()) {
        return;
    }
    st.value().bind(1, m_ctx.currentEmployeeId());
    while (st.value().next()) {
        auto *item = new QStandardItem(st.value().text(1));
        item->setData(mentionFor(m_ctx.reader(), st.value().text(0)), kMentionRole);
        m_people->appendRow(item);
    }
}

QString MentionCompleter::typedPrefix() const
{
    const QTextCursor cursor = m_editor->textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    const qsizetype at = before.lastIndexOf(QLatin1Char('@'));
    if (at < 0 || before.size() - at > kMaxPrefix) {
        return {};
    }
    if (at > 0 && (before.at(at - 1).isLetterOrNumber() || before.at(at - 1) == QLatin1Char('@'))) {
        return {}; // an e-mail address or a handle's server part
    }
    const QString word = before.mid(at + 1);
    for (const QChar c : word) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('.') && c != QLatin1Char('_')) {
            return {};
        }
    }
    return word.isNull() ? QStringLiteral("") : word;
}

void MentionCompleter::textEdited()
{
    if (!m_active || !m_editor->hasFocus()) {
        return;
    }
    const QString prefix = typedPrefix();
    if (prefix.isNull()) {
        m_completer->popup()->hide();
        return;
    }
    if (m_people->rowCount() == 0 || prefix.isEmpty()) {
        reloadPeople(); // on each fresh "@": the roster may have changed
    }
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect rect = m_editor->cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0)
                  + m_completer->popup()->verticalScrollBar()->sizeHint().width() + 12);
    m_completer->complete(rect);
}

void MentionCompleter::insert(const QString &mention)
{
    const QString prefix = typedPrefix();
    if (prefix.isNull() || mention.isEmpty()) {
        return;
    }
    QTextCursor cursor = m_editor->textCursor();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(prefix.size()) + 1);
    cursor.insertText(mention + QLatin1Char(' '));
    m_editor->setTextCursor(cursor);
    m_completer->popup()->hide();
}

bool MentionCompleter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_completer->popup() && event->type() == QEvent::KeyPress && m_completer->popup()->isVisible()) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab: {
            const QModelIndex current = m_completer->popup()->currentIndex();
            if (current.isValid()) {
                insert(current.data(kMentionRole).toString());
                return true;
            }
            break;
        }
        case Qt::Key_Escape: m_completer->popup()->hide(); return true;
        default: break;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace sb::ui
