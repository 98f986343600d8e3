#include "channels/PostLength.h"

#include "channels/bluesky/BlueskyItems.h"

#include <QRegularExpression>

namespace sb {

int postLength(const QString &text, const QString &network)
{
    if (network == QLatin1String("bluesky")) {
        return bluesky::graphemeCount(text);
    }
    static const QRegularExpression link(QStringLiteral("https?://\\S+"));
    QString counted = text;
    counted.replace(link, QString(23, QLatin1Char('x')));
    return int(counted.toUcs4().size());
}

qint64 maxImageBytes(const QString &network)
{
    return network == QLatin1String("bluesky") ? bluesky::kMaxImageBytes : ChannelCapabilities().maxImageBytes;
}

} // namespace sb
