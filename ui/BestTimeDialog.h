#pragma once

#include "metrics/BestTime.h"

#include <QDialog>
#include <QWidget>

class QComboBox;
class QLabel;

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

// The hour-of-week heat map: seven rows of 24 hours, each cell as dark as the average engagement of the posts that
// went out in it, empty hours hatched; hover for the figures.
class BestTimeHeatMap final : public QWidget {
    Q_OBJECT
public:
    explicit BestTimeHeatMap(QWidget *parent = nullptr);
    void setHeat(const metrics::WeekHeat &heat);
    const metrics::WeekHeat &heat() const { return m_heat; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect cellRect(int day, int hour) const;
    int labelWidth() const;
    metrics::WeekHeat m_heat {};
};

// "Best time to post": the heat map per account over the last 90 days, and the hours that earned most.
class BestTimeDialog final : public QDialog {
    Q_OBJECT
public:
    BestTimeDialog(models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    BestTimeHeatMap *heatMap() const { return m_map; }
    QString summary() const;

private:
    void reload();

    models::WorkspaceContext &m_ctx;
    QComboBox *m_account = nullptr;
    BestTimeHeatMap *m_map = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace sb::ui
