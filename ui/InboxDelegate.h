#pragma once

#include <QStyledItemDelegate>

namespace sb::ui {

// Presentation of the inbox models' rows: the icon named by IconKeyRole (network, status, SLA, view), the overdue
// SLA in its warning colour, and counts and group headings in the views list. The models say what; this says how.
// With a two-line column set, that column shows the row's author over its snippet (TextRole), mail-client style.
class InboxDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setTwoLineColumn(int column) { m_twoLineColumn = column; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    static void drawMarked(QPainter *painter, const QRect &rect, const QString &text, const QFont &plain,
                           const QColor &muted, const QColor &strong);

    int m_twoLineColumn = -1;
};

} // namespace sb::ui
