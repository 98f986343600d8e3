#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

class QAction;
class QGridLayout;

namespace sb::ui {

// "?" : every shortcut of the window in one panel over it (not a dialog). Escape, "?" or a click closes it.
class ShortcutsOverlay final : public QWidget {
    Q_OBJECT
public:
    using Group = QPair<QString, QList<QAction *>>;

    explicit ShortcutsOverlay(QWidget *parent);

    // Fills the panel from the actions' texts and shortcuts, so it can never disagree with the menus.
    void setGroups(const QList<Group> &groups);
    void toggle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QWidget *m_panel;
    QGridLayout *m_grid;
    QWidget *m_previousFocus = nullptr;
};

} // namespace sb::ui
