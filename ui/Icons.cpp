#include "ui/Icons.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace sb::ui::icons {

namespace {
// The stroke colour monochrome icons are drawn with in resources/icons; replaced by the palette's text colour.
constexpr char kMonochrome[] = "#5c6773";

QColor monochromeColour()
{
    const QPalette palette = QApplication::palette();
    return mix(palette.color(QPalette::Window), palette.color(QPalette::WindowText), 0.75);
}

QIcon render(QByteArray svg)
{
    QSvgRenderer renderer(svg);
    if (!renderer.isValid()) {
        return {};
    }
    QIcon icon;
    for (int size : {16, 20, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}
} // namespace

QIcon forKey(const QString &key)
{
    static QHash<QString, QIcon> cache;
    static QRgb cachedFor = 0;
    const QColor mono = monochromeColour();
    if (mono.rgb() != cachedFor) { // the palette changed (dark mode switched): recolour
        cache.clear();
        cachedFor = mono.rgb();
    }
    if (key.isEmpty()) {
        return {};
    }
    if (auto it = cache.constFind(key); it != cache.cend()) {
        return *it;
    }
    QFile file(QStringLiteral(":/icons/%1.svg").arg(key));
    QIcon icon;
    if (file.open(QIODevice::ReadOnly)) {
        QByteArray svg = file.readAll();
        svg.replace(kMonochrome, mono.name().toLatin1());
        icon = render(svg);
    }
    cache.insert(key, icon);
    return icon;
}

QColor statusColor(const QString &status)
{
    if (status == QLatin1String("open")) {
        return QColor(0x2f, 0x6f, 0xde);
    }
    if (status == QLatin1String("pending")) {
        return QColor(0xd9, 0x8c, 0x00);
    }
    if (status == QLatin1String("snoozed")) {
        return QColor(0x8a, 0x63, 0xd2);
    }
    if (status == QLatin1String("resolved")) {
        return QColor(0x2e, 0x9d, 0x5b);
    }
    return QApplication::palette().color(QPalette::PlaceholderText);
}

QColor slaColor(models::SlaState state)
{
    switch (state) {
    case models::SlaState::OnTime: return QColor(0x2e, 0x9d, 0x5b);
    case models::SlaState::DueSoon: return QColor(0xd9, 0x8c, 0x00);
    case models::SlaState::Overdue: return QColor(0xd6, 0x45, 0x45);
    case models::SlaState::None: break;
    }
    return QApplication::palette().color(QPalette::PlaceholderText);
}

QColor healthColor(const QString &healthKey)
{
    if (healthKey == QLatin1String("ok")) {
        return QColor(0x2e, 0x9d, 0x5b);
    }
    if (healthKey == QLatin1String("warning")) {
        return QColor(0xd9, 0x8c, 0x00);
    }
    if (healthKey == QLatin1String("error")) {
        return QColor(0xd6, 0x45, 0x45);
    }
    return QColor(0x7b, 0x87, 0x94);
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    const qreal s = 1.0 - t;
    return QColor::fromRgbF(float(a.redF() * s + b.redF() * t), float(a.greenF() * s + b.greenF() * t),
                            float(a.blueF() * s + b.blueF() * t));
}

} // namespace sb::ui::icons
