// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "userdetailpane.h"

#include "displayformat.h"
#include "flowlayout.h"
#include "orgdirectory.h"
#include "pagingpolicymodel.h"
#include "personavatar.h"
#include "persondetails.h"
#include "plaintext.h"
#include "policystepcanvas.h"
#include "viewchrome.h"

#include <QClipboard>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace rota {

namespace {

constexpr int AvatarSize = 48;

//! How many coming shifts the pane lists.
constexpr int ShiftsShown = 5;

QLabel* plainLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    makePlainLabel(label);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QGroupBox* section(const QString& title, QWidget* content, QWidget* parent)
{
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

QString shiftLine(const PersonShift& shift)
{
    const QLocale locale;
    const QDateTime start = shift.start.toLocalTime();
    const QDateTime end = shift.end.toLocalTime();
    const QString from = locale.toString(start, displayFormat(QStringLiteral("ddd d MMM HH:mm")));
    const QString to = start.date() == end.date()
        ? locale.toString(end, displayFormat(QStringLiteral("HH:mm")))
        : locale.toString(end, displayFormat(QStringLiteral("ddd d MMM HH:mm")));
    QString what = shift.policyName.isEmpty() ? shift.policySlug : shift.policyName;
    if (!shift.teamName.isEmpty())
        what = UserDetailPane::tr("%1 (%2)").arg(what, shift.teamName);
    if (shift.isOverride)
        what = UserDetailPane::tr("%1, standing in").arg(what);
    return UserDetailPane::tr("%1 – %2 · %3").arg(from, to, what);
}

} // namespace

UserDetailPane::UserDetailPane(PersonDetails* people, OrgDirectory* directory, QWidget* parent)
    : QWidget(parent)
    , m_people(people)
    , m_directory(directory)
    , m_headerLayout(new QHBoxLayout)
    , m_avatar(new QLabel(this))
    , m_name(plainLabel(this, QStringLiteral("userName")))
    , m_subtitle(plainLabel(this, QStringLiteral("userSubtitle")))
    , m_status(plainLabel(this, QStringLiteral("userStatus")))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_remove(new QPushButton(tr("Remove…"), this))
    , m_page(new QPushButton(tr("Page…"), this))
    , m_empty(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_body(new QWidget(this))
    , m_loading(plainLabel(this, QStringLiteral("userLoading")))
    , m_error(plainLabel(this, QStringLiteral("userError")))
    , m_contactsBox(nullptr)
    , m_contactsLayout(nullptr)
    , m_teams(plainLabel(this, QStringLiteral("userTeams")))
    , m_policies(plainLabel(this, QStringLiteral("userPolicies")))
    , m_onCall(plainLabel(this, QStringLiteral("userOnCall")))
    , m_shifts(plainLabel(this, QStringLiteral("userShifts")))
    , m_policyNote(plainLabel(this, QStringLiteral("userPagingPolicyNote")))
    , m_policyModel(new PagingPolicyModel(this))
    , m_canvas(new PolicyStepCanvas(m_policyModel))
{
    setObjectName(QStringLiteral("userDetail"));
    setFocusPolicy(Qt::StrongFocus);

    QFont titleFont = m_name->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_name->setFont(titleFont);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_edit->setObjectName(QStringLiteral("editUser"));
    m_remove->setObjectName(QStringLiteral("removeUser"));
    m_page->setObjectName(QStringLiteral("pageUser"));
    m_edit->setToolTip(tr("Change their name or e-mail"));
    m_remove->setToolTip(tr("Remove them from the organisation"));
    m_page->setToolTip(tr("Open an incident that pages them"));

    // The header: avatar, name, username and status; the actions on the right.
    m_avatar->setObjectName(QStringLiteral("userAvatar"));
    m_avatar->setFixedSize(AvatarSize, AvatarSize);
    m_headerLayout->addWidget(m_avatar, 0, Qt::AlignTop);
    auto* names = new QVBoxLayout;
    names->setSpacing(2);
    names->addWidget(m_name);
    names->addWidget(m_subtitle);
    names->addWidget(m_status);
    m_headerLayout->addLayout(names, 1);
    auto* actions = new QVBoxLayout;
    actions->addWidget(m_page);
    actions->addWidget(m_edit);
    actions->addWidget(m_remove);
    actions->addStretch();
    m_headerLayout->addLayout(actions);

    setUpNoticeLabel(m_error);
    m_loading->setForegroundRole(QPalette::PlaceholderText);
    m_loading->hide();

    auto* contacts = new QWidget(this);
    m_contactsLayout = new QVBoxLayout(contacts);
    m_contactsLayout->setContentsMargins(0, 0, 0, 0);
    m_contactsLayout->setSpacing(2);
    m_contactsBox = section(tr("Contact methods"), contacts, this);
    m_contactsBox->setObjectName(QStringLiteral("userContacts"));

    auto* onCall = new QWidget(this);
    auto* onCallLayout = new QVBoxLayout(onCall);
    onCallLayout->setContentsMargins(0, 0, 0, 0);
    onCallLayout->addWidget(m_onCall);
    onCallLayout->addWidget(m_shifts);

    m_canvas->setObjectName(QStringLiteral("userPagingPolicy"));
    m_canvas->setReadOnly(true);
    m_canvas->setAccessibleName(tr("Their paging policy (read-only)"));
    auto* policy = new QWidget(this);
    auto* policyLayout = new QVBoxLayout(policy);
    policyLayout->setContentsMargins(0, 0, 0, 0);
    policyLayout->addWidget(m_policyNote);
    policyLayout->addWidget(m_canvas);

    auto* bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addLayout(m_headerLayout);
    bodyLayout->addWidget(m_loading);
    bodyLayout->addWidget(m_error);
    bodyLayout->addWidget(m_contactsBox);
    bodyLayout->addWidget(section(tr("Teams"), m_teams, this));
    bodyLayout->addWidget(section(tr("Escalation policies"), m_policies, this));
    bodyLayout->addWidget(section(tr("On call"), onCall, this));
    bodyLayout->addWidget(section(tr("Personal paging policy"), policy, this));
    bodyLayout->addStretch();

    m_scroll->setWidget(m_body);
    m_scroll->setWidgetResizable(true);
    // The pane is as wide as its place: its rows wrap instead (a sideways scroll hides the
    // buttons).
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setObjectName(QStringLiteral("userDetailScroll"));

    m_empty->setObjectName(QStringLiteral("userDetailEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(tr("Choose a user to see their contact methods, teams and paging policy."));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_empty, 1);

    connect(m_edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(username()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { Q_EMIT removeRequested(username()); });
    connect(m_page, &QPushButton::clicked, this, [this] { Q_EMIT pageRequested(username()); });
    if (m_people) {
        connect(m_people, &PersonDetails::changed, this, [this](const QString& who) {
            if (who == m_user.username)
                refreshDetails();
        });
    }
    clear();
}

UserDetailPane::~UserDetailPane() = default;

void UserDetailPane::clear()
{
    m_user = User();
    m_shownName.clear();
    m_policyShown.clear();
    m_policyModel->load({});
    m_scroll->hide();
    m_empty->show();
}

void UserDetailPane::setUser(const User& user, const QString& shownName)
{
    if (user.username != m_user.username) {
        m_policyShown.clear();
        m_policyModel->load({});
        m_canvas->hide();
        setPlainLabelText(
            m_policyNote, tr("Their paging policy is read when the selection rests."));
    }
    m_user = user;
    m_shownName = shownName;
    m_empty->hide();
    m_scroll->show();
    m_avatar->setPixmap(
        PersonAvatar::pixmap(user.username, shownName, AvatarSize, devicePixelRatioF()));
    m_avatar->setToolTip(plainToolTip(user.username));
    setPlainLabelText(m_name, shownName, MessageChars);
    setPlainLabelText(m_subtitle,
        user.email.isEmpty() ? user.username : tr("%1 · %2").arg(user.username, user.email),
        MessageChars);
    m_status->setText(user.verified ? tr("Has set a password")
                                    : tr("Invited: has not accepted the invitation yet"));
    refreshDetails();
}

void UserDetailPane::refreshDetails()
{
    if (!m_people) {
        m_loading->hide();
        m_contactsBox->hide();
        return;
    }
    const PersonInfo info = m_people->info(m_user.username);
    const bool loading = m_people->isLoading(m_user.username);
    m_loading->setText(tr("Reading their contact methods, teams and shifts…"));
    m_loading->setVisible(loading);
    showNotice(m_error, info.error, true);

    fillContacts(info.contacts);
    if (!info.contactsLoaded && info.contacts.emails.isEmpty() && info.contacts.phones.isEmpty()
        && info.contacts.devices.isEmpty()) {
        auto* none = plainLabel(m_contactsBox, QStringLiteral("contactsUnknown"));
        none->setText(loading ? tr("Reading…") : tr("Not read yet"));
        m_contactsLayout->addWidget(none);
    }
    m_policyModel->setContactMethods(info.contacts);

    QStringList teams;
    for (const UserTeam& team : info.teams)
        teams.append(team.name.isEmpty() ? team.slug : team.name);
    setPlainLabelText(m_teams,
        !info.teamsLoaded && teams.isEmpty() ? tr("Not read yet")
            : teams.isEmpty()                ? tr("In no team")
                                             : teams.join(QStringLiteral(", ")),
        MessageChars);

    // One line per policy (the API lists a policy once per step that pages them).
    QStringList policyLines;
    QStringList seen;
    for (const UserPolicyEntry& entry : info.policies) {
        if (seen.contains(entry.extId))
            continue;
        seen.append(entry.extId);
        QString name = m_directory ? m_directory->policyBySlug(entry.extId) : QString();
        if (name.isEmpty())
            name = entry.extId;
        const QString team = m_directory ? m_directory->policyTeamName(entry.extId) : QString();
        const QString how = entry.contactType == QLatin1String("rotation_group")
            ? tr("through a rotation")
            : tr("directly");
        policyLines.append(
            team.isEmpty() ? tr("%1, %2").arg(name, how) : tr("%1 (%2), %3").arg(name, team, how));
    }
    setPlainLabelText(m_policies,
        !info.policiesLoaded && policyLines.isEmpty() ? tr("Not read yet")
            : policyLines.isEmpty()                   ? tr("No escalation policy pages them")
                                                      : policyLines.join(QLatin1Char('\n')),
        MessageChars);

    setPlainLabelText(m_onCall,
        info.onCallText.isEmpty() ? (info.onCallNow ? tr("On call now") : tr("Not known yet"))
                                  : info.onCallText,
        MessageChars);
    QStringList shifts;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const PersonShift& shift : info.shifts) {
        if (shifts.size() >= ShiftsShown)
            break;
        // A shift under way is listed first; say so, it is not a coming one.
        const bool running = shift.start <= now && now < shift.end;
        shifts.append(running ? tr("Now: %1").arg(shiftLine(shift)) : shiftLine(shift));
    }
    setPlainLabelText(m_shifts,
        !info.shiftsLoaded && shifts.isEmpty()
            ? QString()
            : (shifts.isEmpty() ? tr("No shifts coming")
                                : tr("Shifts:\n%1").arg(shifts.join(QLatin1Char('\n')))),
        MessageChars);
    m_shifts->setVisible(!m_shifts->text().isEmpty());
}

void UserDetailPane::fillContacts(const ContactMethods& contacts)
{
    while (QLayoutItem* item = m_contactsLayout->takeAt(0)) {
        if (QWidget* widget = item->widget())
            widget->deleteLater();
        delete item;
    }
    for (const ContactMethod& email : contacts.emails)
        m_contactsLayout->addWidget(contactRow(email, QStringLiteral("mailto")));
    for (const ContactMethod& phone : contacts.phones)
        m_contactsLayout->addWidget(contactRow(phone, QStringLiteral("tel")));
    for (const ContactMethod& device : contacts.devices) {
        auto* label = plainLabel(m_contactsBox, QStringLiteral("contactDevice"));
        label->setText(tr("%1 (push notifications to the app)")
                           .arg(clipped(device.label.isEmpty() ? device.deviceType : device.label,
                               MenuChars)));
        m_contactsLayout->addWidget(label);
    }
}

QWidget* UserDetailPane::contactRow(const ContactMethod& method, const QString& scheme)
{
    auto* row = new QWidget(m_contactsBox);
    row->setObjectName(QStringLiteral("contactRow"));
    // A row that wraps (the address under its label, Copy under the address) when the pane is
    // narrow, rather than pushing the pane wider than the window.
    auto* layout = new FlowLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* kind = plainLabel(row, QStringLiteral("contactLabel"));
    kind->setWordWrap(false);
    kind->setText(clipped(method.label.isEmpty() ? method.deviceType : method.label, MenuChars));
    kind->setMinimumWidth(70);
    kind->setForegroundRole(QPalette::PlaceholderText);
    // A number as people write it ("+44 20 7946 0000") dialled as digits only.
    QString target = method.value;
    if (scheme == QLatin1String("tel")) {
        target.remove(QLatin1Char(' '));
        target.remove(QLatin1Char('('));
        target.remove(QLatin1Char(')'));
    }
    QUrl url;
    url.setScheme(scheme);
    url.setPath(target);
    auto* link = new QLabel(row);
    link->setObjectName(QStringLiteral("contactLink"));
    link->setTextFormat(Qt::RichText); // a link; the server's text is escaped
    link->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                      .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                          clipped(method.value, MenuChars).toHtmlEscaped()));
    link->setOpenExternalLinks(true);
    link->setTextInteractionFlags(Qt::TextBrowserInteraction);
    link->setToolTip(
        plainToolTip(scheme == QLatin1String("tel") ? tr("Call %1").arg(method.value)
                                                    : tr("Write to %1").arg(method.value)));
    auto* copy = new QToolButton(row);
    copy->setObjectName(QStringLiteral("copyContact"));
    copy->setText(tr("Copy"));
    copy->setToolTip(plainToolTip(tr("Copy %1").arg(method.value)));
    copy->setAutoRaise(true);
    const QString value = method.value;
    connect(copy, &QToolButton::clicked, row, [value] {
        if (QClipboard* clipboard = QGuiApplication::clipboard())
            clipboard->setText(value);
    });
    link->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    layout->addWidget(kind);
    layout->addWidget(link);
    layout->addWidget(copy);
    return row;
}

void UserDetailPane::showPagingPolicy(const QString& username, const PersonalPagingPolicy& policy)
{
    if (username != m_user.username)
        return;
    m_policyModel->load(policy);
    m_policyShown = username;
    if (policy.steps.isEmpty()) {
        setPlainLabelText(m_policyNote, tr("No steps: they are not paged personally."));
        m_canvas->hide();
    } else {
        m_policyNote->setText(tr("Read-only: each person changes their own under Paging policy."));
        m_canvas->show();
    }
}

void UserDetailPane::showPagingPolicyLoading(const QString& username)
{
    if (username != m_user.username || m_policyShown == username)
        return;
    m_policyNote->setText(tr("Reading their paging policy…"));
}

void UserDetailPane::showPagingPolicyError(const QString& username, const QString& message)
{
    if (username != m_user.username)
        return;
    setPlainLabelText(m_policyNote, message, MessageChars);
}

void UserDetailPane::setWriteBlocked(const QString& reason)
{
    m_edit->setEnabled(reason.isEmpty());
    m_remove->setEnabled(reason.isEmpty());
    if (!reason.isEmpty()) {
        m_edit->setToolTip(plainToolTip(reason));
        m_remove->setToolTip(plainToolTip(reason));
    } else {
        m_edit->setToolTip(tr("Change their name or e-mail"));
        m_remove->setToolTip(tr("Remove them from the organisation"));
    }
}

} // namespace rota
