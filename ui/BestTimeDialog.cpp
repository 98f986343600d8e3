#include "ui/BestTimeDialog.h"

#include "core/Clock.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>

namespace sb::ui {

namespace {
constexpr int kMinPosts = 2; // an hour with a single post says little
constexpr qint64 kDays = 90;
} // namespace

BestTimeHeatMap::BestTimeHeatMap(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("bestTimeHeatMap"));
    setAccessibleName(tr("Engagement by hour of the week"));
    setMouseTracking(true);
}

void BestTimeHeatMap::setHeat(const metrics::WeekHeat &heat)
{
    m_heat = heat;
    update();
}

int BestTimeHeatMap::labelWidth() const
{
    return fontMetrics().horizontalAdvance(QStringLiteral("Wed")) + 12;
}

QSize BestTimeHeatMap::sizeHint() const
{
    return {labelWidth() + 24 * 26, fontMetrics().height() + 7 * 26 + 4};
}

QRect BestTimeHeatMap::cellRect(int day, int hour) const
{
    const int w = (width() - labelWidth()) / 24;
    const int h = (height() - fontMetrics().height() - 4) / 7;
    return {labelWidth() + hour * w, fontMetrics().height() + 4 + day * h, w - 1, h - 1};
}

void BestTimeHeatMap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    double best = 0;
    for (const auto &cell : m_heat) {
        if (cell.posts >= 1) {
            best = std::max(best, cell.average());
        }
    }
    const QLocale locale;
    p.setPen(pal.color(QPalette::PlaceholderText));
    for (int hour = 0; hour < 24; hour += 3) {
        const QRect r = cellRect(0, hour);
        p.drawText(QRect(r.left(), 0, r.width() * 3, fontMetrics().height()), Qt::AlignLeft,
                   QStringLiteral("%1").arg(hour, 2, 10, QLatin1Char('0')));
    }
    const QColor accent = pal.color(QPalette::Highlight);
    for (int day = 0; day < 7; ++day) {
        p.setPen(pal.color(QPalette::Text));
        const QRect first = cellRect(day, 0);
        p.drawText(QRect(0, first.top(), labelWidth() - 6, first.height()), Qt::AlignRight | Qt::AlignVCenter,
                   locale.dayName(day + 1, QLocale::ShortFormat));
        for (int hour = 0; hour < 24; ++hour) {
            const QRect r = cellRect(day, hour);
            const auto &cell = m_heat[size_t(day * 24 + hour)];
            if (cell.posts == 0) {
                p.fillRect(r, QBrush(pal.color(QPalette::AlternateBase)));
                p.fillRect(r, QBrush(pal.color(QPalette::Mid), Qt::BDiagPattern));
                continue;
            }
            QColor c = accent;
            c.setAlphaF(float(0.12 + 0.88 * (best > 0 ? cell.average() / best : 0)));
            p.fillRect(r, pal.color(QPalette::Base));
            p.fillRect(r, c);
        }
    }
}

bool BestTimeHeatMap::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip) {
        return QWidget::event(event);
    }
    const QPoint pos = static_cast<QHelpEvent *>(event)->pos();
    for (int day = 0; day < 7; ++day) {
        for (int hour = 0; hour < 24; ++hour) {
            if (cellRect(day, hour).contains(pos)) {
                const auto &cell = m_heat[size_t(day * 24 + hour)];
                QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(),
                                   tr("%1 %2:00–%3:00: %4 post(s), %5 engagements each on average")
                                       .arg(QLocale().dayName(day + 1))
                                       .arg(hour, 2, 10, QLatin1Char('0'))
                                       .arg((hour + 1) % 24, 2, 10, QLatin1Char('0'))
                                       .arg(cell.posts)
                                       .arg(QLocale().toString(cell.average(), 'f', 1)),
                                   this);
                return true;
            }
        }
    }
    QToolTip::hideText();
    event->ignore();
    return true;
}

BestTimeDialog::BestTimeDialog(models::WorkspaceContext &ctx, QWidget *parent) : QDialog(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("bestTimeDialog"));
    setWindowTitle(tr("Best time to post"));
    m_account = new QComboBox(this);
    m_account->setObjectName(QStringLiteral("bestTimeAccount"));
    m_account->setAccessibleName(tr("Account"));
    if (auto st = ctx.reader().prepare(QStringLiteral("SELECT id, handle FROM accounts WHERE archived = 0 ORDER BY "
                                                      "handle"));
        st.ok()) {
        while (st.value().next()) {
            m_account->addItem(st.value().text(1), st.value().text(0));
        }
    }
    m_map = new BestTimeHeatMap(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("bestTimeSummary"));
    m_summary->setWordWrap(true);
    auto *intro = new QLabel(tr("When the account's posts of the last %1 days earned most (likes, reposts and "
                                "replies per post), in %2.")
                                 .arg(kDays)
                                 .arg(WorkspaceSettings::timeZoneId(ctx.reader())),
                             this);
    intro->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Account:"), this));
    top->addWidget(m_account, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(intro);
    layout->addWidget(m_map, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    connect(m_account, &QComboBox::currentIndexChanged, this, &BestTimeDialog::reload);
    reload();
}

QString BestTimeDialog::summary() const
{
    return m_summary->text();
}

void BestTimeDialog::reload()
{
    const QTimeZone zone(WorkspaceSettings::timeZoneId(m_ctx.reader()).toUtf8());
    const qint64 since = m_ctx.clock().nowMs() - kDays * 86'400'000;
    const metrics::WeekHeat heat = metrics::bestTimes(m_ctx.reader(), m_account->currentData().toString(),
                                                      zone.isValid() ? zone : QTimeZone::utc(), since);
    m_map->setHeat(heat);
    std::vector<int> hours;
    for (int i = 0; i < int(heat.size()); ++i) {
        if (heat[size_t(i)].posts >= kMinPosts) {
            hours.push_back(i);
        }
    }
    std::sort(hours.begin(), hours.end(),
              [&](int a, int b) { return heat[size_t(a)].average() > heat[size_t(b)].average(); });
    if (hours.empty()) {
        m_summary->setText(
            tr("Not enough published posts yet: an hour needs at least %1 to be compared.").arg(kMinPosts));
        return;
    }
    QStringList best;
    for (size_t i = 0; i < std::min<size_t>(3, hours.size()); ++i) {
        const int h = hours[i];
        best << tr("%1 %2:00 (%3 per post, %4 posts)")
                    .arg(QLocale().dayName(h / 24 + 1))
                    .arg(h % 24, 2, 10, QLatin1Char('0'))
                    .arg(QLocale().toString(heat[size_t(h)].average(), 'f', 1))
                    .arg(heat[size_t(h)].posts);
    }
    m_summary->setText(tr("Best: %1.").arg(best.join(QStringLiteral("; "))));
}

} // namespace sb::ui
