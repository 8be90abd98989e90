// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "overridedialog.h"

#include "displayformat.h"
#include "plaintext.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace rota {

namespace {

QDateTime nextFullHour(int hoursAhead)
{
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime hour(now.date(), QTime(now.time().hour(), 0));
    return hour.addSecs(3600LL * (hoursAhead + 1));
}

} // namespace

OverrideDialog::OverrideDialog(
    const QHash<QString, QString>& people, const QByteArray& zoneId, QWidget* parent)
    : QDialog(parent)
    , m_user(new QComboBox(this))
    , m_start(new QDateTimeEdit(this))
    , m_end(new QDateTimeEdit(this))
    , m_zone(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New scheduled override"));
    m_error->setObjectName(QStringLiteral("errorLabel"));

    // People by display name; the username is the data (and shown, to tell namesakes apart).
    QList<QPair<QString, QString>> sorted;
    for (auto it = people.cbegin(); it != people.cend(); ++it)
        sorted.append({ it.value(), it.key() });
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return QString::compare(a.first, b.first, Qt::CaseInsensitive) < 0;
    });
    m_user->setEditable(true);
    m_user->setInsertPolicy(QComboBox::NoInsert);
    // Not as wide as the longest name: a long one shows whole in the open list.
    m_user->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_user->setMinimumContentsLength(24);
    m_user->completer()->setFilterMode(Qt::MatchContains);
    m_user->completer()->setCompletionMode(QCompleter::PopupCompletion);
    for (const auto& person : std::as_const(sorted))
        m_user->addItem(
            person.first + QStringLiteral(" (") + person.second + QLatin1Char(')'), person.second);
    m_user->setCurrentIndex(-1);
    m_user->setAccessibleName(tr("Who is away"));

    const QString format = displayFormat(QStringLiteral("ddd d MMM yyyy HH:mm"));
    m_start->setDisplayFormat(format);
    m_end->setDisplayFormat(format);
    m_start->setCalendarPopup(true);
    m_end->setCalendarPopup(true);
    m_start->setDateTime(nextFullHour(0));
    m_end->setDateTime(nextFullHour(24));
    m_start->setAccessibleName(tr("From"));
    m_end->setAccessibleName(tr("Until"));

    QList<QByteArray> ids = QTimeZone::availableTimeZoneIds();
    ids.erase(std::remove_if(ids.begin(), ids.end(),
                  [](const QByteArray& id) { return !id.contains('/') && id != "UTC"; }),
        ids.end());
    for (const QByteArray& id : std::as_const(ids))
        m_zone->addItem(QString::fromUtf8(id));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    const QByteArray initial = zoneId.isEmpty() ? QTimeZone::systemTimeZoneId() : zoneId;
    const int at = m_zone->findText(QString::fromUtf8(initial));
    m_zone->setCurrentIndex(at >= 0 ? at : m_zone->findText(QStringLiteral("UTC")));
    m_zone->setAccessibleName(tr("Time zone"));

    makePlainLabel(m_error); // the server's refusal, as written
    m_error->setWordWrap(true);
    QPalette pal = m_error->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_error->setPalette(pal);
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Who is away:"), m_user);
    form->addRow(tr("&From:"), m_start);
    form->addRow(tr("&Until:"), m_end);
    form->addRow(tr("Time &zone:"), m_zone);
    auto* hint = new QLabel(tr("The times are in the chosen zone. Everyone on the person's "
                               "escalation policies can then be asked to stand in."),
        this);
    hint->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OverrideDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &OverrideDialog::reject);
    resize(460, sizeHint().height());
}

void OverrideDialog::setValues(
    const QString& username, const QDateTime& start, const QDateTime& end, const QString& zone)
{
    m_user->setCurrentIndex(m_user->findData(username));
    if (m_user->currentIndex() < 0)
        m_user->setEditText(username);
    m_start->setDateTime(start);
    m_end->setDateTime(end);
    const int at = m_zone->findText(zone);
    if (at >= 0)
        m_zone->setCurrentIndex(at);
    else
        m_zone->setEditText(zone);
}

QString OverrideDialog::chosenUser() const
{
    // The list entry, or a username typed by hand.
    const QString text = m_user->currentText().trimmed();
    if (m_user->currentIndex() >= 0 && m_user->itemText(m_user->currentIndex()) == text)
        return m_user->currentData().toString();
    const int byName = m_user->findText(text);
    if (byName >= 0)
        return m_user->itemData(byName).toString();
    const int byUsername = m_user->findData(text);
    return byUsername >= 0 ? text : QString();
}

QString OverrideDialog::problem() const
{
    if (m_user->currentText().trimmed().isEmpty())
        return tr("Choose who is away.");
    if (chosenUser().isEmpty())
        return tr("There is nobody called “%1” in this organisation. Choose someone from the list.")
            .arg(m_user->currentText().trimmed());
    const QTimeZone zone(m_zone->currentText().trimmed().toUtf8());
    if (!zone.isValid())
        return tr("“%1” is not a time zone this computer knows. Choose one from the list, "
                  "e.g. Europe/London.")
            .arg(m_zone->currentText().trimmed());
    const NewScheduledOverride o = result();
    if (o.start >= o.end)
        return tr("The override must end after it starts.");
    if (o.end <= QDateTime::currentDateTimeUtc())
        return tr("The override would already be over. Choose an end in the future.");
    return {};
}

NewScheduledOverride OverrideDialog::result() const
{
    NewScheduledOverride o;
    o.username = chosenUser();
    o.timeZone = m_zone->currentText().trimmed();
    const QTimeZone zone(o.timeZone.toUtf8());
    const QDateTime start = m_start->dateTime();
    const QDateTime end = m_end->dateTime();
    // The fields show wall-clock times; they mean that time in the chosen zone.
    o.start = QDateTime(start.date(), start.time(), zone).toUTC();
    o.end = QDateTime(end.date(), end.time(), zone).toUTC();
    return o;
}

void OverrideDialog::accept()
{
    const QString text = problem();
    setPlainLabelText(m_error, text, MessageChars);
    m_error->setVisible(!text.isEmpty());
    if (text.isEmpty())
        QDialog::accept();
}

} // namespace rota
