#include "ui/CalendarChip.h"

#include "models/AccountsModel.h"
#include "models/CalendarModel.h"

#include <QFont>
#include <QFontMetrics>
#include <QModelIndex>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

#include <algorithm>

namespace sb::ui::CalendarChip {

using sb::models::CalendarModel;

namespace {

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QColor textOn(const QColor &background)
{
    const double luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

// Draws the network marks from `x`; returns where the next thing starts.
int paintNetworks(QPainter &p, const QFontMetrics &fm, int x, int top, int lineHeight, const QStringList &networks)
{
    for (const QString &network : networks) {
        const QString glyph = CalendarModel::networkGlyph(network);
        const int w = fm.horizontalAdvance(glyph) + 4;
        const QRect badge(x, top + 1, w, lineHeight - 2);
        const QColor colour
            = sb::models::AccountsModel::networkColor(networkFromName(network).value_or(Network::Mastodon));
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawRoundedRect(badge, 2, 2);
        p.setPen(textOn(colour));
        p.drawText(badge, Qt::AlignCenter, glyph);
        x += w + 2;
    }
    return x + (networks.isEmpty() ? 0 : 2);
}

} // namespace

QFont font(const QFont &base)
{
    QFont f = base;
    if (f.pointSizeF() > 0) {
        f.setPointSizeF(std::max(7.0, f.pointSizeF() * 0.9));
    } else {
        f.setPixelSize(std::max(9, f.pixelSize() * 9 / 10));
    }
    return f;
}

int height(const QFont &font, bool twoLines)
{
    return (twoLines ? 2 : 1) * QFontMetrics(font).height() + 4;
}

void paint(QPainter &p, const QRect &rect, const QModelIndex &index, const QPalette &pal, const QFont &font,
           bool twoLines, bool withDate)
{
    const auto state = static_cast<PostState>(index.data(CalendarModel::PostStateRole).toInt());
    const QColor stateColor = CalendarModel::stateColor(state);
    const QFontMetrics fm(font);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics boldFm(bold);

    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    p.fillPath(path, blend(pal.color(QPalette::Base), stateColor, 0.16));
    p.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), stateColor);

    const int lineHeight = fm.height();
    const int left = rect.left() + 6;
    const int right = rect.right() - 3;
    const int y1 = rect.top() + 2;
    const QTime time = index.data(CalendarModel::LocalTimeRole).toTime();
    const QString when = withDate ? index.data(Qt::DisplayRole).toString() : CalendarModel::formatTime(time);
    const QString stateText = postStateLabel(state);
    const QString text = index.data(CalendarModel::PostTextRole).toString().simplified();
    const QStringList networks = index.data(CalendarModel::NetworksRole).toStringList();

    int x = left;
    if (!twoLines) {
        p.setFont(font);
        x = paintNetworks(p, fm, x, y1, lineHeight, networks);
    }
    p.setFont(bold);
    p.setPen(pal.color(QPalette::Text));
    const QString shownWhen = boldFm.elidedText(when, Qt::ElideRight, std::max(0, right - x));
    p.drawText(QRect(x, y1, std::max(0, right - x), lineHeight), Qt::AlignLeft | Qt::AlignVCenter, shownWhen);
    x += boldFm.horizontalAdvance(shownWhen) + 5;
    p.setFont(font);
    const QString rest = twoLines ? stateText : stateText + QStringLiteral(" · ") + text;
    if (right > x) {
        p.drawText(QRect(x, y1, right - x, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(rest, Qt::ElideRight, right - x));
    }
    if (twoLines) {
        const int y2 = y1 + lineHeight;
        x = paintNetworks(p, fm, left, y2, lineHeight, networks);
        p.setPen(pal.color(QPalette::Text));
        if (right > x) {
            p.drawText(QRect(x, y2, right - x, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(text, Qt::ElideRight, right - x));
        }
    }
    p.restore();
}

} // namespace sb::ui::CalendarChip
