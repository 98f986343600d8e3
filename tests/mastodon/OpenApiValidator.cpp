#include "OpenApiValidator.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace sb::testing {

namespace {
bool hasType(const QJsonValue &value, const QString &type)
{
    switch (value.type()) {
    case QJsonValue::Null: return type == u"null"_s;
    case QJsonValue::Bool: return type == u"boolean"_s;
    case QJsonValue::String: return type == u"string"_s;
    case QJsonValue::Array: return type == u"array"_s;
    case QJsonValue::Object: return type == u"object"_s;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return type == u"number"_s || (type == u"integer"_s && d == static_cast<double>(static_cast<qint64>(d)));
    }
    default: return false;
    }
}

QString formatError(const QString &format, const QString &text)
{
    if (format == u"date-time"_s) {
        return QDateTime::fromString(text, Qt::ISODateWithMs).isValid() ? QString() : u"not a date-time"_s;
    }
    if (format == u"date"_s) {
        return QDate::fromString(text, Qt::ISODate).isValid() ? QString() : u"not a date"_s;
    }
    if (format == u"uri"_s) {
        const QUrl url(text, QUrl::StrictMode);
        return url.isValid() && !url.scheme().isEmpty() ? QString() : u"not an absolute URI"_s;
    }
    if (format == u"iso-639-1"_s) {
        static const QRegularExpression language(u"^[a-z]{2,3}(-[A-Za-z0-9]+)?$"_s);
        return language.match(text).hasMatch() ? QString() : u"not a language code"_s;
    }
    return {}; // email and the rest: not checked
}
} // namespace

bool OpenApiValidator::load(const QString &specPath, QString *error)
{
    QFile file(specPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    QJsonParseError parseError;
    m_spec = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !m_spec.contains(u"paths"_s)) {
        *error = u"not an OpenAPI document: "_s + parseError.errorString();
        return false;
    }
    return true;
}

QString OpenApiValidator::pathTemplate(const QString &rawPath) const
{
    QString path = rawPath;
    if (path.size() > 1 && path.endsWith(u'/')) {
        path.chop(1);
    }
    const QStringList segments = path.split(u'/');
    QString best;
    int bestLiterals = -1;
    const QJsonObject paths = m_spec.value(u"paths"_s).toObject();
    for (auto it = paths.constBegin(); it != paths.constEnd(); ++it) {
        const QStringList candidate = it.key().split(u'/');
        if (candidate.size() != segments.size()) {
            continue;
        }
        int literals = 0;
        bool matches = true;
        for (qsizetype i = 0; i < candidate.size() && matches; ++i) {
            if (candidate.at(i).startsWith(u'{')) {
                matches = !segments.at(i).isEmpty();
            } else {
                matches = candidate.at(i) == segments.at(i);
                ++literals;
            }
        }
        if (matches && literals > bestLiterals) {
            best = it.key();
            bestLiterals = literals;
        }
    }
    return best;
}

std::optional<QJsonObject> OpenApiValidator::responseSchema(const QString &method, const QString &path,
                                                            int status) const
{
    const QString templ = pathTemplate(path);
    const QJsonObject operation
        = m_spec.value(u"paths"_s).toObject().value(templ).toObject().value(method.toLower()).toObject();
    const QJsonObject response = operation.value(u"responses"_s).toObject().value(QString::number(status)).toObject();
    const QJsonValue schema
        = response.value(u"content"_s).toObject().value(u"application/json"_s).toObject().value(u"schema"_s);
    if (!schema.isObject()) {
        return std::nullopt;
    }
    return schema.toObject();
}

std::optional<QJsonObject> OpenApiValidator::componentSchema(const QString &name) const
{
    const QJsonValue schema = m_spec.value(u"components"_s).toObject().value(u"schemas"_s).toObject().value(name);
    return schema.isObject() ? std::optional<QJsonObject>(schema.toObject()) : std::nullopt;
}

QJsonObject OpenApiValidator::resolve(const QString &ref) const
{
    QJsonValue node = m_spec;
    const QStringList parts = ref.mid(2).split(u'/'); // "#/components/schemas/Status"
    for (const QString &part : parts) {
        node = node.toObject().value(part);
    }
    return node.toObject();
}

QStringList OpenApiValidator::validate(const QJsonValue &value, const QJsonObject &schema) const
{
    QStringList errors;
    check(value, schema, u"$"_s, errors);
    return errors;
}

void OpenApiValidator::check(const QJsonValue &value, const QJsonObject &schema, const QString &where,
                             QStringList &errors) const
{
    if (schema.contains(u"$ref"_s)) {
        const QString ref = schema.value(u"$ref"_s).toString();
        const QJsonObject target = resolve(ref);
        if (target.isEmpty()) {
            errors.append(where + u": unresolvable "_s + ref);
            return;
        }
        check(value, target, where, errors);
    }
    const QJsonValue type = schema.value(u"type"_s);
    if (!type.isUndefined()) {
        const QJsonArray types = type.isArray() ? type.toArray() : QJsonArray {type};
        bool any = false;
        for (const QJsonValue &t : types) {
            any = any || hasType(value, t.toString());
        }
        if (!any) {
            errors.append(
                where + u": expected "_s + QString::fromUtf8(QJsonDocument(types).toJson(QJsonDocument::Compact))
                + u", got "_s
                + QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact)).left(80));
            return;
        }
    }
    if (schema.contains(u"enum"_s) && !value.isNull() && !schema.value(u"enum"_s).toArray().contains(value)) {
        errors.append(where + u": "_s + value.toString() + u" is not one of the enum values"_s);
    }
    if (value.isString() && schema.contains(u"format"_s)) {
        const QString problem = formatError(schema.value(u"format"_s).toString(), value.toString());
        if (!problem.isEmpty()) {
            errors.append(where + u": \""_s + value.toString().left(60) + u"\" "_s + problem);
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonArray required = schema.value(u"required"_s).toArray();
        for (const QJsonValue &name : required) {
            if (!object.contains(name.toString())) {
                errors.append(where + u": missing required \""_s + name.toString() + u'"');
            }
        }
        const QJsonObject properties = schema.value(u"properties"_s).toObject();
        const QJsonValue additional = schema.value(u"additionalProperties"_s);
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (properties.contains(it.key())) {
                check(*it, properties.value(it.key()).toObject(), where + u'.' + it.key(), errors);
            } else if (additional.isBool() && !additional.toBool()) {
                errors.append(where + u": unexpected property \""_s + it.key() + u'"');
            } else if (additional.isObject()) {
                check(*it, additional.toObject(), where + u'.' + it.key(), errors);
            }
        }
    }
    if (value.isArray() && schema.contains(u"items"_s)) {
        const QJsonArray array = value.toArray();
        const QJsonObject items = schema.value(u"items"_s).toObject();
        for (qsizetype i = 0; i < array.size(); ++i) {
            check(array.at(i), items, where + u'[' + QString::number(i) + u']', errors);
        }
    }
    const QJsonArray allOf = schema.value(u"allOf"_s).toArray();
    for (const QJsonValue &branch : allOf) {
        check(value, branch.toObject(), where, errors);
    }
    for (const QString &keyword : {u"oneOf"_s, u"anyOf"_s}) {
        const QJsonArray branches = schema.value(keyword).toArray();
        if (branches.isEmpty()) {
            continue;
        }
        bool any = false;
        QStringList branchErrors;
        for (const QJsonValue &branch : branches) {
            QStringList e;
            check(value, branch.toObject(), where, e);
            any = any || e.isEmpty();
            branchErrors += e.mid(0, 2);
        }
        if (!any) {
            errors.append(where + u": matches no branch of "_s + keyword + u" ("_s + branchErrors.join(u"; "_s) + u')');
        }
    }
}

void OpenApiValidator::allowMissing(const QString &method, const QString &pathTemplate, int status,
                                    const QStringList &properties)
{
    m_allowedMissing.insert(method + u' ' + pathTemplate + u' ' + QString::number(status), properties);
}

QStringList OpenApiValidator::validateResponse(const QString &method, const QString &path, int status,
                                               const QByteArray &body) const
{
    std::optional<QJsonObject> schema = responseSchema(method, path, status);
    if (!schema) {
        return {u"the spec has no JSON schema for "_s + method + u' ' + pathTemplate(path) + u" -> "_s
                + QString::number(status)};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return {u"body is not JSON: "_s + parseError.errorString()};
    }
    const QStringList allowed
        = m_allowedMissing.value(method + u' ' + pathTemplate(path) + u' ' + QString::number(status));
    if (!allowed.isEmpty() && schema->contains(u"$ref"_s)) {
        QJsonObject resolved = resolve(schema->value(u"$ref"_s).toString());
        QJsonArray required;
        for (const QJsonValue &name : resolved.value(u"required"_s).toArray()) {
            if (!allowed.contains(name.toString())) {
                required.append(name);
            }
        }
        resolved.insert(u"required"_s, required);
        schema = resolved;
    }
    return validate(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), *schema);
}

} // namespace sb::testing
