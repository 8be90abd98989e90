// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

#include "usercsv.h"

#include <QDialog>
#include <QList>
#include <QSet>
#include <QString>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace rota {

class UserImport;

//! Add users from a CSV file: choose the file, see every row with its problems in words (rows
//! with problems are marked and not sent), Import, watch the progress (Cancel stops between
//! batches), and read each row's outcome in the table afterwards. Everything stays on screen
//! when the import ends, until the dialog is closed.
//!
//! The dialog does not talk to the network: `importer` (made by the session that owns the
//! connection) sends the rows. Closing the dialog (Esc, the window's close button) while an import
//! runs cancels it instead, and closes once it has stopped.
class UserImportDialog : public QDialog {
    Q_OBJECT
public:
    enum Column {
        LineColumn,
        UsernameColumn,
        FirstNameColumn,
        LastNameColumn,
        EmailColumn,
        StatusColumn,
        ColumnCount
    };

    //! `existingUsernames` and `existingEmails` are the organisation's (compared without regard to
    //! case): rows that repeat them are marked before anything is sent. `importer` must outlive
    //! the dialog.
    UserImportDialog(UserImport* importer, QSet<QString> existingUsernames,
        QSet<QString> existingEmails, QWidget* parent = nullptr);
    ~UserImportDialog() override;

    //! Reads the file and fills the table; false when the whole file was refused (the reason is
    //! shown). Does nothing and returns false while an import runs.
    bool loadFile(const QString& path);
    //! Asks for a file (QFileDialog) and loads it.
    void chooseFile();

    const UserCsvResult& contents() const { return m_contents; }
    QString filePath() const { return m_path; }

    QTableWidget* table() const { return m_table; }
    QLabel* messageLabel() const { return m_message; }
    QLabel* summaryLabel() const { return m_summary; }
    QProgressBar* progressBar() const { return m_progress; }
    QPushButton* chooseButton() const { return m_choose; }
    QPushButton* importButton() const { return m_import; }
    QPushButton* cancelImportButton() const { return m_cancelImport; }
    QPushButton* closeButton() const { return m_close; }

public Q_SLOTS:
    //! While an import runs: cancels it and closes when it has stopped.
    void reject() override;

private:
    void startImport();
    void showRows(int first, int count);
    void onProgress(int done, int total);
    void onFinished();
    void updateSummary();
    void updateButtons();

    UserImport* m_importer;
    QSet<QString> m_existingUsernames;
    QSet<QString> m_existingEmails;
    UserCsvResult m_contents;
    QString m_path;
    //! For each user handed to the importer, its row in the table.
    QList<int> m_tableRows;
    bool m_importing = false;
    bool m_imported = false;
    bool m_closeWhenStopped = false;

    QLabel* m_fileLabel;
    QLabel* m_message;
    QTableWidget* m_table;
    QLabel* m_summary;
    QProgressBar* m_progress;
    QPushButton* m_choose;
    QPushButton* m_import;
    QPushButton* m_cancelImport;
    QPushButton* m_close;
};

} // namespace rota
