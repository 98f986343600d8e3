#include "ui/SettingsRulesPanel.h"

#include "engine/Engine.h"
#include "engine/Routing.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QStringList splitCommas(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty()) {
            out << part.trimmed();
        }
    }
    return out;
}

void fillCombo(QComboBox *combo, SqliteDb &db, const QString &noneLabel, const char *sql)
{
    const QString keep = combo->currentData().toString();
    combo->clear();
    combo->addItem(noneLabel, QString());
    auto st = db.prepare(QString::fromUtf8(sql));
    if (st.ok()) {
        while (st.value().next()) {
            combo->addItem(st.value().text(1), st.value().text(0));
        }
    }
    combo->setCurrentIndex(std::max(0, combo->findData(keep)));
}

} // namespace

SettingsRulesPanel::SettingsRulesPanel(sb::models::WorkspaceContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("settingsRules"));
    auto *intro = new QLabel(tr("Applied in this order to every new message from a customer. A rule never takes a "
                                "conversation away from the person or team it is with, and only raises a priority."),
                             this);
    intro->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("settingsRulesList"));
    m_list->setAccessibleName(tr("Routing rules"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);

    m_new = new QPushButton(tr("New &rule"), this);
    m_new->setObjectName(QStringLiteral("settingsNewRule"));
    m_remove = new QPushButton(tr("Remove rule"), this);
    m_remove->setObjectName(QStringLiteral("settingsRemoveRule"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    m_form = new QGroupBox(tr("New rule"), this);
    m_form->setObjectName(QStringLiteral("settingsRuleForm"));
    auto named = [this](auto *widget, const char *objectName, const QString &accessible) {
        widget->setObjectName(QLatin1String(objectName));
        widget->setAccessibleName(accessible);
        return widget;
    };
    m_name = named(new QLineEdit(m_form), "ruleName", tr("Rule name"));
    m_account = named(new QComboBox(m_form), "ruleAccount", tr("Account"));
    m_kind = named(new QComboBox(m_form), "ruleKind", tr("Kind of message"));
    m_kind->addItem(tr("Any kind"), QString());
    m_kind->addItem(tr("Mention"), QStringLiteral("mention"));
    m_kind->addItem(tr("Reply"), QStringLiteral("reply"));
    m_kind->addItem(tr("Direct message"), QStringLiteral("dm"));
    m_kind->addItem(tr("Comment"), QStringLiteral("comment"));
    m_kind->addItem(tr("Quote"), QStringLiteral("quote"));
    m_language = named(new QLineEdit(m_form), "ruleLanguage", tr("Language"));
    m_language->setPlaceholderText(tr("any; e.g. de"));
    m_language->setMaxLength(12);
    m_author = named(new QLineEdit(m_form), "ruleAuthor", tr("Author"));
    m_author->setPlaceholderText(tr("anyone; e.g. @anna@shoes.example"));
    m_keywords = named(new QLineEdit(m_form), "ruleKeywords", tr("Keywords"));
    m_keywords->setPlaceholderText(tr("any of these, comma separated; e.g. refund, money back"));
    m_team = named(new QComboBox(m_form), "ruleTeam", tr("Route to team"));
    m_assignee = named(new QComboBox(m_form), "ruleAssignee", tr("Assign to"));
    m_tags = named(new QLineEdit(m_form), "ruleTags", tr("Add tags"));
    m_tags->setPlaceholderText(tr("comma separated; e.g. billing, refund"));
    m_priority = named(new QComboBox(m_form), "rulePriority", tr("Priority"));
    m_priority->addItem(tr("Leave as it is"), -1);
    m_priority->addItem(tr("At least low"), 1);
    m_priority->addItem(tr("At least high"), 2);
    m_priority->addItem(tr("Urgent"), 3);
    m_enabled = named(new QCheckBox(tr("&Enabled"), m_form), "ruleEnabled", tr("Enabled"));
    m_enabled->setChecked(true);
    m_save = named(new QPushButton(tr("&Add rule"), m_form), "ruleSave", tr("Save rule"));

    auto *form = new QFormLayout(m_form);
    form->addRow(tr("&Name:"), m_name);
    auto *when = new QLabel(tr("<b>When a message</b>"), m_form);
    form->addRow(when);
    form->addRow(tr("arrives on:"), m_account);
    form->addRow(tr("is a:"), m_kind);
    form->addRow(tr("is in language:"), m_language);
    form->addRow(tr("comes from:"), m_author);
    form->addRow(tr("contains:"), m_keywords);
    form->addRow(new QLabel(tr("<b>Then</b>"), m_form));
    form->addRow(tr("route to team:"), m_team);
    form->addRow(tr("assign to:"), m_assignee);
    form->addRow(tr("add tags:"), m_tags);
    form->addRow(tr("priority:"), m_priority);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_enabled);
    saveRow->addStretch(1);
    saveRow->addWidget(m_save);
    form->addRow(saveRow);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("settingsRulesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);

    auto *left = new QVBoxLayout;
    left->addWidget(intro);
    left->addWidget(m_list, 1);
    left->addLayout(buttons);
    auto *right = new QVBoxLayout;
    right->addWidget(m_form);
    right->addWidget(m_message);
    right->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);

    connect(m_new, &QPushButton::clicked, this, &SettingsRulesPanel::startNewRule);
    connect(m_remove, &QPushButton::clicked, this, &SettingsRulesPanel::removeRule);
    connect(m_save, &QPushButton::clicked, this, &SettingsRulesPanel::saveRule);
    for (QLineEdit *edit : {m_name, m_language, m_author, m_keywords, m_tags}) {
        connect(edit, &QLineEdit::returnPressed, this, &SettingsRulesPanel::saveRule);
    }
    connect(m_list, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem *item) { showRule(item ? item->data(kIdRole).toString() : QString()); });
    reload();
}

SettingsRulesPanel::~SettingsRulesPanel() = default;

void SettingsRulesPanel::setEditable(bool editable)
{
    m_editable = editable;
    m_new->setEnabled(editable);
    m_form->setEnabled(editable);
    m_remove->setEnabled(editable && !m_editingId.isEmpty());
}

void SettingsRulesPanel::fillChoices()
{
    SqliteDb &db = m_ctx.reader();
    fillCombo(m_account, db, tr("Any account"),
              "SELECT id, handle FROM accounts WHERE archived = 0 ORDER BY network, handle");
    fillCombo(m_team, db, tr("No team"), "SELECT id, name FROM teams ORDER BY name");
    fillCombo(m_assignee, db, tr("Nobody"), "SELECT id, name FROM employees WHERE active = 1 ORDER BY name");
}

QString SettingsRulesPanel::describe(const RoutingRule &rule) const
{
    auto label = [](QComboBox *combo, const QString &id) {
        const int index = combo->findData(id);
        return index >= 0 ? combo->itemText(index) : id;
    };
    QStringList when;
    if (!rule.accountId.isEmpty()) {
        when << tr("on %1").arg(label(m_account, rule.accountId));
    }
    if (!rule.kind.isEmpty()) {
        when << label(m_kind, rule.kind).toLower();
    }
    if (!rule.language.isEmpty()) {
        when << tr("in %1").arg(rule.language);
    }
    if (!rule.author.isEmpty()) {
        when << tr("from %1").arg(rule.author);
    }
    if (!rule.keywords.isEmpty()) {
        when << tr("containing %1").arg(rule.keywords.join(tr(" or ")));
    }
    QStringList then;
    if (!rule.teamId.isEmpty()) {
        then << tr("team %1").arg(label(m_team, rule.teamId));
    }
    if (!rule.assigneeId.isEmpty()) {
        then << tr("assign %1").arg(label(m_assignee, rule.assigneeId));
    }
    if (!rule.tags.isEmpty()) {
        then << tr("tag %1").arg(rule.tags.join(QStringLiteral(", ")));
    }
    if (rule.priority) {
        then << m_priority->itemText(m_priority->findData(*rule.priority)).toLower();
    }
    const QString condition = when.isEmpty() ? tr("every message") : when.join(QStringLiteral(", "));
    QString line = QStringLiteral("%1\n%2 \u2192 %3").arg(rule.name, condition, then.join(QStringLiteral(", ")));
    if (!rule.enabled) {
        line += QLatin1Char(' ') + tr("(disabled)");
    }
    return line;
}

void SettingsRulesPanel::reload()
{
    fillChoices();
    const QString keep = m_editingId;
    const auto rules = loadRoutingRules(m_ctx.reader(), false);
    m_list->blockSignals(true);
    m_list->clear();
    if (rules.ok()) {
        for (const RoutingRule &rule : rules.value()) {
            auto *item = new QListWidgetItem(describe(rule), m_list);
            item->setData(kIdRole, rule.id);
            if (!rule.enabled) {
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            }
            if (rule.id == keep) {
                m_list->setCurrentItem(item);
            }
        }
    } else {
        showMessage(rules.error().message, true);
    }
    m_list->blockSignals(false);
    showRule(m_list->currentItem() ? keep : QString());
}

void SettingsRulesPanel::showRule(const QString &id)
{
    RoutingRule rule;
    if (!id.isEmpty()) {
        const auto rules = loadRoutingRules(m_ctx.reader(), false);
        if (rules.ok()) {
            for (const RoutingRule &r : rules.value()) {
                if (r.id == id) {
                    rule = r;
                }
            }
        }
    }
    m_editingId = rule.id;
    m_form->setTitle(m_editingId.isEmpty() ? tr("New rule") : tr("Rule \"%1\"").arg(rule.name));
    m_save->setText(m_editingId.isEmpty() ? tr("&Add rule") : tr("&Save rule"));
    m_name->setText(rule.name);
    m_account->setCurrentIndex(std::max(0, m_account->findData(rule.accountId)));
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(rule.kind)));
    m_language->setText(rule.language);
    m_author->setText(rule.author);
    m_keywords->setText(rule.keywords.join(QStringLiteral(", ")));
    m_team->setCurrentIndex(std::max(0, m_team->findData(rule.teamId)));
    m_assignee->setCurrentIndex(std::max(0, m_assignee->findData(rule.assigneeId)));
    m_tags->setText(rule.tags.join(QStringLiteral(", ")));
    m_priority->setCurrentIndex(std::max(0, m_priority->findData(rule.priority.value_or(-1))));
    m_enabled->setChecked(rule.enabled);
    m_remove->setEnabled(m_editable && !m_editingId.isEmpty());
}

void SettingsRulesPanel::startNewRule()
{
    m_list->setCurrentItem(nullptr);
    showRule({});
    m_name->setFocus(Qt::OtherFocusReason);
}

void SettingsRulesPanel::saveRule()
{
    if (!m_editable) {
        return;
    }
    RoutingRule rule;
    rule.id = m_editingId;
    rule.name = m_name->text().simplified();
    rule.enabled = m_enabled->isChecked();
    rule.accountId = m_account->currentData().toString();
    rule.kind = m_kind->currentData().toString();
    rule.language = m_language->text().trimmed();
    rule.author = m_author->text().trimmed();
    rule.keywords = splitCommas(m_keywords->text());
    rule.teamId = m_team->currentData().toString();
    rule.assigneeId = m_assignee->currentData().toString();
    rule.tags = splitCommas(m_tags->text());
    if (const int priority = m_priority->currentData().toInt(); priority > 0) {
        rule.priority = priority;
    }
    const Actor me = Actor::employee(m_ctx.currentEmployeeId());
    Status status = success();
    if (m_editingId.isEmpty()) {
        const auto added = m_ctx.engine().addRule(me, rule);
        status = added.ok() ? Status(success()) : Status(added.error());
        if (added.ok()) {
            m_editingId = added.value();
        }
    } else {
        status = m_ctx.engine().updateRule(me, rule);
    }
    if (!status.ok()) {
        showMessage(status.error().message, true);
        return;
    }
    m_ctx.notifyChanged(QStringLiteral("rules"));
    reload();
    showMessage(tr("Saved the rule \"%1\". It applies to messages that arrive from now on.").arg(rule.name), false);
}

void SettingsRulesPanel::removeRule()
{
    if (!m_editable || m_editingId.isEmpty()) {
        return;
    }
    const QString name = m_name->text().simplified();
    const Status status = m_ctx.engine().removeRule(Actor::employee(m_ctx.currentEmployeeId()), m_editingId);
    if (!status.ok()) {
        showMessage(status.error().message, true);
        return;
    }
    m_editingId.clear();
    m_ctx.notifyChanged(QStringLiteral("rules"));
    reload();
    showMessage(tr("Removed the rule \"%1\"; what it did stays in the history.").arg(name), false);
}

void SettingsRulesPanel::showMessage(const QString &text, bool error)
{
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, error ? QColor(0xc0, 0x39, 0x2b) : palette().color(QPalette::WindowText));
    m_message->setPalette(pal);
    m_message->setText(text);
}

} // namespace sb::ui
