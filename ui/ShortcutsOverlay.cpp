#include "ui/ShortcutsOverlay.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace sb::ui {

ShortcutsOverlay::ShortcutsOverlay(QWidget *parent) : QWidget(parent), m_panel(new QFrame(this)), m_grid(nullptr)
{
    setObjectName(QStringLiteral("shortcutsOverlay"));
    setAccessibleName(tr("Keyboard shortcuts"));
    setFocusPolicy(Qt::StrongFocus);
    auto *panel = static_cast<QFrame *>(m_panel);
    panel->setFrameShape(QFrame::StyledPanel);
    panel->setAutoFillBackground(true);
    panel->setBackgroundRole(QPalette::Window);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(20, 16, 20, 16);
    auto *title = new QLabel(tr("Keyboard shortcuts"), panel);
    QFont big = title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    title->setFont(big);
    layout->addWidget(title);
    auto *grid = new QWidget(panel);
    m_grid = new QGridLayout(grid);
    m_grid->setContentsMargins(0, 8, 0, 8);
    m_grid->setHorizontalSpacing(24);
    m_grid->setVerticalSpacing(3);
    layout->addWidget(grid);
    auto *hint = new QLabel(tr("Press Escape or ? to close."), panel);
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);
    parent->installEventFilter(this);
    hide();
}

void ShortcutsOverlay::setGroups(const QList<Group> &groups)
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    // Groups flow into two columns of (key, description) pairs.
    const int columns = groups.size() > 2 ? 2 : 1;
    int row[2] = {0, 0};
    int column = 0;
    for (const Group &group : groups) {
        auto *heading = new QLabel(group.first, m_grid->parentWidget());
        QFont bold = heading->font();
        bold.setBold(true);
        heading->setFont(bold);
        m_grid->addWidget(heading, row[column]++, column * 2, 1, 2);
        for (QAction *action : group.second) {
            if (action->shortcuts().isEmpty()) {
                continue;
            }
            QStringList keys;
            for (const QKeySequence &key : action->shortcuts()) {
                keys.append(key.toString(QKeySequence::NativeText));
            }
            auto *keyLabel = new QLabel(keys.join(tr(" or ")), m_grid->parentWidget());
            keyLabel->setTextFormat(Qt::PlainText);
            QFont mono = keyLabel->font();
            mono.setBold(true);
            keyLabel->setFont(mono);
            auto *what = new QLabel(QString(action->text()).remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                                    m_grid->parentWidget());
            what->setTextFormat(Qt::PlainText);
            m_grid->addWidget(keyLabel, row[column], column * 2, Qt::AlignRight);
            m_grid->addWidget(what, row[column]++, column * 2 + 1);
        }
        row[column]++; // a blank line between groups
        if (columns == 2) {
            column = row[0] <= row[1] ? 0 : 1;
        }
    }
}

void ShortcutsOverlay::toggle()
{
    if (isVisible()) {
        hide();
        if (m_previousFocus) {
            m_previousFocus->setFocus(Qt::OtherFocusReason);
        }
        return;
    }
    m_previousFocus = QApplication::focusWidget();
    setGeometry(parentWidget()->rect());
    m_panel->adjustSize();
    m_panel->move((width() - m_panel->width()) / 2, qMax(0, (height() - m_panel->height()) / 3));
    show();
    raise();
    setFocus(Qt::ShortcutFocusReason);
}

bool ShortcutsOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible()) {
        setGeometry(parentWidget()->rect());
        m_panel->move((width() - m_panel->width()) / 2, qMax(0, (height() - m_panel->height()) / 3));
    }
    return QWidget::eventFilter(watched, event);
}

void ShortcutsOverlay::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_Question) {
        toggle();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ShortcutsOverlay::mousePressEvent(QMouseEvent *event)
{
    Q_UNUSED(event)
    toggle();
}

void ShortcutsOverlay::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    QColor veil = palette().color(QPalette::Shadow);
    veil.setAlpha(110);
    painter.fillRect(rect(), veil);
}

} // namespace sb::ui
