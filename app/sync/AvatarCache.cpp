#include "sync/AvatarCache.h"

#include "store/Sqlite.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QPointer>
#include <QSaveFile>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace sb {

namespace {
constexpr int kBatch = 25;
}

QString imageExtension(const QByteArray &head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n")) {
        return QStringLiteral("png");
    }
    if (head.startsWith("\xff\xd8\xff")) {
        return QStringLiteral("jpg");
    }
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) {
        return QStringLiteral("gif");
    }
    if (head.size() >= 12 && head.startsWith("RIFF") && head.mid(8, 4) == "WEBP") {
        return QStringLiteral("webp");
    }
    return {};
}

AvatarCache::AvatarCache(SqliteDb &db, QNetworkAccessManager &network, QString dir, qint64 capBytes,
                         qint64 maxFileBytes, QObject *parent)
    : QObject(parent), m_db(db), m_network(network), m_dir(std::move(dir)), m_capBytes(capBytes),
      m_maxFileBytes(maxFileBytes)
{
}

void AvatarCache::fetchMissing(std::function<void()> done)
{
    if (m_busy) {
        if (done) {
            done();
        }
        return;
    }
    QDir().mkpath(m_dir);
    m_busy = true;
    m_left = kBatch;
    m_done = std::move(done);
    fetchNext();
}

void AvatarCache::store(const QString &contactId, const QString &path)
{
    Statement &st = m_db.cached("UPDATE contacts SET avatar_path = ? WHERE id = ?");
    st.bindAll(path, contactId); // '' marks a failed download: not retried until the URL changes
    (void)st.exec();
}

void AvatarCache::fetchNext()
{
    Statement &st = m_db.cached("SELECT id, avatar_url FROM contacts WHERE avatar_url IS NOT NULL AND avatar_path IS "
                                "NULL LIMIT 1");
    QString contactId;
    QString url;
    if (st.next()) {
        contactId = st.text(0);
        url = st.text(1);
    }
    st.reset();
    if (contactId.isEmpty() || m_left-- <= 0) {
        enforceCap();
        m_busy = false;
        if (m_done) {
            std::exchange(m_done, {})();
        }
        return;
    }
    const QUrl target(url);
    if (!target.isValid() || (target.scheme() != QLatin1String("https") && target.scheme() != QLatin1String("http"))) {
        store(contactId, QString());
        fetchNext();
        return;
    }
    QNetworkRequest request(target);
    request.setTransferTimeout(15'000);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(3);
    QNetworkReply *reply = m_network.get(request);
    QPointer<AvatarCache> self(this);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, max = m_maxFileBytes](qint64 received, qint64) {
        if (received > max) {
            reply->abort(); // bigger than any avatar should be
        }
    });
    connect(reply, &QNetworkReply::finished, this, [self, reply, contactId, url] {
        reply->deleteLater();
        if (!self) {
            return;
        }
        const QByteArray body = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
        const QString ext = imageExtension(body.left(16));
        if (body.isEmpty() || body.size() > self->m_maxFileBytes || ext.isEmpty()) {
            self->store(contactId, QString());
        } else {
            const QString name = QString::fromLatin1(
                QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha1).toHex() + '.' + ext.toLatin1());
            const QString path = QDir(self->m_dir).filePath(name);
            QSaveFile file(path);
            if (file.open(QIODevice::WriteOnly) && file.write(body) == body.size() && file.commit()) {
                self->store(contactId, path);
            } else {
                qCWarning(lcSync) << "cannot write avatar" << path << file.errorString();
                self->store(contactId, QString());
            }
        }
        self->fetchNext();
    });
}

qint64 AvatarCache::enforceCap()
{
    QFileInfoList files = QDir(m_dir).entryInfoList(QDir::Files, QDir::Time | QDir::Reversed); // oldest first
    qint64 total = 0;
    for (const QFileInfo &f : files) {
        total += f.size();
    }
    for (const QFileInfo &f : std::as_const(files)) {
        if (total <= m_capBytes) {
            break;
        }
        total -= f.size();
        QFile::remove(f.absoluteFilePath());
        Statement &st = m_db.cached("UPDATE contacts SET avatar_path = NULL WHERE avatar_path = ?");
        st.bind(1, f.absoluteFilePath());
        (void)st.exec();
    }
    return total;
}

} // namespace sb
