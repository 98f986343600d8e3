#pragma once

#include "ApiTestClient.h"
#include "MastodonTestServer.h"
#include "OpenApiValidator.h"

#include <QMap>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <memory>

// Drives mastodon-test-server through every endpoint the connector uses and checks each JSON answer against the
// OpenAPI description (spec/) the same way the recorded answers of a real server (fixtures/) are checked: the
// double cannot drift from the real API without this test failing. Also checks the behaviour tests rely on:
// Link paging, ISO rate-limit resets, idempotency, the media 202/206/200 sequence, streaming frames and faults.
class TestMastodonOpenApi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    // tst_mastodon_openapi.cpp
    void recordedResponsesConformToSpec();
    void validatorRejectsBrokenEntities();
    void oauthAuthorizationCodeWithPkce();
    void oauthOutOfBandAndDenied();
    void instanceReportsLimitsAndStreaming();
    void notificationsPageLikeMastodon();
    void everyNotificationTypeConforms();
    void statusLifecycle();
    void idempotencyKeyReturnsOriginal();
    void directMessagesFormConversations();
    void mediaProcessingSequence();
    void authErrors();

    // tst_mastodon_shapes.cpp
    void entitiesHaveTheRecordedFields();
    void accountsAndMediaUpdates();

    // tst_mastodon_faults.cpp
    void rateLimitHeaders();
    void pagingHasItsOwnBudget();
    void streamingFramesCarryJsonStrings();
    void streamingAuthAndDrops();
    void scriptedStatusFaults();
    void hangAndDelay();
    void resetAbortsConnection();
    void truncatedAndCutBodies();
    void invalidUtf8AndHugeBodies();
    void commitThenTimeoutIsReconcilable();

private:
    // Validates r against the spec's schema for method + path + r.status; records what was covered.
    QStringList conformance(const char *method, const QString &path, const sb::testing::ApiResult &r);
    QStringList conformsTo(const QString &component, const QJsonValue &value);
    QString createFan(const QString &username, const QJsonObject &extra = {});
    // Link header -> rel -> URL.
    static QMap<QString, QUrl> links(const QByteArray &header);
    // Host and ids replaced, so a recorded Link header and ours can be compared as shapes.
    static QString linkShape(QString link);
    static QString recordedHeader(const QString &cassette, const QString &uriContains, const QString &header);

    std::unique_ptr<sb::testing::MastodonTestServer> m_server;
    std::unique_ptr<sb::testing::ApiTestClient> m_api;
    sb::testing::OpenApiValidator m_spec;
    sb::testing::MastodonTestServer::Brand m_brand;
    QString m_fixtures;
    QSet<QString> m_covered;
    int m_validated = 0;
};

// QVERIFY that a response conforms; the failure message lists the schema violations.
#define VERIFY_CONFORMS(method, path, result)                                                                          \
    do {                                                                                                               \
        const QStringList errors_ = conformance(method, path, result);                                                 \
        QVERIFY2(errors_.isEmpty(), qPrintable(errors_.join(u'\n')));                                                  \
    } while (false)

#define VERIFY_COMPONENT(component, value)                                                                             \
    do {                                                                                                               \
        const QStringList errors_ = conformsTo(component, value);                                                      \
        QVERIFY2(errors_.isEmpty(), qPrintable(errors_.join(u'\n')));                                                  \
    } while (false)
