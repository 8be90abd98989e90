// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// The panels of the Reports view: each shows a figure (a Qt Charts chart, or the heat map) with a
// table beside it that holds exactly the figure's numbers, and an "Export CSV…" button that
// writes that table.

#include "historytypes.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QPushButton;
class QSplitter;
class QStandardItemModel;
class QTableView;
class QChart;
class QChartView;
class QAbstractAxis;
class QComboBox;
class QHBoxLayout;

namespace rota {

//! One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or leading or
//! trailing spaces; quotes inside are doubled. A text a spreadsheet would read as a formula
//! (starting with =, +, -, @, a tab or a carriage return, and not a number) gets an apostrophe
//! before it.
QString csvField(const QString& input);
//! The model's table as CSV: a header row (the horizontal header texts), then one row per model
//! row of its DisplayRole texts; lines end in CRLF.
QString tableToCsv(const QAbstractItemModel& model);
//! Writes tableToCsv(model) to `path` as UTF-8. On failure returns false with the reason in
//! words in `error` (the file is then left as it was, or not made).
bool writeCsvFile(const QAbstractItemModel& model, const QString& path, QString* error);

//! The colour of the `index`th series: the palette's highlight first, then a fixed set that
//! reads on light and dark backgrounds.
QColor seriesColor(const QPalette& palette, int index);
//! Styles a chart from a palette: background Window, titles and labels Text (WindowText),
//! grid and axis lines Mid. Series colours are the panel's (ChartPanel::restyle()).
void styleChart(QChart* chart, const QPalette& palette);

//! A figure with its table (in a QSplitter: figure left, table right), a title, a line under
//! the title for notes, and Export CSV… under the table.
class ReportPanel : public QWidget {
    Q_OBJECT
public:
    //! `figure` is taken over (may be nullptr: a table only).
    ReportPanel(const QString& title, QWidget* figure, QWidget* parent = nullptr);

    QString title() const { return m_title; }
    QWidget* figure() const { return m_figure; }
    QTableView* table() const { return m_table; }
    //! The table's numbers (what the CSV holds).
    QStandardItemModel* tableModel() const { return m_model; }
    QPushButton* exportButton() const { return m_export; }
    QSplitter* splitter() const { return m_splitter; }
    QLabel* noteLabel() const { return m_note; }

    //! Replaces the table: `header` names the columns, each row holds one text per column
    //! (numbers right-aligned).
    void setTable(const QStringList& header, const QList<QStringList>& rows);
    //! A line under the title ("The 20 teams with most incidents of 57"); empty hides it.
    void setNote(const QString& note);

    //! Writes the table as CSV to `path` (what Export CSV… does once a file is chosen).
    bool exportTo(const QString& path, QString* error) const;
    //! Asks for a file and writes the table to it; a failure is said in a message box.
    void exportCsv();

protected:
    QHBoxLayout* headerLayout() const { return m_headerLayout; }
    void resizeEvent(QResizeEvent* event) override;

private:
    QString m_title;
    QWidget* m_figure;
    QLabel* m_note;
    QHBoxLayout* m_headerLayout;
    QSplitter* m_splitter;
    QTableView* m_table;
    QStandardItemModel* m_model;
    QPushButton* m_export;
    bool m_sized = false; //!< the splitter got its first sizes
};

//! A panel whose figure is a Qt Charts chart (no animation, restyled at each palette change).
class ChartPanel : public ReportPanel {
    Q_OBJECT
public:
    enum class Kind {
        Volume, //!< incidents per day or week: bars
        ResponseTimes, //!< MTTA and MTTR median and p90 per week: lines, two axes
        Groups, //!< a count per group: horizontal bars, most at the top
    };
    ChartPanel(Kind kind, const QString& title, QWidget* parent = nullptr);

    QChart* chart() const { return m_chart; }
    QChartView* chartView() const { return m_view; }
    Kind kind() const { return m_kind; }

    //! Volume: incidents per bucket (perDay or perWeek); `perWeek` names the first column.
    void showVolume(const QList<HistoryBucket>& buckets, bool perWeek);
    //! Response times per week.
    void showResponseTimes(const QList<HistoryBucket>& weeks);
    //! Groups (byTeam, …): at most `limit` of them, most first; `keyHeader` names the key column
    //! ("Team"); `noun` counts them in the note ("teams").
    void showGroups(const QList<HistoryGroup>& groups, int limit, const QString& keyHeader,
        const QString& noun);

    //! For the Volume panel: the per-day/per-week switch (nullptr for the others).
    QComboBox* bucketChoice() const { return m_bucketChoice; }

    //! Colours series, background, labels and grid from the current palette.
    void restyle();

    //! How many bar categories at most get a label on a time axis.
    static constexpr int TimeLabels = 8;

protected:
    void changeEvent(QEvent* event) override;

private:
    void clearChart();

    Kind m_kind;
    QChart* m_chart;
    QChartView* m_view;
    QComboBox* m_bucketChoice = nullptr;
    //! Volume and response times: x the time (QCategoryAxis), y the count or minutes (QValueAxis),
    //! y2 the hours to resolve; groups: y the names (QBarCategoryAxis), x the counts.
    QAbstractAxis* m_x = nullptr;
    QAbstractAxis* m_y = nullptr;
    QAbstractAxis* m_y2 = nullptr;
};

} // namespace rota
