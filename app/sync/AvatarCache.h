#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QNetworkAccessManager;

namespace sb {

class SqliteDb;

// Downloads contacts' avatars into a size-capped folder of the workspace. Only the sync engine fetches; views read
// the local file (contacts.avatar_path) and never touch the network. Oldest files go first when over the cap.
class AvatarCache final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AvatarCache)
public:
    AvatarCache(SqliteDb &db, QNetworkAccessManager &network, QString dir, qint64 capBytes = 64 * 1024 * 1024,
                qint64 maxFileBytes = 1024 * 1024, QObject *parent = nullptr);

    // Fetches up to a batch of missing avatars one after another, then calls done.
    void fetchMissing(std::function<void()> done = {});
    // Deletes the oldest files until the folder is under the cap; returns bytes in use afterwards.
    qint64 enforceCap();

private:
    void fetchNext();
    void store(const QString &contactId, const QString &path);

    SqliteDb &m_db;
    QNetworkAccessManager &m_network;
    QString m_dir;
    qint64 m_capBytes;
    qint64 m_maxFileBytes;
    bool m_busy = false;
    int m_left = 0;
    std::function<void()> m_done;
};

// The file extension for image bytes by their signature (png, jpg, gif, webp), empty when not an image.
QString imageExtension(const QByteArray &head);

} // namespace sb
