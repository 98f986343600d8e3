#include "metrics/EngagementExport.h"

#include "core/Domain.h"
#include "metrics/EngagementMetrics.h"

#include <cmath>

namespace sb::metrics {

static QJsonValue orNull(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue();
}

QJsonObject figuresJson(const Figures &f)
{
    const auto sla = f.slaAttainmentPercent();
    return {
        {QStringLiteral("employee_id"), f.employeeId.isEmpty() ? QJsonValue() : QJsonValue(f.employeeId)},
        {QStringLiteral("name"), f.name},
        {QStringLiteral("role"), f.employeeId.isEmpty() ? QJsonValue() : QJsonValue(roleName(f.role))},
        {QStringLiteral("active"), f.active},
        {QStringLiteral("replies_sent"), f.repliesSent},
        {QStringLiteral("conversations_handled"), f.conversationsHandled},
        {QStringLiteral("conversations_resolved"), f.conversationsResolved},
        {QStringLiteral("first_responses"), f.firstResponses},
        {QStringLiteral("median_first_response_business_secs"), orNull(f.medianFirstResponseSecs)},
        {QStringLiteral("p90_first_response_business_secs"), orNull(f.p90FirstResponseSecs)},
        {QStringLiteral("median_resolution_business_secs"), orNull(f.medianResolutionSecs)},
        {QStringLiteral("sla_met"), f.slaMet},
        {QStringLiteral("sla_missed"), f.slaMissed},
        {QStringLiteral("sla_attainment_percent"), sla ? QJsonValue(std::round(*sla * 10) / 10) : QJsonValue()},
        {QStringLiteral("open_workload"), f.openWorkload},
        {QStringLiteral("notes_written"), f.notesWritten},
        {QStringLiteral("posts_drafted"), f.postsDrafted},
        {QStringLiteral("posts_approved"), f.postsApproved},
        {QStringLiteral("posts_published"), f.postsPublished},
        {QStringLiteral("likes_earned"), double(f.likesEarned)},
        {QStringLiteral("reposts_earned"), double(f.repostsEarned)},
        {QStringLiteral("replies_earned"), double(f.repliesEarned)},
        {QStringLiteral("own_posts"), f.ownPosts},
        {QStringLiteral("own_post_engagement"), double(f.ownPostEngagement)},
    };
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A leading =, +, - or @ is
// prefixed with a quote so that a spreadsheet never runs a name as a formula.
static QString csvField(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.front())) {
        text.prepend(QLatin1Char('\''));
    }
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r'))) {
        text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

const QStringList &csvColumns()
{
    static const QStringList columns {QStringLiteral("employee_id"),
                                      QStringLiteral("name"),
                                      QStringLiteral("role"),
                                      QStringLiteral("active"),
                                      QStringLiteral("replies_sent"),
                                      QStringLiteral("conversations_handled"),
                                      QStringLiteral("conversations_resolved"),
                                      QStringLiteral("first_responses"),
                                      QStringLiteral("median_first_response_business_secs"),
                                      QStringLiteral("p90_first_response_business_secs"),
                                      QStringLiteral("median_resolution_business_secs"),
                                      QStringLiteral("sla_met"),
                                      QStringLiteral("sla_missed"),
                                      QStringLiteral("sla_attainment_percent"),
                                      QStringLiteral("open_workload"),
                                      QStringLiteral("notes_written"),
                                      QStringLiteral("posts_drafted"),
                                      QStringLiteral("posts_approved"),
                                      QStringLiteral("posts_published"),
                                      QStringLiteral("likes_earned"),
                                      QStringLiteral("reposts_earned"),
                                      QStringLiteral("replies_earned"),
                                      QStringLiteral("own_posts"),
                                      QStringLiteral("own_post_engagement")};
    return columns;
}

QString csvRow(const QJsonObject &row)
{
    QStringList fields;
    for (const QString &column : csvColumns()) {
        const QJsonValue v = row.value(column);
        if (v.isNull() || v.isUndefined()) {
            fields << QString();
        } else if (v.isBool()) {
            fields << (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        } else if (v.isDouble()) {
            fields << QString::number(v.toDouble(), 'g', 15);
        } else {
            fields << csvField(v.toString());
        }
    }
    return fields.join(QLatin1Char(','));
}

QByteArray engagementCsv(const std::vector<QJsonObject> &rows)
{
    QString out = csvColumns().join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const QJsonObject &row : rows) {
        out += csvRow(row) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace sb::metrics
