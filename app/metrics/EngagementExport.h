#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace sb::metrics {

struct Figures;

// The engagement figures as data: one JSON object per row (the CLI's `report engagement --format json`, the weekly
// report) and RFC 4180 CSV with the same columns (the CLI, the panel's export, the weekly report). A field a
// spreadsheet would run as a formula (leading =, +, - or @) is prefixed with a quote.
QJsonObject figuresJson(const Figures &f);
const QStringList &csvColumns();
QString csvRow(const QJsonObject &row);
// Header and rows, CRLF line ends.
QByteArray engagementCsv(const std::vector<QJsonObject> &rows);

} // namespace sb::metrics
