// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "personcard.h"

#include "oncallmodel.h"
#include "personavatar.h"
#include "persondetails.h"
#include "plaintext.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCursor>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QScreen>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace rota {

namespace {

constexpr int AvatarSize = 48;
constexpr int HideDelayMs = 300;

// A link whose text and target come from the server: both escaped, the target percent-encoded.
QString link(const QString& scheme, const QString& target, const QString& text)
{
    QUrl url;
    url.setScheme(scheme);
    url.setPath(target);
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(QString::fromUtf8(url.toEncoded()).toHtmlEscaped(), text.toHtmlEscaped());
}

// What a phone dials: the digits and a leading plus, without spaces, dashes or brackets.
QString dialable(const QString& number)
{
    QString digits;
    for (const QChar c : number) {
        if (c.isDigit() || (c == QLatin1Char('+') && digits.isEmpty()))
            digits.append(c);
    }
    return digits;
}

void setLinks(QLabel* label, const QStringList& links)
{
    label->setText(links.join(QStringLiteral("<br>")));
    label->setVisible(!links.isEmpty());
}

QLabel* plainLine(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    makePlainLabel(label);
    return label;
}

QLabel* linkLine(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setTextFormat(Qt::RichText);
    label->setOpenExternalLinks(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return label;
}

} // namespace

PersonCard::PersonCard(PersonDetails* people, QWidget* parent)
    : QFrame(parent, Qt::ToolTip | Qt::FramelessWindowHint)
    , m_people(people)
    , m_avatar(new QLabel(this))
    , m_name(plainLine(this, "nameLabel"))
    , m_login(plainLine(this, "usernameLabel"))
    , m_emails(linkLine(this, "emailLinks"))
    , m_phones(linkLine(this, "phoneLinks"))
    , m_teams(plainLine(this, "teamsLabel"))
    , m_onCall(plainLine(this, "onCallLabel"))
    , m_next(plainLine(this, "nextShiftLabel"))
    , m_status(plainLine(this, "statusLabel"))
{
    setObjectName(QStringLiteral("personCard"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setAttribute(Qt::WA_ShowWithoutActivating);
    setFixedWidth(340);
    m_avatar->setObjectName(QStringLiteral("avatarLabel"));
    m_avatar->setFixedSize(AvatarSize, AvatarSize);
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_name->setFont(bold);
    m_login->setForegroundRole(QPalette::PlaceholderText);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto* names = new QVBoxLayout;
    names->setSpacing(0);
    names->addWidget(m_name);
    names->addWidget(m_login);
    auto* header = new QHBoxLayout;
    header->addWidget(m_avatar, 0, Qt::AlignTop);
    header->addLayout(names, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    for (QLabel* line : { m_onCall, m_next, m_emails, m_phones, m_teams, m_status })
        layout->addWidget(line);

    connect(m_people, &PersonDetails::changed, this, [this](const QString& username) {
        if (username.compare(m_username, Qt::CaseInsensitive) == 0)
            refill();
    });
}

void PersonCard::setPerson(const QString& username)
{
    m_username = username;
    m_people->request(username);
    refill();
}

void PersonCard::refill()
{
    const PersonInfo info = m_people->info(m_username);
    const QString name = info.displayName.isEmpty() ? m_username : info.displayName;
    m_avatar->setPixmap(PersonAvatar::pixmap(m_username, name, AvatarSize, devicePixelRatioF()));
    setPlainLabelText(m_name, name, MessageChars);
    setPlainLabelText(m_login, m_username, MessageChars);

    QStringList emails;
    QStringList seen;
    const auto addEmail = [&](const QString& address, const QString& label) {
        if (address.isEmpty() || seen.contains(address, Qt::CaseInsensitive))
            return;
        seen << address;
        const QString text = label.isEmpty() ? address : tr("%1 (%2)").arg(address, label);
        emails << link(QStringLiteral("mailto"), address, text);
    };
    if (info.user)
        addEmail(info.user->email, QString());
    for (const ContactMethod& email : info.contacts.emails)
        addEmail(email.value, email.label);
    setLinks(m_emails, emails);

    QStringList phones;
    for (const ContactMethod& phone : info.contacts.phones) {
        const QString number = dialable(phone.value);
        if (number.isEmpty())
            continue;
        const QString text
            = phone.label.isEmpty() ? phone.value : tr("%1 (%2)").arg(phone.value, phone.label);
        phones << link(QStringLiteral("tel"), number, text);
    }
    setLinks(m_phones, phones);

    QStringList teams;
    for (const UserTeam& team : info.teams)
        teams << (team.name.isEmpty() ? team.slug : team.name);
    setPlainLabelText(m_teams,
        teams.isEmpty() ? QString() : tr("Teams: %1").arg(teams.join(QStringLiteral(", "))),
        MessageChars);
    m_teams->setVisible(!teams.isEmpty());

    setPlainLabelText(m_onCall, info.onCallText, MessageChars);
    m_onCall->setVisible(!info.onCallText.isEmpty());
    QString next;
    if (const auto shift = info.nextShift()) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString policy = shift->teamName.isEmpty()
            ? shift->policyName
            : tr("%1 (%2)").arg(shift->teamName, shift->policyName);
        next = tr("Next on call %1 – %2 for %3")
                   .arg(OnCallModel::shortTime(shift->start, now),
                       OnCallModel::shortTime(shift->end, now), policy);
    } else if (info.shiftsLoaded && !info.onCallNow) {
        next = tr("No shift in the next two weeks");
    }
    setPlainLabelText(m_next, next, MessageChars);
    m_next->setVisible(!next.isEmpty());

    QString status;
    if (!info.error.isEmpty())
        status = info.error;
    else if (m_people->isLoading(m_username))
        status = tr("Loading…");
    else if (!info.user && info.isComplete())
        status = tr("Not in the organisation's user list.");
    setPlainLabelText(m_status, status, MessageChars);
    m_status->setVisible(!status.isEmpty());
    adjustSize();
}

void PersonCard::popUp(const QPoint& globalPos)
{
    adjustSize();
    QPoint pos = globalPos;
    // Kept on the screen: flipped above or to the left where it would run off.
    if (const QScreen* screen = QGuiApplication::screenAt(globalPos)) {
        const QRect area = screen->availableGeometry();
        if (pos.x() + width() > area.right())
            pos.setX(std::max(area.left(), area.right() - width()));
        if (pos.y() + height() > area.bottom())
            pos.setY(std::max(area.top(), globalPos.y() - height() - 24));
    }
    move(pos);
    show();
    raise();
}

void PersonCard::leaveEvent(QEvent* event)
{
    QFrame::leaveEvent(event);
    hide();
}

void PersonCard::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        return;
    }
    QFrame::keyPressEvent(event);
}

// --- PersonHover ---------------------------------------------------------------------------------

PersonHover::PersonHover(QAbstractItemView* view, PersonDetails* people, UsernameOf usernameOf)
    : QObject(view)
    , m_view(view)
    , m_viewObject(view)
    , m_viewport(view->viewport())
    , m_people(people)
    , m_usernameOf(std::move(usernameOf))
    , m_action(new QAction(tr("Show person"), view))
    , m_hideTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("personHover"));
    m_action->setObjectName(QStringLiteral("showPersonAction"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_action->setToolTip(tr("Show who is in the current row (Ctrl+I)"));
    view->addAction(m_action);
    connect(m_action, &QAction::triggered, this, [this] {
        if (!showFor(m_view->currentIndex()))
            hideCard();
    });
    m_hideTimer->setSingleShot(true);
    m_hideTimer->setInterval(HideDelayMs);
    // The mouse may be on its way from the row to the card: only a card it did not reach goes.
    connect(m_hideTimer, &QTimer::timeout, this, [this] {
        if (m_card && !m_card->geometry().contains(QCursor::pos()))
            hideCard();
    });
    m_viewport->setMouseTracking(true);
    m_viewport->installEventFilter(this);
    view->installEventFilter(this);
}

PersonHover* PersonHover::install(
    QAbstractItemView* view, PersonDetails* people, UsernameOf usernameOf)
{
    if (PersonHover* existing = of(view)) {
        existing->m_usernameOf = std::move(usernameOf);
        return existing;
    }
    return new PersonHover(view, people, std::move(usernameOf));
}

PersonHover* PersonHover::of(const QAbstractItemView* view)
{
    return view
        ? view->findChild<PersonHover*>(QStringLiteral("personHover"), Qt::FindDirectChildrenOnly)
        : nullptr;
}

bool PersonHover::showFor(const QModelIndex& index)
{
    if (!index.isValid())
        return false;
    // The current cell of a table need not be the one naming the person (Ctrl+I on a row).
    QModelIndex person = index;
    for (int column = 0; m_usernameOf(person).isEmpty(); ++column) {
        if (column >= index.model()->columnCount(index.parent()))
            return false;
        person = index.siblingAtColumn(column);
    }
    const QRect cell = m_view->visualRect(person);
    return showAt(person, m_viewport->mapToGlobal(cell.bottomLeft() + QPoint(16, 2)));
}

bool PersonHover::showAt(const QModelIndex& index, const QPoint& globalPos)
{
    const QString username = index.isValid() ? m_usernameOf(index) : QString();
    if (username.isEmpty())
        return false;
    m_hideTimer->stop();
    if (!m_card) {
        // A window of its own (a tooltip window), parented to the view so it goes with it.
        m_card = new PersonCard(m_people, m_view);
    }
    if (m_card->isVisible() && m_card->person() == username)
        return true;
    m_card->setPerson(username);
    m_card->popUp(globalPos);
    return true;
}

void PersonHover::hideCard()
{
    m_hideTimer->stop();
    if (m_card)
        m_card->hide();
}

// Events of the view and its viewport. The view may be on its way out (its Hide and Leave come
// from QWidget's destructor), so what is watched is told apart by address alone.
bool PersonHover::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::ToolTip:
        if (watched == m_viewport) {
            const auto* help = static_cast<QHelpEvent*>(event);
            const QModelIndex index = m_view->indexAt(help->pos());
            if (showAt(index, help->globalPos() + QPoint(12, 16)))
                return true;
            hideCard();
        }
        break;
    case QEvent::MouseMove:
        // Onto a row of someone else, or of no one: the card no longer says who is there.
        if (watched == m_viewport && m_card && m_card->isVisible()) {
            const auto* move = static_cast<QMouseEvent*>(event);
            const QModelIndex index = m_view->indexAt(move->position().toPoint());
            if (!index.isValid() || m_usernameOf(index) != m_card->person())
                m_hideTimer->start();
        }
        break;
    case QEvent::Leave:
        if (watched == m_viewport && m_card && m_card->isVisible())
            m_hideTimer->start();
        break;
    case QEvent::KeyPress:
        if (watched == m_viewObject && m_card && m_card->isVisible()
            && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
            hideCard();
            return true;
        }
        break;
    case QEvent::Hide:
        if (watched == m_viewObject)
            hideCard();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace rota
