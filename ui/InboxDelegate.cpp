#include "ui/InboxDelegate.h"

#include "models/ModelRoles.h"
#include "ui/Icons.h"

#include <QApplication>
#include <QPainter>

namespace sb::ui {

QSize InboxDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Every row as tall as an icon row, headings included (the views use uniform row heights).
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), qMax(option.fontMetrics.height(), 16) + 6));
    if (index.column() == m_twoLineColumn) {
        size.setHeight(qMax(size.height(), option.fontMetrics.lineSpacing() * 2 + 8));
    }
    return size;
}

// Draws `text` on one line, the runs between kMatchStart and kMatchEnd in bold and in the main colour; the rest
// elided at the right edge.
void InboxDelegate::drawMarked(QPainter *painter, const QRect &rect, const QString &text, const QFont &plain,
                               const QColor &muted, const QColor &strong)
{
    QFont bold = plain;
    bold.setBold(true);
    int x = rect.left();
    bool marked = false;
    qsizetype from = 0;
    while (from <= text.size() && x < rect.right()) {
        qsizetype to = from;
        while (to < text.size() && text.at(to) != QChar(models::kMatchStart)
               && text.at(to) != QChar(models::kMatchEnd)) {
            ++to;
        }
        const QString run = text.mid(from, to - from);
        if (!run.isEmpty()) {
            const QFontMetrics metrics(marked ? bold : plain);
            const int room = rect.right() - x;
            const QString shown
                = metrics.horizontalAdvance(run) > room ? metrics.elidedText(run, Qt::ElideRight, room) : run;
            painter->setFont(marked ? bold : plain);
            painter->setPen(marked ? strong : muted);
            painter->drawText(QRect(x, rect.top(), room, rect.height()), Qt::AlignLeft | Qt::AlignVCenter, shown);
            x += metrics.horizontalAdvance(shown);
        }
        if (to >= text.size()) {
            break;
        }
        marked = text.at(to) == QChar(models::kMatchStart);
        from = to + 1;
    }
}

void InboxDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != m_twoLineColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString author = opt.text;
    // A search hit shows the matching message's excerpt with the matched words in bold; otherwise the snippet.
    const QString match = index.data(models::MatchRole).toString();
    const QString snippet = match.isEmpty() ? index.data(models::TextRole).toString() : match;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection, focus

    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, -2, 0);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor main = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor muted = selected ? main : icons::mix(opt.palette.color(group, QPalette::Base), main, 0.65);
    const int line = opt.fontMetrics.lineSpacing();
    const int top = text.top() + (text.height() - 2 * line) / 2;

    painter->save();
    painter->setFont(opt.font);
    painter->setPen(main);
    const QFontMetrics authorMetrics(opt.font);
    painter->drawText(QRect(text.left(), top, text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                      authorMetrics.elidedText(author, Qt::ElideRight, text.width()));
    QFont plain = opt.font;
    plain.setBold(false);
    painter->setFont(plain);
    painter->setPen(muted);
    if (match.isEmpty()) {
        painter->drawText(QRect(text.left(), top + line, text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(plain).elidedText(snippet, Qt::ElideRight, text.width()));
    } else {
        drawMarked(painter, QRect(text.left(), top + line, text.width(), line), snippet, plain, muted, main);
    }
    painter->restore();
}

void InboxDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString key = index.data(models::IconKeyRole).toString();
    if (!key.isEmpty()) {
        const QIcon icon = icons::forKey(key);
        if (!icon.isNull()) {
            option->icon = icon;
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->decorationSize = QSize(16, 16);
            if (option->text.isEmpty()) {
                option->decorationAlignment = Qt::AlignCenter;
                option->displayAlignment = Qt::AlignCenter;
            }
        }
    }
    const bool selected = option->state & QStyle::State_Selected;
    if (!selected && key == QLatin1String("sla-overdue")) {
        option->palette.setColor(QPalette::Text, icons::slaColor(models::SlaState::Overdue));
    }
    if (!selected && index.data(models::CountRole).isValid() && index.column() == 1) {
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    }
    if (index.data(models::HeaderRole).toBool()) {
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        option->font.setPointSizeF(option->font.pointSizeF() * 0.9);
        option->font.setCapitalization(QFont::AllUppercase);
    }
}

} // namespace sb::ui
