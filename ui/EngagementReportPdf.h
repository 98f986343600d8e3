#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>

class QAbstractItemModel;
class QWidget;

namespace sb::ui {

// What goes into the engagement report: a title and a line about the range, the figures table as shown, the charts
// as drawn on screen, the selected employee's goals and how the figures are counted.
struct EngagementReportContent {
    QString title;
    QString subtitle;
    const QAbstractItemModel *table = nullptr; // rows and columns as the viewer sees them
    QList<QWidget *> charts; // rendered at twice their size for print
    QString goalsHtml;
    QString definitionsHtml;
};

// Writes an A4 PDF (QPdfWriter), paginated; the file is written whole or not at all.
Status writeEngagementPdf(const QString &path, const EngagementReportContent &content);

} // namespace sb::ui
