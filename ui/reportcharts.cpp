// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "reportcharts.h"

#include "displayformat.h"
#include "historymodel.h"
#include "look.h"
#include "plaintext.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace rota {

QString csvField(const QString& input)
{
    // A spreadsheet reads a cell that starts with =, +, -, @ (or a tab or carriage return before
    // one) as a formula: a name from the server such as "=HYPERLINK(…)" would run there. Such a
    // text is written behind an apostrophe, which spreadsheets show as text; numbers stay numbers.
    QString text = input;
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    bool isNumber = false;
    text.toDouble(&isNumber);
    if (!text.isEmpty() && formulaStarts.contains(text.front()) && !isNumber)
        text.prepend(QLatin1Char('\''));
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))
        || (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!quote)
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString tableToCsv(const QAbstractItemModel& model)
{
    QString csv;
    const int columns = model.columnCount();
    const auto line = [&csv, columns](const auto& cell) {
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                csv += QLatin1Char(',');
            csv += csvField(cell(c));
        }
        csv += QStringLiteral("\r\n");
    };
    line([&model](int c) { return model.headerData(c, Qt::Horizontal).toString(); });
    for (int r = 0; r < model.rowCount(); ++r)
        line([&model, r](int c) { return model.index(r, c).data().toString(); });
    return csv;
}

bool writeCsvFile(const QAbstractItemModel& model, const QString& path, QString* error)
{
    // QSaveFile: a failure half-way leaves an earlier file of that name as it was.
    QSaveFile file(path);
    const QString name = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("ReportPanel", "Could not write “%1”: %2")
                         .arg(name, file.errorString());
        return false;
    }
    const QByteArray bytes = tableToCsv(model).toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("ReportPanel", "Could not write “%1”: %2")
                         .arg(name, file.errorString());
        return false;
    }
    return true;
}

QColor seriesColor(const QPalette& palette, int index)
{
    // Mid-light tones: each keeps a contrast of about 3:1 against white and against a dark grey.
    static const QColor fixed[] = { QColor(0xE0, 0x6C, 0x1F), QColor(0x2E, 0x9E, 0x6B),
        QColor(0xA2, 0x5D, 0xD0), QColor(0xD1, 0x3F, 0x77), QColor(0x8A, 0x8F, 0x2A) };
    if (index <= 0)
        return palette.color(QPalette::Active, QPalette::Highlight);
    return fixed[(index - 1) % int(std::size(fixed))];
}

void styleChart(QChart* chart, const QPalette& palette)
{
    const QColor window = palette.color(QPalette::Active, QPalette::Window);
    const QColor text = palette.color(QPalette::Active, QPalette::WindowText);
    const QColor mid = palette.color(QPalette::Active, QPalette::Mid);
    chart->setBackgroundBrush(window);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(Qt::NoPen);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(mid);
        axis->setGridLineColor(mid);
        QColor minor = mid;
        minor.setAlphaF(0.4F);
        axis->setMinorGridLineColor(minor);
    }
}

ReportPanel::ReportPanel(const QString& title, QWidget* figure, QWidget* parent)
    : QWidget(parent)
    , m_title(title)
    , m_figure(figure)
    , m_note(new QLabel)
    , m_headerLayout(new QHBoxLayout)
    , m_splitter(new QSplitter(Qt::Horizontal))
    , m_table(new QTableView)
    , m_model(new QStandardItemModel(this))
    , m_export(new QPushButton(tr("Export CSV…")))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* heading = new QLabel(title);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    m_headerLayout->addWidget(heading);
    m_headerLayout->addStretch(1);
    layout->addLayout(m_headerLayout);

    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->hide();
    layout->addWidget(m_note);

    if (figure)
        m_splitter->addWidget(figure);
    auto* side = new QWidget;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    m_table->setModel(m_model);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, as in every view
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    look::styleItemView(m_table);
    m_table->horizontalHeader()->setHighlightSections(false);
    // The last column takes the width left, rather than a blank column beside the figures.
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("%1: table").arg(title));
    sideLayout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_export->setToolTip(tr("Write this table to a CSV file"));
    connect(m_export, &QPushButton::clicked, this, &ReportPanel::exportCsv);
    buttons->addWidget(m_export);
    sideLayout->addLayout(buttons);
    m_splitter->addWidget(side);
    m_splitter->setChildrenCollapsible(false);
    if (figure) {
        m_splitter->setStretchFactor(0, 3);
        m_splitter->setStretchFactor(1, 2);
    }
    layout->addWidget(m_splitter, 1);
}

void ReportPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // The figure takes most of the room at first; the splitter keeps what people drag after.
    if (m_sized || !m_figure)
        return;
    const bool across = m_splitter->orientation() == Qt::Horizontal;
    const int room = across ? m_splitter->width() : m_splitter->height();
    if (room <= 0)
        return;
    m_splitter->setSizes({ room * 62 / 100, room - room * 62 / 100 });
    m_sized = true;
}

void ReportPanel::setTable(const QStringList& header, const QList<QStringList>& rows)
{
    m_model->clear();
    m_model->setColumnCount(static_cast<int>(header.size()));
    m_model->setHorizontalHeaderLabels(header);
    m_model->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList& cells = rows.at(r);
        for (int c = 0; c < cells.size() && c < header.size(); ++c) {
            auto* item = new QStandardItem(cells.at(c));
            // The first column names the row; the others are numbers.
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_model->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
}

void ReportPanel::setNote(const QString& note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

bool ReportPanel::exportTo(const QString& path, QString* error) const
{
    return writeCsvFile(*m_model, path, error);
}

void ReportPanel::exportCsv()
{
    QString base = m_title.toLower();
    base.replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString suggested
        = QDir::home().filePath(QStringLiteral("rota-") + base + QStringLiteral(".csv"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export %1 as CSV").arg(m_title), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export CSV"), clipped(error, MessageChars));
}

namespace {

QString dayLabel(const QDate& date, bool withYear)
{
    return QLocale().toString(date,
        withYear ? displayFormat(QStringLiteral("d MMM yyyy"))
                 : displayFormat(QStringLiteral("d MMM")));
}

// Puts at most `labels` dates of `buckets` on a time axis over bar positions 0..n-1.
void fillTimeAxis(QCategoryAxis* axis, const QList<HistoryBucket>& buckets, int labels)
{
    const QStringList old = axis->categoriesLabels();
    for (const QString& label : old)
        axis->remove(label);
    const int n = static_cast<int>(buckets.size());
    axis->setStartValue(-0.5);
    axis->setRange(-0.5, std::max(0.5, n - 0.5));
    if (n == 0)
        return;
    const bool withYear = buckets.first().start.year() != buckets.last().start.year();
    const int step = std::max(1, (n + labels - 1) / labels);
    for (int i = 0; i < n; i += step)
        axis->append(dayLabel(buckets.at(i).start, withYear), i);
}

QString number(double value, int decimals)
{
    if (value < 0)
        return {};
    return QString::number(value, 'f', decimals);
}

} // namespace

ChartPanel::ChartPanel(Kind kind, const QString& title, QWidget* parent)
    // The view is made with its chart: setChart() would leave the view's first chart undeleted.
    : ReportPanel(title, new QChartView(new QChart), parent)
    , m_kind(kind)
    , m_chart(static_cast<QChartView*>(figure())->chart())
    , m_view(static_cast<QChartView*>(figure()))
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setVisible(kind == Kind::ResponseTimes);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(220, 160);
    m_view->setAccessibleName(tr("%1: chart").arg(title));
    if (kind == Kind::Volume) {
        m_bucketChoice = new QComboBox;
        m_bucketChoice->addItem(tr("Per day"));
        m_bucketChoice->addItem(tr("Per week"));
        m_bucketChoice->setToolTip(tr("Count incidents per day or per week"));
        headerLayout()->addWidget(m_bucketChoice);
    }
    // The axes stay for the panel's life and take each report's range and labels: axes removed
    // and made anew while the chart was hidden left the old labels drawn under the new ones.
    if (kind == Kind::Groups) {
        auto* categories = new QBarCategoryAxis;
        categories->setGridLineVisible(false);
        // Names are already clipped to 32 characters; the chart would elide them to "…" when short.
        categories->setTruncateLabels(false);
        m_chart->addAxis(categories, Qt::AlignLeft);
        m_y = categories;
        auto* counts = new QValueAxis;
        counts->setLabelFormat(QStringLiteral("%d"));
        counts->setTitleText(tr("Incidents"));
        m_chart->addAxis(counts, Qt::AlignBottom);
        m_x = counts;
    } else {
        auto* time = new QCategoryAxis;
        time->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        time->setGridLineVisible(false);
        m_chart->addAxis(time, Qt::AlignBottom);
        m_x = time;
        auto* left = new QValueAxis;
        m_chart->addAxis(left, Qt::AlignLeft);
        m_y = left;
        if (kind == Kind::Volume) {
            left->setLabelFormat(QStringLiteral("%d"));
            left->setTitleText(tr("Incidents"));
        } else {
            left->setLabelFormat(QStringLiteral("%.3g"));
            auto* right = new QValueAxis;
            right->setLabelFormat(QStringLiteral("%.3g"));
            right->setGridLineVisible(false);
            m_chart->addAxis(right, Qt::AlignRight);
            m_y2 = right;
        }
    }
    restyle();
}

void ChartPanel::clearChart() { m_chart->removeAllSeries(); }

void ChartPanel::showVolume(const QList<HistoryBucket>& buckets, bool perWeek)
{
    clearChart();
    auto* set = new QBarSet(tr("Incidents"));
    int highest = 0;
    QList<QStringList> rows;
    rows.reserve(buckets.size());
    for (const HistoryBucket& bucket : buckets) {
        *set << bucket.figures.count;
        highest = std::max(highest, bucket.figures.count);
        rows.append({ bucket.start.toString(Qt::ISODate), QString::number(bucket.figures.count) });
    }
    auto* series = new QBarSeries;
    series->setBarWidth(0.85);
    series->append(set);
    m_chart->addSeries(series);

    auto* x = static_cast<QCategoryAxis*>(m_x);
    fillTimeAxis(x, buckets, TimeLabels);
    series->attachAxis(x);
    auto* y = static_cast<QValueAxis*>(m_y);
    y->setRange(0, std::max(1, highest));
    y->applyNiceNumbers();
    series->attachAxis(y);

    setTable({ perWeek ? tr("Week of") : tr("Day"), tr("Incidents") }, rows);
    restyle();
}

void ChartPanel::showResponseTimes(const QList<HistoryBucket>& weeks)
{
    clearChart();
    // Acknowledging takes minutes and resolving often hours: each gets its own axis and unit.
    double ackMax = 0;
    double resolveMax = 0;
    for (const HistoryBucket& week : weeks) {
        ackMax = std::max({ ackMax, week.figures.ttaMedian, week.figures.ttaP90 });
        resolveMax = std::max({ resolveMax, week.figures.ttrMedian, week.figures.ttrP90 });
    }
    const bool ackHours = ackMax > 2 * 3600;
    const bool resolveHours = resolveMax > 2 * 3600;
    const double ackDiv = ackHours ? 3600 : 60;
    const double resolveDiv = resolveHours ? 3600 : 60;
    const QString ackUnit = ackHours ? tr("h") : tr("min");
    const QString resolveUnit = resolveHours ? tr("h") : tr("min");

    const auto line = [](const QString& name) {
        auto* s = new QLineSeries;
        s->setName(name);
        return s;
    };
    QLineSeries* series[4] = { line(tr("Acknowledge, median")), line(tr("Acknowledge, 90%")),
        line(tr("Resolve, median")), line(tr("Resolve, 90%")) };
    QList<QStringList> rows;
    for (int i = 0; i < weeks.size(); ++i) {
        const HistoryFigures& f = weeks.at(i).figures;
        const double values[4] = { f.ttaMedian, f.ttaP90, f.ttrMedian, f.ttrP90 };
        QStringList row { weeks.at(i).start.toString(Qt::ISODate) };
        for (int k = 0; k < 4; ++k) {
            const double div = k < 2 ? ackDiv : resolveDiv;
            // The table shows what the chart plots: the value in the axis unit, rounded.
            const double shown = values[k] < 0 ? -1 : std::round(values[k] / div * 10) / 10;
            if (shown >= 0)
                series[k]->append(i, shown);
            row.append(number(shown, 1));
        }
        rows.append(row);
    }
    for (QLineSeries* s : series) {
        // A week alone would be an invisible line of one point.
        s->setPointsVisible(s->count() < 30);
        m_chart->addSeries(s);
    }

    auto* x = static_cast<QCategoryAxis*>(m_x);
    fillTimeAxis(x, weeks, TimeLabels);
    auto* ackAxis = static_cast<QValueAxis*>(m_y);
    ackAxis->setRange(0, std::max(1.0, ackMax / ackDiv));
    ackAxis->applyNiceNumbers();
    ackAxis->setTitleText(tr("To acknowledge (%1)").arg(ackUnit));
    auto* resolveAxis = static_cast<QValueAxis*>(m_y2);
    resolveAxis->setRange(0, std::max(1.0, resolveMax / resolveDiv));
    resolveAxis->applyNiceNumbers();
    resolveAxis->setTitleText(tr("To resolve (%1)").arg(resolveUnit));
    for (int k = 0; k < 4; ++k) {
        series[k]->attachAxis(x);
        series[k]->attachAxis(k < 2 ? ackAxis : resolveAxis);
    }

    setTable(
        { tr("Week of"), tr("Ack median (%1)").arg(ackUnit), tr("Ack 90% (%1)").arg(ackUnit),
            tr("Resolve median (%1)").arg(resolveUnit), tr("Resolve 90% (%1)").arg(resolveUnit) },
        rows);
    restyle();
}

void ChartPanel::showGroups(
    const QList<HistoryGroup>& groups, int limit, const QString& keyHeader, const QString& noun)
{
    clearChart();
    const int shown = std::min(static_cast<int>(groups.size()), limit);
    auto* set = new QBarSet(tr("Incidents"));
    QStringList categories;
    QList<QStringList> rows;
    int highest = 0;
    // The category axis lists from the bottom up: the most incidents go last, to the top.
    for (int i = shown - 1; i >= 0; --i) {
        const HistoryGroup& group = groups.at(i);
        *set << group.figures.count;
        highest = std::max(highest, group.figures.count);
        QString name = group.key.isEmpty() ? tr("(none)") : clipped(group.key, 32);
        // Axis categories must differ; a clipped name may repeat one.
        while (categories.contains(name))
            name += QLatin1Char(' ');
        categories.append(name);
    }
    for (int i = 0; i < shown; ++i) {
        const HistoryFigures& f = groups.at(i).figures;
        rows.append({ groups.at(i).key.isEmpty() ? tr("(none)") : groups.at(i).key,
            QString::number(f.count), number(f.ttaMedian < 0 ? -1 : f.ttaMedian / 60, 1),
            number(f.ttrMedian < 0 ? -1 : f.ttrMedian / 3600, 1) });
    }
    auto* series = new QHorizontalBarSeries;
    series->setBarWidth(0.7);
    series->append(set);
    m_chart->addSeries(series);
    auto* y = static_cast<QBarCategoryAxis*>(m_y);
    y->clear();
    y->append(categories);
    series->attachAxis(y);
    auto* x = static_cast<QValueAxis*>(m_x);
    x->setRange(0, std::max(1, highest));
    x->applyNiceNumbers();
    series->attachAxis(x);

    setTable(
        { keyHeader, tr("Incidents"), tr("Ack median (min)"), tr("Resolve median (h)") }, rows);
    setNote(groups.size() > limit
            ? tr("The %1 %2 with most incidents, of %3.")
                  .arg(QString::number(shown), noun, QLocale().toString(groups.size()))
            : QString());
    restyle();
}

void ChartPanel::restyle()
{
    const QPalette pal = palette();
    styleChart(m_chart, pal);
    m_view->setBackgroundBrush(pal.color(QPalette::Active, QPalette::Window));
    const QList<QAbstractSeries*> all = m_chart->series();
    for (int i = 0; i < all.size(); ++i) {
        if (auto* bars = qobject_cast<QAbstractBarSeries*>(all.at(i))) {
            for (QBarSet* set : bars->barSets()) {
                set->setColor(seriesColor(pal, i));
                set->setBorderColor(seriesColor(pal, i));
                set->setLabelColor(pal.color(QPalette::Active, QPalette::WindowText));
            }
        } else if (auto* line = qobject_cast<QLineSeries*>(all.at(i))) {
            // Response times: acknowledge in the first colour, resolve in the second; the 90th
            // percentile dashed.
            QPen pen(seriesColor(pal, i / 2), 2);
            pen.setStyle(i % 2 ? Qt::DashLine : Qt::SolidLine);
            line->setPen(pen);
        }
    }
}

void ChartPanel::changeEvent(QEvent* event)
{
    ReportPanel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

} // namespace rota
