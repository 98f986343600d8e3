#include "ui/EngagementReportPdf.h"

#include <QAbstractItemModel>
#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>
#include <QWidget>

namespace sb::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::ui::EngagementReportPdf", text);
}

QString tableHtml(const QAbstractItemModel &model)
{
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\" "
                                  "style=\"border-collapse: collapse; font-size: 7pt;\"><tr>");
    for (int c = 0; c < model.columnCount(); ++c) {
        html += QStringLiteral("<th bgcolor=\"#e8e8e8\" style=\"white-space: nowrap;\">%1</th>")
                    .arg(model.headerData(c, Qt::Horizontal)
                             .toString()
                             .toHtmlEscaped()
                             .replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
    html += QStringLiteral("</tr>");
    for (int r = 0; r < model.rowCount(); ++r) {
        const bool last = r + 1 == model.rowCount();
        html += QStringLiteral("<tr>");
        for (int c = 0; c < model.columnCount(); ++c) {
            const QModelIndex index = model.index(r, c);
            const bool right = index.data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight;
            QString cell = index.data().toString().toHtmlEscaped();
            if (last) {
                cell = QStringLiteral("<b>%1</b>").arg(cell);
            }
            html += QStringLiteral("<td align=\"%1\" style=\"white-space: nowrap;\">%2</td>")
                        .arg(right ? QStringLiteral("right") : QStringLiteral("left"), cell);
        }
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

} // namespace

Status writeEngagementPdf(const QString &path, const EngagementReportContent &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return makeError(ErrorKind::Storage, tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(content.title);
        writer.setCreator(QStringLiteral("Switchboard"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12),
                                         QPageLayout::Millimeter));
        writer.setResolution(300);

        QTextDocument doc;
        doc.setDocumentMargin(0);
        QString html = QStringLiteral("<h2>%1</h2><p>%2</p>")
                           .arg(content.title.toHtmlEscaped(), content.subtitle.toHtmlEscaped());
        if (content.table) {
            html += tableHtml(*content.table);
        }
        // Charts as drawn on screen, at twice their size so that print stays sharp.
        int n = 0;
        for (QWidget *chart : content.charts) {
            if (!chart || chart->size().isEmpty()) {
                continue;
            }
            QImage image(chart->size() * 2, QImage::Format_ARGB32_Premultiplied);
            image.setDevicePixelRatio(2);
            image.fill(Qt::white);
            {
                QPainter painter(&image);
                chart->render(&painter);
            }
            const QUrl name(QStringLiteral("chart%1.png").arg(n++));
            doc.addResource(QTextDocument::ImageResource, name, image);
            html += QStringLiteral("<p align=\"center\"><img src=\"%1\" width=\"%2\"></p>")
                        .arg(name.toString())
                        .arg(std::min(chart->width(), 900));
        }
        if (!content.goalsHtml.isEmpty()) {
            html += content.goalsHtml;
        }
        if (!content.definitionsHtml.isEmpty()) {
            html += QStringLiteral("<h3>%1</h3>").arg(tr("How these figures are counted").toHtmlEscaped())
                + content.definitionsHtml;
        }
        doc.setHtml(html);
        doc.print(&writer);
    }
    if (file.write(buffer.data()) != buffer.size()) {
        file.cancelWriting();
        return makeError(ErrorKind::Storage, tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    if (!file.commit()) {
        return makeError(ErrorKind::Storage, tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return success();
}

} // namespace sb::ui
