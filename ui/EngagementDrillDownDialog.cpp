#include "ui/EngagementDrillDownDialog.h"

#include "metrics/EngagementDrillDown.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sb::ui {

namespace {

constexpr int kConversationRole = Qt::UserRole + 1;

// Enter on a row opens its conversation rather than closing the dialog.
class DrillList final : public QTreeWidget {
public:
    using QTreeWidget::QTreeWidget;
    std::function<void()> onEnter;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && onEnter) {
            onEnter();
            return;
        }
        QTreeWidget::keyPressEvent(event);
    }
};

} // namespace

EngagementDrillDownDialog::EngagementDrillDownDialog(const QString &title, const metrics::DrillDown &drill,
                                                     QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("engagementDrillDown"));
    setWindowTitle(title);
    auto *heading = new QLabel(title, this);
    QFont bold = heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    heading->setFont(bold);
    heading->setWordWrap(true);
    auto *summary = new QLabel(drill.summary, this);
    summary->setObjectName(QStringLiteral("engagementDrillSummary"));
    summary->setWordWrap(true);

    auto *list = new DrillList(this);
    m_list = list;
    m_list->setObjectName(QStringLiteral("engagementDrillList"));
    m_list->setAccessibleName(tr("What counted"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("When"), tr("What"), tr("Conversation or post"), tr("Figure")});
    QList<QTreeWidgetItem *> items;
    items.reserve(qsizetype(drill.rows.size()));
    for (const metrics::DrillRow &row : drill.rows) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, row.when);
        item->setText(1, row.what);
        item->setText(2, row.about);
        item->setToolTip(2, row.about);
        item->setText(3, row.value);
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(0, kConversationRole, row.conversationId);
        items << item;
    }
    m_list->addTopLevelItems(items);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    auto *empty = new QLabel(tr("Nothing counted for this figure in this range."), this);
    empty->setVisible(drill.rows.empty());
    m_list->setVisible(!drill.rows.empty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_open = buttons->addButton(tr("&Open conversation"), QDialogButtonBox::ActionRole);
    m_open->setObjectName(QStringLiteral("engagementDrillOpen"));
    m_open->setEnabled(false);
    m_open->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, &EngagementDrillDownDialog::openCurrent);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &EngagementDrillDownDialog::openCurrent);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        m_open->setEnabled(current && !current->data(0, kConversationRole).toString().isEmpty());
    });
    list->onEnter = [this] { openCurrent(); };

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(empty, 1);
    layout->addWidget(buttons);
    resize(860, 480);
    if (!drill.rows.empty()) {
        m_list->setCurrentItem(m_list->topLevelItem(0));
    }
    m_list->setFocus();
}

EngagementDrillDownDialog::~EngagementDrillDownDialog() = default;

void EngagementDrillDownDialog::openCurrent()
{
    QTreeWidgetItem *item = m_list->currentItem();
    const QString id = item ? item->data(0, kConversationRole).toString() : QString();
    if (!id.isEmpty()) {
        emit openConversation(id);
    }
}

} // namespace sb::ui
