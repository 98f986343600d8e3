#pragma once

#include "InstanceUrls.h"
#include "MastodonState.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace sb::mastodontest {

struct RenderedText {
    QString html;
    QList<qint64> mentionIds;
    QStringList tags;
};

using AccountLookup = std::function<const Account *(const QString &username, const QString &domain)>;

// Plain status text to the HTML a Mastodon server stores: escaped text in <p> paragraphs with <br />, h-card
// mentions for accounts it knows, hashtag links and shortened URL links (Mastodon's TextFormatter output).
RenderedText renderStatusText(const QString &text, const AccountLookup &lookup, const InstanceUrls &urls);

// Mastodon's StatusLengthValidator: every URL counts as 23 characters, a mention counts without its domain,
// and characters are grapheme clusters.
int countStatusCharacters(const QString &text, const QString &spoilerText);

QString escapeHtml(const QString &text);

} // namespace sb::mastodontest
