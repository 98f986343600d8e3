#pragma once

#include <QRect>

class QFont;
class QModelIndex;
class QPainter;
class QPalette;

namespace sb::ui::CalendarChip {

// A post as a compact chip: a stripe in the state's colour, the time (and date) with the state's name on the
// first line, network marks and the first words on the second. `index` is a row of models::CalendarModel.
// With one line (wide cells) everything follows on that line.
void paint(QPainter &painter, const QRect &rect, const QModelIndex &index, const QPalette &palette, const QFont &font,
           bool twoLines, bool withDate);

// Height of a chip drawn with `font`.
int height(const QFont &font, bool twoLines);

// The font chips use: a little smaller than the widget's.
QFont font(const QFont &base);

} // namespace sb::ui::CalendarChip
