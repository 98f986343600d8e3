#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace sb::testing {

// Checks JSON against the OpenAPI 3.1 description in spec/, over the part of JSON Schema that description uses:
// $ref into components/schemas (with sibling keywords), type (also ["string", "null"]), required, properties,
// additionalProperties, items, enum, allOf, anyOf, oneOf, and the formats date-time, date, uri and language codes.
// oneOf is checked as anyOf: its branches overlap (Quote and ShallowQuote both accept {"state": ...}) because no
// schema closes its properties, so "exactly one" would reject answers the real server sends.
class OpenApiValidator {
public:
    bool load(const QString &specPath, QString *error);

    // The spec's path template for a concrete path ("/api/v1/statuses/1" -> "/api/v1/statuses/{id}").
    QString pathTemplate(const QString &path) const;
    // The schema of the JSON body for this operation and status, if the spec gives one.
    std::optional<QJsonObject> responseSchema(const QString &method, const QString &path, int status) const;
    std::optional<QJsonObject> componentSchema(const QString &name) const;

    // A place where the real server and the spec disagree, seen in a recorded answer: for this operation the
    // top-level object may lack these required properties. Applies to recorded answers and ours alike.
    void allowMissing(const QString &method, const QString &pathTemplate, int status, const QStringList &properties);

    // Errors as "$.account.created_at: not a date-time"; empty when the value conforms.
    QStringList validate(const QJsonValue &value, const QJsonObject &schema) const;
    // Parses body, finds the schema for method/path/status and validates; an operation without a JSON schema is
    // reported as an error too, so a test cannot pass by asking about something the spec does not describe.
    QStringList validateResponse(const QString &method, const QString &path, int status, const QByteArray &body) const;

private:
    void check(const QJsonValue &value, const QJsonObject &schema, const QString &where, QStringList &errors) const;
    QJsonObject resolve(const QString &ref) const;

    QJsonObject m_spec;
    QHash<QString, QStringList> m_allowedMissing; // "DELETE /api/v1/statuses/{id} 200" -> properties
};

} // namespace sb::testing
