#pragma once

#include "MastodonState.h"

#include <QString>

namespace sb::mastodontest {

// Where things live on this instance, in the URL layout of Mastodon 4.4+ (ActivityPub ids under /ap/users/ID).
// Remote accounts live on their own (made-up) domains; their avatars are cached here like a real server does.
struct InstanceUrls {
    QString base; // http://127.0.0.1:PORT

    QString host() const { return base.mid(base.indexOf(QStringLiteral("://")) + 3); }
    QString accountUrl(const Account &a) const
    {
        if (a.isLocal()) {
            return base + QStringLiteral("/@") + a.username;
        }
        return QStringLiteral("https://") + a.domain + QStringLiteral("/@") + a.username;
    }
    QString accountUri(const Account &a) const
    {
        if (a.isLocal()) {
            return base + QStringLiteral("/ap/users/") + QString::number(a.id);
        }
        return QStringLiteral("https://") + a.domain + QStringLiteral("/users/") + a.username;
    }
    QString statusUri(const Account &a, qint64 statusId) const
    {
        return accountUri(a) + QStringLiteral("/statuses/") + QString::number(statusId);
    }
    QString statusUrl(const Account &a, qint64 statusId) const
    {
        return accountUrl(a) + u'/' + QString::number(statusId);
    }
    QString tagUrl(const QString &tag) const { return base + QStringLiteral("/tags/") + tag; }
    // Mastodon's sharded attachment path: 117/020/565/966/271/181 for id 117020565966271181.
    static QString idPath(qint64 id)
    {
        QString digits = QString::number(id);
        while (digits.size() % 3 != 0) {
            digits.prepend(u'0');
        }
        QStringList parts;
        for (qsizetype i = 0; i < digits.size(); i += 3) {
            parts.append(digits.mid(i, 3));
        }
        return parts.join(u'/');
    }
    QString avatarUrl(const Account &a) const
    {
        if (!a.hasAvatar) {
            return base + QStringLiteral("/avatars/original/missing.png");
        }
        const QString cache = a.isLocal() ? QStringLiteral("/system/") : QStringLiteral("/system/cache/");
        return base + cache + QStringLiteral("accounts/avatars/") + idPath(a.id) + QStringLiteral("/original/")
            + QString::number(a.id, 16) + QStringLiteral(".png");
    }
    QString headerUrl() const { return base + QStringLiteral("/headers/original/missing.png"); }
    QString mediaUrl(const Media &m, bool small) const
    {
        const QString ext = m.fileName.contains(u'.') ? m.fileName.mid(m.fileName.lastIndexOf(u'.') + 1).toLower()
                                                      : QStringLiteral("bin");
        return base + QStringLiteral("/system/media_attachments/files/") + idPath(m.id)
            + (small ? QStringLiteral("/small/") : QStringLiteral("/original/")) + QString::number(m.id, 16) + u'.'
            + (small ? QStringLiteral("png") : ext);
    }
};

} // namespace sb::mastodontest
