#include "ui/SettingsCannedPanel.h"

#include "engine/CannedReplies.h"
#include "engine/Engine.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

SettingsCannedPanel::SettingsCannedPanel(sb::models::WorkspaceContext &ctx, QWidget *parent)
    : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("settingsCanned"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("cannedList"));
    m_list->setAccessibleName(tr("Canned replies"));
    m_list->setAlternatingRowColors(true);
    m_new = new QPushButton(tr("New canned &reply"), this);
    m_new->setObjectName(QStringLiteral("cannedNew"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("cannedRemove"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("cannedTitle"));
    m_title->setAccessibleName(tr("Title"));
    m_title->setPlaceholderText(tr("e.g. Where is my order"));
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("cannedBody"));
    m_body->setAccessibleName(tr("Text"));
    m_body->setTabChangesFocus(true);
    m_body->setPlaceholderText(tr("Hi {first_name}, thanks for writing! … {agent}"));
    auto *variables = new QLabel(
        tr("Variables: %1. They are filled in when the reply is inserted.")
            .arg(QStringLiteral("{") + cannedVariableNames().join(QStringLiteral("}, {")) + QStringLiteral("}")),
        this);
    variables->setWordWrap(true);
    variables->setTextFormat(Qt::PlainText);
    variables->setForegroundRole(QPalette::PlaceholderText);
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("cannedSave"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("cannedMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);

    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(buttons);
    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("Te&xt:"), m_body);
    form->addRow(variables);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_save);
    form->addRow(saveRow);
    form->addRow(m_message);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addLayout(form, 3);

    connect(m_new, &QPushButton::clicked, this, &SettingsCannedPanel::startNew);
    connect(m_save, &QPushButton::clicked, this, &SettingsCannedPanel::save);
    connect(m_remove, &QPushButton::clicked, this, &SettingsCannedPanel::remove);
    connect(m_title, &QLineEdit::returnPressed, this, &SettingsCannedPanel::save);
    connect(m_list, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem *item) { show(item ? item->data(kIdRole).toString() : QString()); });
    reload();
}

SettingsCannedPanel::~SettingsCannedPanel() = default;

void SettingsCannedPanel::setEditable(bool editable)
{
    m_editable = editable;
    for (QWidget *w : {static_cast<QWidget *>(m_new), static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_body),
                       static_cast<QWidget *>(m_save)}) {
        w->setEnabled(editable);
    }
    m_remove->setEnabled(editable && !m_editingId.isEmpty());
}

void SettingsCannedPanel::reload()
{
    const QString keep = m_editingId;
    m_list->blockSignals(true);
    m_list->clear();
    auto st = m_ctx.reader().prepare(QStringLiteral("SELECT id, title FROM canned_replies ORDER BY title"));
    if (st.ok()) {
        while (st.value().next()) {
            auto *item = new QListWidgetItem(st.value().text(1), m_list);
            item->setData(kIdRole, st.value().text(0));
            if (item->data(kIdRole).toString() == keep) {
                m_list->setCurrentItem(item);
            }
        }
    }
    m_list->blockSignals(false);
    show(m_list->currentItem() ? keep : QString());
}

void SettingsCannedPanel::show(const QString &id)
{
    m_editingId.clear();
    m_title->clear();
    m_body->clear();
    if (!id.isEmpty()) {
        Statement &st = m_ctx.reader().cached("SELECT title, body FROM canned_replies WHERE id = ?");
        st.bind(1, id);
        if (st.next()) {
            m_editingId = id;
            m_title->setText(st.text(0));
            m_body->setPlainText(st.text(1));
        }
        st.reset();
    }
    m_save->setText(m_editingId.isEmpty() ? tr("&Add") : tr("&Save"));
    m_remove->setEnabled(m_editable && !m_editingId.isEmpty());
}

void SettingsCannedPanel::startNew()
{
    m_list->setCurrentItem(nullptr);
    show({});
    m_title->setFocus(Qt::OtherFocusReason);
}

void SettingsCannedPanel::save()
{
    if (!m_editable) {
        return;
    }
    const auto saved = m_ctx.engine().saveCannedReply(Actor::employee(m_ctx.currentEmployeeId()), m_editingId,
                                                      m_title->text(), m_body->toPlainText());
    if (!saved.ok()) {
        showMessage(saved.error().message, true);
        return;
    }
    m_editingId = saved.value();
    const QString title = m_title->text().simplified();
    m_ctx.notifyChanged(QStringLiteral("canned"));
    reload();
    showMessage(tr("Saved \"%1\".").arg(title), false);
}

void SettingsCannedPanel::remove()
{
    if (!m_editable || m_editingId.isEmpty()) {
        return;
    }
    const QString title = m_title->text().simplified();
    const Status s = m_ctx.engine().removeCannedReply(Actor::employee(m_ctx.currentEmployeeId()), m_editingId);
    if (!s.ok()) {
        showMessage(s.error().message, true);
        return;
    }
    m_editingId.clear();
    m_ctx.notifyChanged(QStringLiteral("canned"));
    reload();
    showMessage(tr("Removed \"%1\".").arg(title), false);
}

void SettingsCannedPanel::showMessage(const QString &text, bool error)
{
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, error ? QColor(0xc0, 0x39, 0x2b) : palette().color(QPalette::WindowText));
    m_message->setPalette(pal);
    m_message->setText(text);
}

} // namespace sb::ui
