#include "ui/CalendarAgendaDelegate.h"

#include "ui/CalendarChip.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace sb::ui {

void CalendarAgendaDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Selection and focus as the platform draws them, the chip inside.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    const QRect chip = option.rect.adjusted(3, 2, -3, -2);
    CalendarChip::paint(*painter, chip, index, option.palette, CalendarChip::font(option.font), true, true);
    if (option.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(option);
        focus.rect = option.rect;
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
}

QSize CalendarAgendaDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.rect.width(), CalendarChip::height(CalendarChip::font(option.font), true) + 4};
}

} // namespace sb::ui
