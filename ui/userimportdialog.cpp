// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "userimportdialog.h"

#include "operations.h"
#include "userimport.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rota {

namespace {

// A translucent tint reads on light and dark palettes alike.
QBrush problemTint() { return QColor(220, 50, 47, 45); }

QTableWidgetItem* readOnlyItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

UserImportDialog::UserImportDialog(UserImport* importer, QSet<QString> existingUsernames,
    QSet<QString> existingEmails, QWidget* parent)
    : QDialog(parent)
    , m_importer(importer)
    , m_existingUsernames(std::move(existingUsernames))
    , m_existingEmails(std::move(existingEmails))
    , m_fileLabel(new QLabel(tr("No file chosen."), this))
    , m_message(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_choose(new QPushButton(tr("Choose File\u2026"), this))
    , m_import(new QPushButton(tr("Import"), this))
    , m_cancelImport(new QPushButton(tr("Cancel Import"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setWindowTitle(tr("Add Users from a File"));
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    m_fileLabel->setTextFormat(Qt::PlainText);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Choose a CSV file with the columns username, email, first name and "
                          "last name (in any order). Each user gets an e-mail inviting them to "
                          "set a password."));

    m_table->setHorizontalHeaderLabels({ tr("Line"), tr("Username"), tr("First name"),
        tr("Last name"), tr("E-mail"), tr("Status") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Column widths from the first rows: measuring all of 10,000 would keep the GUI busy.
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->setMinimumSize(760, 320);

    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setFormat(tr("%v of %m users"));
    m_progress->hide();

    m_import->setDefault(true);
    m_cancelImport->hide();

    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileLabel, 1);
    fileRow->addWidget(m_choose);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_cancelImport);
    buttons->addStretch();
    buttons->addWidget(m_import);
    buttons->addWidget(m_close);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);

    connect(m_choose, &QPushButton::clicked, this, &UserImportDialog::chooseFile);
    connect(m_import, &QPushButton::clicked, this, &UserImportDialog::startImport);
    connect(m_cancelImport, &QPushButton::clicked, this, [this] {
        if (m_importing)
            m_importer->cancel();
        m_cancelImport->setEnabled(false);
    });
    connect(m_close, &QPushButton::clicked, this, &UserImportDialog::reject);
    connect(m_importer, &UserImport::rowsChanged, this, [this](int first, int count) {
        if (m_importing)
            showRows(first, count);
    });
    connect(m_importer, &UserImport::progress, this, &UserImportDialog::onProgress);
    connect(m_importer, &UserImport::waiting, this, [this](qint64 waitMs) {
        if (!m_importing)
            return;
        // A large file meets the rate limit after 15 batches: say why nothing moves.
        m_summary->setText(tr("Waiting about %1 s for Splunk On-Call's rate limit: it takes %2 "
                              "batches of %3 users a minute.")
                               .arg(qMax<qint64>(1, (waitMs + 999) / 1000))
                               .arg(ops::createUsers.limitPerMinute)
                               .arg(UserImport::BatchSize));
    });
    connect(m_importer, &UserImport::finished, this, &UserImportDialog::onFinished);
    updateButtons();
}

UserImportDialog::~UserImportDialog()
{
    // The importer outlives the dialog: what is on its way is still answered, nothing more is
    // sent.
    if (m_importing)
        m_importer->cancel();
}

void UserImportDialog::chooseFile()
{
    const QString start = m_path.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        : QFileInfo(m_path).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a CSV File of Users"), start,
        tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

bool UserImportDialog::loadFile(const QString& path)
{
    if (m_importing)
        return false;
    m_path = path;
    m_imported = false;
    m_tableRows.clear();
    m_fileLabel->setText(QFileInfo(path).fileName());
    m_fileLabel->setToolTip(path);
    m_progress->hide();
    m_contents = UserCsv::readFile(path, m_existingUsernames, m_existingEmails);

    const QStyle* style = QApplication::style();
    const QIcon warning = style->standardIcon(QStyle::SP_MessageBoxWarning);
    m_table->setUpdatesEnabled(false);
    m_table->setSortingEnabled(false);
    m_table->clearContents();
    m_table->setRowCount(int(m_contents.rows.size()));
    for (int r = 0; r < m_contents.rows.size(); ++r) {
        const UserCsvRow& row = m_contents.rows.at(r);
        auto* line = readOnlyItem(QString::number(row.line));
        line->setData(Qt::DisplayRole, row.line);
        m_table->setItem(r, LineColumn, line);
        m_table->setItem(r, UsernameColumn, readOnlyItem(row.user.username));
        m_table->setItem(r, FirstNameColumn, readOnlyItem(row.user.firstName));
        m_table->setItem(r, LastNameColumn, readOnlyItem(row.user.lastName));
        m_table->setItem(r, EmailColumn, readOnlyItem(row.user.email));
        QTableWidgetItem* status = nullptr;
        if (row.isValid()) {
            status = readOnlyItem(tr("Ready"));
        } else {
            status = readOnlyItem(tr("Not sent: ") + row.problems.join(QLatin1Char(' ')));
            status->setIcon(warning);
            status->setToolTip(row.problems.join(QLatin1Char('\n')));
            for (int c = 0; c < ColumnCount - 1; ++c)
                m_table->item(r, c)->setBackground(problemTint());
            status->setBackground(problemTint());
        }
        m_table->setItem(r, StatusColumn, status);
    }
    m_table->resizeColumnsToContents();
    // The status takes the width left and elides: a long reason would push the table sideways
    // (its header out of sight); the whole reason is in the cell's tooltip.
    m_table->horizontalHeader()->setSectionResizeMode(StatusColumn, QHeaderView::Stretch);
    m_table->setUpdatesEnabled(true);

    QStringList message;
    if (!m_contents.ok())
        message.append(m_contents.error);
    message.append(m_contents.warnings);
    m_message->setText(message.join(QLatin1Char('\n')));
    m_message->setVisible(!message.isEmpty());
    updateSummary();
    updateButtons();
    return m_contents.ok();
}

void UserImportDialog::startImport()
{
    if (m_importing || m_imported || m_importer->isRunning())
        return;
    QList<UserPayload> users;
    m_tableRows.clear();
    for (int r = 0; r < m_contents.rows.size(); ++r) {
        if (m_contents.rows.at(r).isValid()) {
            users.append(m_contents.rows.at(r).user);
            m_tableRows.append(r);
        }
    }
    if (users.isEmpty())
        return;
    m_importing = true;
    m_progress->setRange(0, int(users.size()));
    m_progress->setValue(0);
    m_progress->show();
    m_cancelImport->setEnabled(true);
    updateButtons();
    if (!m_importer->start(users)) {
        m_importing = false;
        m_tableRows.clear();
        m_progress->hide();
        updateButtons();
    }
}

void UserImportDialog::showRows(int first, int count)
{
    const QStyle* style = QApplication::style();
    const QList<UserImport::RowResult>& results = m_importer->results();
    for (int i = first; i < first + count && i < m_tableRows.size() && i < results.size(); ++i) {
        QTableWidgetItem* status = m_table->item(m_tableRows.at(i), StatusColumn);
        const UserImport::RowResult& result = results.at(i);
        status->setText(UserImport::describe(result));
        status->setToolTip(result.message);
        switch (result.outcome) {
        case UserImport::Outcome::Added:
            status->setIcon(style->standardIcon(QStyle::SP_DialogApplyButton));
            break;
        case UserImport::Outcome::Refused:
        case UserImport::Outcome::MaybeAdded:
            status->setIcon(style->standardIcon(QStyle::SP_MessageBoxWarning));
            status->setBackground(problemTint());
            break;
        case UserImport::Outcome::NotSent:
            status->setIcon(style->standardIcon(QStyle::SP_MessageBoxInformation));
            break;
        case UserImport::Outcome::Waiting:
        case UserImport::Outcome::Sending:
            status->setIcon(QIcon());
            break;
        }
    }
    // Keep the rows being sent in view, as a log would.
    if (count > 0 && first + count - 1 < m_tableRows.size())
        m_table->scrollToItem(m_table->item(m_tableRows.at(first + count - 1), StatusColumn));
}

void UserImportDialog::onProgress(int done, int total)
{
    if (!m_importing)
        return;
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    m_summary->setText(tr("Sending\u2026 %1 of %2 users done.").arg(done).arg(total));
}

void UserImportDialog::onFinished()
{
    if (!m_importing)
        return;
    m_importing = false;
    m_imported = true;
    // A file loaded again now finds these users in the organisation.
    const QList<UserPayload>& users = m_importer->users();
    const QList<UserImport::RowResult>& results = m_importer->results();
    for (int i = 0; i < users.size() && i < results.size(); ++i) {
        if (results.at(i).outcome == UserImport::Outcome::Added
            || results.at(i).outcome == UserImport::Outcome::MaybeAdded) {
            m_existingUsernames.insert(users.at(i).username);
            m_existingEmails.insert(users.at(i).email);
        }
    }
    updateSummary();
    updateButtons();
    if (m_closeWhenStopped)
        QDialog::reject();
}

void UserImportDialog::updateSummary()
{
    const int invalid = m_contents.invalidCount();
    const QString problems = invalid == 0
        ? QString()
        : tr("%n row(s) (has|have) problems and will not be sent.", nullptr, invalid);
    if (!m_contents.ok()) {
        m_summary->setText(tr("Nothing will be sent. Choose another file."));
        return;
    }
    if (m_imported) {
        const int added = m_importer->count(UserImport::Outcome::Added);
        const int refused = m_importer->count(UserImport::Outcome::Refused);
        const int maybe = m_importer->count(UserImport::Outcome::MaybeAdded);
        const int notSent = m_importer->count(UserImport::Outcome::NotSent);
        QStringList parts;
        parts.append(tr("Added %1 of %n user(s).", nullptr, m_importer->total()).arg(added));
        if (refused > 0)
            parts.append(tr("%n user(s) (was|were) not added.", nullptr, refused));
        if (maybe > 0)
            parts.append(tr("%n user(s) may have been added (no answer came): check the list of "
                            "users.",
                nullptr, maybe));
        if (notSent > 0)
            parts.append(m_importer->isCancelled()
                    ? tr("%n user(s) (was|were) not sent: the import was cancelled.", nullptr,
                        notSent)
                    : tr("%n user(s) (was|were) not sent.", nullptr, notSent));
        if (invalid > 0)
            parts.append(tr("%n row(s) with problems (was|were) not sent.", nullptr, invalid));
        m_summary->setText(parts.join(QLatin1Char(' ')));
        return;
    }
    const int valid = m_contents.validCount();
    if (m_contents.rows.isEmpty())
        m_summary->setText(tr("The file has no users."));
    else if (valid == 0)
        m_summary->setText(tr("No user can be invited: every row has a problem."));
    else
        m_summary->setText(problems.isEmpty()
                ? tr("%n user(s) will be invited.", nullptr, valid)
                : tr("%n user(s) will be invited; %1", "%1: how many rows have problems", valid)
                      .arg(problems));
}

void UserImportDialog::updateButtons()
{
    m_import->setEnabled(
        !m_importing && !m_imported && m_contents.ok() && m_contents.validCount() > 0);
    m_import->setText(m_contents.validCount() > 0 && !m_imported
            ? tr("Import %n User(s)", nullptr, m_contents.validCount())
            : tr("Import"));
    m_choose->setEnabled(!m_importing);
    m_cancelImport->setVisible(m_importing);
    m_close->setEnabled(!m_importing || !m_closeWhenStopped);
}

void UserImportDialog::reject()
{
    if (!m_importing) {
        QDialog::reject();
        return;
    }
    m_closeWhenStopped = true;
    m_importer->cancel();
    updateButtons();
}

} // namespace rota
