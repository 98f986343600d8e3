#pragma once

#include <QStyledItemDelegate>

namespace sb::ui {

// Draws an agenda row as a two-line post chip with its date, like the month grid's chips.
class CalendarAgendaDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace sb::ui
