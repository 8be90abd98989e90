// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "policystepcanvas.h"

#include "look.h"
#include "plaintext.h"
#include "policystyle.h"

#include <QAccessibleWidget>
#include <QActionGroup>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDrag>
#include <QDragEnterEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QUndoStack>

#include <functional>
#include <memory>

namespace rota {

namespace {
constexpr int Margin = 12;
constexpr int CardGap = 16;
constexpr int HeaderHeight = 34;
using policystyle::ChipHeight;
constexpr int ChipGap = 8;
constexpr int CardPadding = 12;
constexpr int NewStepHeight = 44;

using Kind = PagingPolicyModel::Kind;

Kind kindOf(const QModelIndex& index)
{
    return index.data(PagingPolicyModel::KindRole).value<Kind>();
}
} // namespace

// --- Accessibility ------------------------------------------------------------------------------

namespace {
const QString MoveUpAction = QStringLiteral("MoveUp");
const QString MoveDownAction = QStringLiteral("MoveDown");
const QString MoveLeftAction = QStringLiteral("MoveLeft");
const QString MoveRightAction = QStringLiteral("MoveRight");
const QString MoveToPreviousStepAction = QStringLiteral("MoveToPreviousStep");
const QString MoveToNextStepAction = QStringLiteral("MoveToNextStep");
const QString RemoveAction = QStringLiteral("Remove");
const QString AddContactPrefix = QStringLiteral("AddContact:");
} // namespace

//! A step (its rules are its children) or a rule of the canvas.
class PolicyItemAccessible : public AccessibleItem {
public:
    PolicyItemAccessible(PolicyStepCanvas* canvas, const QModelIndex& index)
        : AccessibleItem(canvas)
        , m_canvas(canvas)
        , m_index(index)
    {
    }

    bool is(const QModelIndex& index) const { return m_index == index; }
    QModelIndex index() const { return m_index; }
    bool isStep() const { return kindOf(m_index) == Kind::Step; }

    bool isItemValid() const override { return m_canvas && m_index.isValid(); }
    QRect rectIn() const override { return m_canvas ? m_canvas->itemRect(m_index) : QRect(); }

    QAccessibleInterface* parent() const override
    {
        if (!isValid())
            return nullptr;
        if (isStep())
            return QAccessible::queryAccessibleInterface(m_canvas);
        return m_canvas->accessibleItem(m_index.parent());
    }
    int childCount() const override
    {
        return isValid() && isStep() ? m_canvas->m_model->rowCount(m_index) : 0;
    }
    QAccessibleInterface* child(int index) const override
    {
        if (index < 0 || index >= childCount())
            return nullptr;
        return m_canvas->accessibleItem(m_canvas->m_model->index(index, 0, m_index));
    }

    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        PagingPolicyModel* model = m_canvas->m_model;
        if (isStep()) {
            const int step = m_index.row();
            if (t == QAccessible::Name) {
                return PolicyStepCanvas::tr("Step %1 — %2")
                    .arg(QString::number(step + 1), m_canvas->afterStepText(step));
            }
            if (t == QAccessible::Description) {
                QStringList rules;
                for (int r = 0; r < model->rowCount(m_index); ++r)
                    rules.append(model->index(r, 0, m_index).data().toString());
                return rules.isEmpty()
                    ? PolicyStepCanvas::tr("Pages no one yet")
                    : PolicyStepCanvas::tr("Pages: %1").arg(rules.join(QStringLiteral(", ")));
            }
            return {};
        }
        if (t == QAccessible::Name)
            return m_index.data().toString();
        if (t == QAccessible::Description) {
            return PolicyStepCanvas::tr("Contact %1 of %2 in step %3")
                .arg(QString::number(m_index.row() + 1),
                    QString::number(model->rowCount(m_index.parent())),
                    QString::number(m_index.parent().row() + 1));
        }
        return {};
    }

    QAccessible::Role role() const override { return QAccessible::TreeItem; }

    bool isCurrent() const override { return m_canvas->currentIndex() == m_index; }

    QAccessible::State state() const override
    {
        QAccessible::State state = AccessibleItem::state();
        if (state.invalid)
            return state;
        if (isStep()) {
            state.expandable = true;
            state.expanded = true;
        }
        state.readOnly = m_canvas->isReadOnly();
        const QRect shown = m_canvas->visibleRegion().boundingRect();
        state.offscreen = !shown.intersects(rectIn());
        return state;
    }

    QStringList actionNames() const override
    {
        if (!isValid())
            return {};
        QStringList names { QAccessibleActionInterface::setFocusAction() };
        if (m_canvas->isReadOnly() || !m_canvas->isEnabled())
            return names;
        names.append(QAccessibleActionInterface::showMenuAction());
        PagingPolicyModel* model = m_canvas->m_model;
        if (isStep()) {
            const int step = m_index.row();
            if (step > 0)
                names.append(MoveUpAction);
            if (step + 1 < model->rowCount())
                names.append(MoveDownAction);
            names.append(RemoveAction);
            const QList<PagingRule>& palette = m_canvas->paletteRules();
            for (int i = 0; i < palette.size(); ++i) {
                if (model->findRule(step, palette.at(i)) < 0)
                    names.append(AddContactPrefix + QString::number(i));
            }
            return names;
        }
        const int step = m_index.parent().row();
        const int rule = m_index.row();
        if (rule > 0)
            names.append(MoveLeftAction);
        if (rule + 1 < model->rowCount(m_index.parent()))
            names.append(MoveRightAction);
        if (step > 0)
            names.append(MoveToPreviousStepAction);
        if (step + 1 < model->rowCount())
            names.append(MoveToNextStepAction);
        names.append(RemoveAction);
        return names;
    }

    QString localizedActionName(const QString& name) const override
    {
        if (name == MoveUpAction)
            return PolicyStepCanvas::tr("Move step up");
        if (name == MoveDownAction)
            return PolicyStepCanvas::tr("Move step down");
        if (name == MoveLeftAction)
            return PolicyStepCanvas::tr("Move left");
        if (name == MoveRightAction)
            return PolicyStepCanvas::tr("Move right");
        if (name == MoveToPreviousStepAction)
            return PolicyStepCanvas::tr("Move to the step before");
        if (name == MoveToNextStepAction)
            return PolicyStepCanvas::tr("Move to the step after");
        if (name == RemoveAction)
            return isStep() ? PolicyStepCanvas::tr("Remove step") : PolicyStepCanvas::tr("Remove");
        if (const PagingRule* rule = paletteRule(name))
            return PolicyStepCanvas::tr("Add %1").arg(m_canvas->m_model->ruleText(*rule));
        return QAccessibleActionInterface::localizedActionName(name);
    }

    QString localizedActionDescription(const QString& name) const override
    {
        if (name == MoveUpAction || name == MoveDownAction)
            return PolicyStepCanvas::tr("Moves the step one place, as dragging it does");
        if (name == MoveLeftAction || name == MoveRightAction)
            return PolicyStepCanvas::tr("Moves the contact one place within its step");
        if (name == MoveToPreviousStepAction || name == MoveToNextStepAction)
            return PolicyStepCanvas::tr("Moves the contact to the end of the neighbouring step");
        if (name == RemoveAction)
            return PolicyStepCanvas::tr("Removes it, as dropping it on the trash does");
        if (paletteRule(name))
            return PolicyStepCanvas::tr("Adds the contact at the end of this step");
        return QAccessibleActionInterface::localizedActionDescription(name);
    }

    QStringList keyBindingsForAction(const QString& name) const override
    {
        const auto keys = [](const QKeySequence& sequence) {
            return QStringList { sequence.toString(QKeySequence::NativeText) };
        };
        if (name == MoveUpAction || name == MoveToPreviousStepAction)
            return keys(QKeySequence(Qt::ALT | Qt::Key_Up));
        if (name == MoveDownAction || name == MoveToNextStepAction)
            return keys(QKeySequence(Qt::ALT | Qt::Key_Down));
        if (name == MoveLeftAction)
            return keys(QKeySequence(Qt::ALT | Qt::Key_Left));
        if (name == MoveRightAction)
            return keys(QKeySequence(Qt::ALT | Qt::Key_Right));
        if (name == RemoveAction)
            return keys(QKeySequence(Qt::Key_Delete));
        if (name == QAccessibleActionInterface::showMenuAction())
            return keys(QKeySequence(Qt::Key_Menu));
        return {};
    }

    void doAction(const QString& name) override
    {
        if (!isValid() || !actionNames().contains(name))
            return;
        if (name == QAccessibleActionInterface::setFocusAction()) {
            m_canvas->setCurrentIndex(m_index);
            m_canvas->setFocus(Qt::OtherFocusReason);
        } else if (name == QAccessibleActionInterface::showMenuAction()) {
            m_canvas->setCurrentIndex(m_index);
            m_canvas->showMenuFor(m_index);
        } else if (name == MoveUpAction || name == MoveToPreviousStepAction) {
            m_canvas->moveItem(m_index, Qt::Key_Up);
        } else if (name == MoveDownAction || name == MoveToNextStepAction) {
            m_canvas->moveItem(m_index, Qt::Key_Down);
        } else if (name == MoveLeftAction) {
            m_canvas->moveItem(m_index, Qt::Key_Left);
        } else if (name == MoveRightAction) {
            m_canvas->moveItem(m_index, Qt::Key_Right);
        } else if (name == RemoveAction) {
            m_canvas->removeItem(m_index);
        } else if (const PagingRule* rule = paletteRule(name)) {
            m_canvas->addContact(m_index.row(), *rule);
        }
    }

private:
    //! The palette entry an "AddContact:N" action names; nullptr for other names.
    const PagingRule* paletteRule(const QString& name) const
    {
        if (!m_canvas || !isStep() || !name.startsWith(AddContactPrefix))
            return nullptr;
        bool ok = false;
        const int entry = QStringView(name).mid(AddContactPrefix.size()).toInt(&ok);
        const QList<PagingRule>& palette = m_canvas->paletteRules();
        return ok && entry >= 0 && entry < palette.size() ? &palette.at(entry) : nullptr;
    }

    QPointer<PolicyStepCanvas> m_canvas;
    QPersistentModelIndex m_index;
};

//! The canvas: a tree of the steps (and their rules).
class PolicyCanvasAccessible : public QAccessibleWidget {
public:
    explicit PolicyCanvasAccessible(PolicyStepCanvas* canvas)
        : QAccessibleWidget(canvas, QAccessible::Tree)
    {
    }

    int childCount() const override { return canvas()->m_model->rowCount(); }
    QAccessibleInterface* child(int index) const override
    {
        if (index < 0 || index >= childCount())
            return nullptr;
        return canvas()->accessibleItem(canvas()->m_model->index(index, 0));
    }
    int indexOfChild(const QAccessibleInterface* child) const override
    {
        for (AccessibleItem* item : canvas()->m_accessible.items()) {
            if (item != child)
                continue;
            const QModelIndex index = static_cast<PolicyItemAccessible*>(item)->index();
            return index.isValid() && !index.parent().isValid() ? index.row() : -1;
        }
        return -1;
    }
    QAccessibleInterface* childAt(int x, int y) const override
    {
        QModelIndex index = canvas()->indexAt(canvas()->mapFromGlobal(QPoint(x, y)));
        if (index.isValid() && index.parent().isValid())
            index = index.parent(); // the step holds the chip: its own childAt() finds that
        return index.isValid() ? canvas()->accessibleItem(index) : nullptr;
    }
    QAccessibleInterface* focusChild() const override
    {
        const QModelIndex current = canvas()->currentIndex();
        if (!canvas()->hasFocus() || !current.isValid())
            return nullptr;
        return canvas()->accessibleItem(current);
    }

private:
    PolicyStepCanvas* canvas() const { return static_cast<PolicyStepCanvas*>(widget()); }
};

QAccessibleInterface* PolicyStepCanvas::accessibleItem(const QModelIndex& index)
{
    if (!index.isValid() || index.model() != m_model)
        return nullptr;
    return m_accessible.findOrAdd(
        [&index](const AccessibleItem* item) {
            return static_cast<const PolicyItemAccessible*>(item)->is(index);
        },
        [this, &index] { return new PolicyItemAccessible(this, index); });
}

QRect PolicyStepCanvas::itemRect(const QModelIndex& index) const
{
    if (!index.isValid())
        return {};
    return kindOf(index) == Kind::Step ? stepRect(index.row())
                                       : ruleRect(index.parent().row(), index.row());
}

void PolicyStepCanvas::connectAccessibility()
{
    // The steps and rules an assistive technology was handed follow the model: those that go
    // are said to go, new ones are said to come, and renumbered steps say their new names.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        [this](const QModelIndex& parent, int first, int last) {
            m_accessible.remove([&](const AccessibleItem* item) {
                QModelIndex index = static_cast<const PolicyItemAccessible*>(item)->index();
                // A rule goes with its step.
                if (!parent.isValid() && index.parent().isValid())
                    index = index.parent();
                return index.parent() == parent && index.row() >= first && index.row() <= last;
            });
        });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        m_accessible.removeInvalid();
        notifyAccessible(this, QAccessible::ObjectReorder);
        m_accessible.announceNameChanges();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex& parent, int first, int last) {
            if (!QAccessible::isActive())
                return;
            for (int row = first; row <= last; ++row)
                notifyAccessible(
                    accessibleItem(m_model->index(row, 0, parent)), QAccessible::ObjectCreated);
            m_accessible.announceNameChanges();
        });
    connect(m_model, &QAbstractItemModel::rowsMoved, this, [this] {
        notifyAccessible(this, QAccessible::ObjectReorder);
        m_accessible.announceNameChanges();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
        [this] { m_accessible.announceNameChanges(); });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
        [this] { m_accessible.remove([](const AccessibleItem*) { return true; }); });
    connect(m_model, &QAbstractItemModel::modelReset, this,
        [this] { notifyAccessible(this, QAccessible::ObjectReorder); });
}

PolicyStepCanvas::PolicyStepCanvas(PagingPolicyModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
{
    installAccessibleFactory<PolicyStepCanvas, PolicyCanvasAccessible>();
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Paging policy steps"));
    setAccessibleDescription(tr("Arrow keys choose a step or a contact, Alt+arrows move it, Delete "
                                "removes it, Insert adds a step, the Menu key offers the rest"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    const auto changed = [this] { relayout(); };
    connect(m_model, &QAbstractItemModel::modelReset, this, changed);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, changed);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, changed);
    connect(m_model, &QAbstractItemModel::dataChanged, this, changed);
    connectAccessibility();
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex& parent, int first) {
            // What was just added becomes current, so the keyboard continues from there; rows
            // that come from re-reading the server are not the user's doing.
            if (!m_model->isApplyingServerState())
                setCurrentIndex(m_model->index(first, 0, parent));
        });
}

void PolicyStepCanvas::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    setAcceptDrops(!readOnly);
    m_drop = DropSpot();
    m_pressed = QModelIndex();
    relayout();
}

void PolicyStepCanvas::relayout()
{
    const Layout layout = layoutFor(width());
    setMinimumHeight(layout.height);
    updateGeometry();
    update();
}

QSize PolicyStepCanvas::sizeHint() const { return { 520, layoutFor(520).height }; }

void PolicyStepCanvas::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

PolicyStepCanvas::Layout PolicyStepCanvas::layoutFor(int width) const
{
    Layout layout;
    const QFontMetrics metrics(font());
    const int cardWidth = std::max(200, width - 2 * Margin);
    int y = Margin;
    for (int s = 0; s < m_model->rowCount(); ++s) {
        const QModelIndex step = m_model->index(s, 0);
        Card card;
        // The title's place as paint() draws it: the badge, then "Step N" in bold.
        QFont bold = font();
        bold.setBold(true);
        const int titleLeft = Margin + 10 + 21 + 8;
        const int titleRight
            = titleLeft + QFontMetrics(bold).horizontalAdvance(tr("Step %1").arg(s + 1)) + 6;
        const QString wait = QStringLiteral("— ") + afterStepText(s);
        int headerHeight = HeaderHeight;
        if (titleRight + metrics.horizontalAdvance(wait) <= Margin + cardWidth - 16) {
            card.wait
                = QRect(titleRight, y + 4, Margin + cardWidth - 16 - titleRight, HeaderHeight - 4);
        } else {
            // Too narrow for both on one line: what follows goes under the title, whole, rather
            // than cut where it says the most.
            const QRect room(titleLeft, y + HeaderHeight - 4, Margin + cardWidth - 16 - titleLeft,
                10 * metrics.height());
            card.wait = metrics.boundingRect(room, Qt::TextWordWrap, wait);
            card.wait.setWidth(room.width());
            headerHeight = card.wait.bottom() + 6 - y;
        }
        card.header = QRect(Margin, y, cardWidth, headerHeight);
        int x = Margin + CardPadding;
        int rowTop = y + headerHeight;
        const int right = Margin + cardWidth - CardPadding;
        for (int r = 0; r < m_model->rowCount(step); ++r) {
            const QModelIndex rule = m_model->index(r, 0, step);
            const int w = std::min(right - (Margin + CardPadding),
                policystyle::chipWidth(metrics,
                    rule.data(PagingPolicyModel::NotificationLabelRole).toString(),
                    rule.data(PagingPolicyModel::ContactLabelRole).toString()));
            if (x + w > right && x > Margin + CardPadding) {
                x = Margin + CardPadding;
                rowTop += ChipHeight + ChipGap;
            }
            card.chips.append(QRect(x, rowTop, w, ChipHeight));
            x += w + ChipGap;
        }
        card.chipArea = QRect(Margin + CardPadding, y + headerHeight, cardWidth - 2 * CardPadding,
            rowTop + ChipHeight - (y + headerHeight));
        card.card = QRect(Margin, y, cardWidth, card.chipArea.bottom() + CardPadding - y);
        layout.cards.append(card);
        y = card.card.bottom() + CardGap;
    }
    // Read-only: no zone to add a step; the last card ends the canvas.
    layout.newStep = m_readOnly ? QRect() : QRect(Margin, y, cardWidth, NewStepHeight);
    layout.height = m_readOnly ? y - CardGap + Margin : layout.newStep.bottom() + Margin;
    return layout;
}

QRect PolicyStepCanvas::stepRect(int step) const
{
    const Layout layout = layoutFor(width());
    return step >= 0 && step < layout.cards.size() ? layout.cards.at(step).card : QRect();
}

QRect PolicyStepCanvas::ruleRect(int step, int rule) const
{
    const Layout layout = layoutFor(width());
    if (step < 0 || step >= layout.cards.size() || rule < 0
        || rule >= layout.cards.at(step).chips.size())
        return {};
    return layout.cards.at(step).chips.at(rule);
}

QString PolicyStepCanvas::afterStepText(int step) const
{
    const int timeout = m_model->index(step, 0).data(PagingPolicyModel::TimeoutRole).toInt();
    return policystyle::afterStepText(timeout, step + 1 < m_model->rowCount() ? step + 2 : 0);
}

QRect PolicyStepCanvas::newStepRect() const { return layoutFor(width()).newStep; }

QModelIndex PolicyStepCanvas::indexAt(const QPoint& pos) const
{
    const Layout layout = layoutFor(width());
    for (int s = 0; s < layout.cards.size(); ++s) {
        const Card& card = layout.cards.at(s);
        if (!card.card.contains(pos))
            continue;
        const QModelIndex step = m_model->index(s, 0);
        for (int r = 0; r < card.chips.size(); ++r) {
            if (card.chips.at(r).contains(pos))
                return m_model->index(r, 0, step);
        }
        return step;
    }
    return {};
}

void PolicyStepCanvas::setCurrentIndex(const QModelIndex& index)
{
    if (index == m_current)
        return;
    m_current = index;
    update();
    if (hasFocus() && QAccessible::isActive())
        notifyAccessible(accessibleItem(index), QAccessible::Focus);
    Q_EMIT currentChanged(index);
}

int PolicyStepCanvas::currentStep() const
{
    if (!m_current.isValid())
        return -1;
    return kindOf(m_current) == Kind::Step ? m_current.row() : m_current.parent().row();
}

// --- Painting -----------------------------------------------------------------------------------

void PolicyStepCanvas::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const Layout layout = layoutFor(width());
    const QPalette pal = palette();
    const QColor accent = pal.color(QPalette::Highlight);
    const QFontMetrics metrics(font());

    if (layout.cards.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QRect(Margin, Margin, width() - 2 * Margin, 40), Qt::AlignCenter,
            tr("No steps: nobody is paged. Drag a contact below to make the first step."));
    }
    for (int s = 0; s < layout.cards.size(); ++s) {
        const Card& card = layout.cards.at(s);
        const QModelIndex step = m_model->index(s, 0);
        const bool current = m_current == step;
        const bool dropTarget = m_drop.valid && m_drop.parent.isValid() && m_drop.parent.row() == s;
        painter.setPen(QPen(current ? accent : pal.color(QPalette::Mid), current ? 2 : 1));
        painter.setBrush(pal.color(QPalette::Base));
        painter.drawRoundedRect(QRectF(card.card).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
        if (dropTarget) {
            QColor tint = accent;
            tint.setAlpha(22);
            painter.setPen(Qt::NoPen);
            painter.setBrush(tint);
            painter.drawRoundedRect(QRectF(card.card).adjusted(1, 1, -1, -1), 8, 8);
        }
        // Header: a number badge, "Step N", "then wait X minutes".
        const QRect badge(card.header.left() + 10, card.header.top() + 8, 22, 22);
        painter.setPen(Qt::NoPen);
        painter.setBrush(accent);
        painter.drawEllipse(badge);
        painter.setPen(pal.color(QPalette::HighlightedText));
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.drawText(badge, Qt::AlignCenter, QString::number(s + 1));
        painter.setPen(pal.color(QPalette::Text));
        const QString title = tr("Step %1").arg(s + 1);
        const QRect titleRect(badge.right() + 8, card.header.top() + 4, 200, HeaderHeight - 4);
        painter.drawText(titleRect, Qt::AlignVCenter | Qt::AlignLeft, title);
        painter.setFont(font());
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(card.wait, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap,
            QStringLiteral("— ") + afterStepText(s));
        if (card.chips.isEmpty()) {
            painter.setPen(QPen(pal.color(QPalette::PlaceholderText), 1, Qt::DashLine));
            painter.setBrush(Qt::NoBrush);
            const QRect empty(
                card.chipArea.left(), card.chipArea.top(), card.chipArea.width(), ChipHeight);
            painter.drawRoundedRect(QRectF(empty).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(empty, Qt::AlignCenter,
                tr("No rules: this step notifies no one. Drop a contact here."));
        }
        for (int r = 0; r < card.chips.size(); ++r) {
            const QModelIndex rule = m_model->index(r, 0, step);
            policystyle::paintChip(painter, pal, card.chips.at(r),
                rule.data(PagingPolicyModel::NotificationTypeRole).toString(),
                rule.data(PagingPolicyModel::NotificationLabelRole).toString(),
                rule.data(PagingPolicyModel::ContactLabelRole).toString(), m_current == rule);
        }
        // The arrow to the next step.
        if (s + 1 < layout.cards.size()) {
            const int x = card.card.left() + 21;
            painter.setPen(QPen(pal.color(QPalette::Mid), 2));
            painter.drawLine(x, card.card.bottom() + 2, x, card.card.bottom() + CardGap - 2);
        }
    }
    // The "new step" zone.
    if (m_readOnly)
        return;
    const bool newStepTarget = m_drop.valid && !m_drop.parent.isValid()
        && m_drop.row == m_model->rowCount() && m_drop.marker.isEmpty();
    painter.setPen(
        QPen(newStepTarget ? accent : pal.color(QPalette::PlaceholderText), 1, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(QRectF(layout.newStep).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    painter.setPen(pal.color(QPalette::PlaceholderText));
    // Narrow: the words wrap inside the zone rather than run out of it.
    painter.drawText(layout.newStep.adjusted(8, 0, -8, 0), Qt::AlignCenter | Qt::TextWordWrap,
        tr("+ Drop a contact here for a new step (or press Insert)"));

    // A refused place: a red marker and, beside it, why.
    if (!m_drop.valid && !m_drop.refusal.isEmpty() && !m_drop.marker.isEmpty()) {
        const QColor red = look::toneColor(look::Tone::Error, pal);
        painter.setPen(Qt::NoPen);
        painter.setBrush(red);
        painter.drawRoundedRect(QRectF(m_drop.marker), 2, 2);
        const int step
            = m_drop.parent.parent().isValid() ? m_drop.parent.parent().row() : m_drop.parent.row();
        // The chip the drop would repeat, ringed.
        const QRect existing = ruleRect(step, m_drop.duplicate);
        if (existing.isValid()) {
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(red, 2, Qt::DashLine));
            painter.drawRoundedRect(QRectF(existing).adjusted(-3, -3, 3, 3),
                existing.height() / 2.0 + 3, existing.height() / 2.0 + 3);
            painter.setPen(Qt::NoPen);
        }
        const QString text = tr("✕ Already in step %1").arg(step + 1);
        QFont bold = font();
        bold.setBold(true);
        const QFontMetrics boldMetrics(bold);
        QRect bubble(0, 0, boldMetrics.horizontalAdvance(text) + 16, boldMetrics.height() + 8);
        bubble.moveBottomLeft(QPoint(m_drop.marker.left() + 6, m_drop.marker.top() - 2));
        if (bubble.right() > width() - 2)
            bubble.moveRight(width() - 2);
        if (bubble.left() < 2)
            bubble.moveLeft(2);
        if (bubble.top() < 2)
            bubble.moveTop(m_drop.marker.bottom() + 2);
        painter.setBrush(look::toneBackground(look::Tone::Error, pal));
        painter.setPen(QPen(red, 1));
        painter.drawRoundedRect(QRectF(bubble).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        painter.setFont(bold);
        painter.drawText(bubble, Qt::AlignCenter, text);
        painter.setFont(font());
    }
    // The insertion marker: where the drop lands.
    if (m_drop.valid && !m_drop.marker.isEmpty()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(accent);
        painter.drawRoundedRect(QRectF(m_drop.marker), 2, 2);
        const bool vertical = m_drop.marker.height() > m_drop.marker.width();
        const QPointF a = vertical
            ? QPointF(m_drop.marker.center().x() + 0.5, m_drop.marker.top())
            : QPointF(m_drop.marker.left(), m_drop.marker.center().y() + 0.5);
        const QPointF b = vertical
            ? QPointF(m_drop.marker.center().x() + 0.5, m_drop.marker.bottom())
            : QPointF(m_drop.marker.right(), m_drop.marker.center().y() + 0.5);
        painter.drawEllipse(a, 4.5, 4.5);
        painter.drawEllipse(b, 4.5, 4.5);
    }
    // A ghost of the dragged item, for the staged picture (a real drag shows its own pixmap).
    if (!m_ghostText.isEmpty()) {
        const QStringList parts = m_ghostText.split(QLatin1Char('\n'));
        const QString type = parts.value(0);
        const QString kind = parts.value(1);
        const QString contact = parts.value(2);
        const int w = policystyle::chipWidth(metrics, kind, contact);
        painter.setOpacity(0.85);
        // Below the pointer, as the drag's picture hangs from it, so the marker stays visible.
        const QRect ghost(m_ghostPos + QPoint(-24, 14), QSize(w, ChipHeight));
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0, 0, 0, 40));
        painter.drawRoundedRect(QRectF(ghost).translated(2, 3), ChipHeight / 2.0, ChipHeight / 2.0);
        painter.setBrush(pal.color(QPalette::Base));
        painter.drawRoundedRect(QRectF(ghost), ChipHeight / 2.0, ChipHeight / 2.0);
        policystyle::paintChip(painter, pal, ghost, type, kind, contact, true);
        painter.setOpacity(1);
        // The pointer itself, as the desktop draws it during a drag.
        const QPointF tip = m_ghostPos;
        const QPolygonF arrow { tip, tip + QPointF(0, 17), tip + QPointF(4.5, 13),
            tip + QPointF(8, 20), tip + QPointF(10.5, 19), tip + QPointF(7, 12),
            tip + QPointF(12.5, 12) };
        painter.setPen(QPen(Qt::black, 1));
        painter.setBrush(Qt::white);
        painter.drawPolygon(arrow);
    }
}

// --- Drops --------------------------------------------------------------------------------------

PolicyStepCanvas::DropSpot PolicyStepCanvas::dropSpotAt(
    const QMimeData* data, const QPoint& pos) const
{
    DropSpot spot;
    if (m_readOnly)
        return spot;
    const PagingPolicyModel::DragItem item = m_model->dragItem(data);
    if (item.type == PagingPolicyModel::DragItem::None)
        return spot;
    const Layout layout = layoutFor(width());
    const int count = static_cast<int>(layout.cards.size());

    // Between cards: a new place for a step, or a new step for a contact.
    const auto gapSpot = [&](int row) {
        DropSpot gap;
        gap.parent = QModelIndex();
        gap.row = row;
        int y = 0;
        if (row < count)
            y = layout.cards.at(row).card.top() - CardGap / 2;
        else
            y = count > 0 ? layout.cards.last().card.bottom() + CardGap / 2 : Margin / 2;
        gap.marker = QRect(Margin, y - 2, width() - 2 * Margin, 4);
        gap.valid = m_model->canDropMimeData(data, Qt::MoveAction, gap.row, 0, gap.parent);
        return gap;
    };
    if (item.type == PagingPolicyModel::DragItem::Step) {
        int row = count;
        for (int s = 0; s < count; ++s) {
            if (pos.y() < layout.cards.at(s).card.center().y()) {
                row = s;
                break;
            }
        }
        // Dropping a step next to itself changes nothing: no marker.
        if (row == item.step || row == item.step + 1)
            return spot;
        return gapSpot(row);
    }
    for (int s = 0; s < count; ++s) {
        const Card& card = layout.cards.at(s);
        if (!card.card.adjusted(0, -CardGap / 2, 0, CardGap / 2).contains(pos))
            continue;
        if (item.type == PagingPolicyModel::DragItem::Contact
            && (pos.y() < card.card.top() + 4 || pos.y() > card.card.bottom() - 4))
            break; // in the gap: a new step
        spot.parent = m_model->index(s, 0);
        // The first chip whose middle is after the pointer (in reading order) is the place.
        int row = static_cast<int>(card.chips.size());
        for (int r = 0; r < card.chips.size(); ++r) {
            const QRect chip = card.chips.at(r);
            const bool sameLine
                = pos.y() >= chip.top() - ChipGap / 2 && pos.y() <= chip.bottom() + ChipGap / 2;
            if ((sameLine && pos.x() < chip.center().x()) || pos.y() < chip.top() - ChipGap / 2) {
                row = r;
                break;
            }
        }
        spot.row = row;
        if (item.type == PagingPolicyModel::DragItem::Rule && item.step == s
            && (row == item.rule || row == item.rule + 1))
            return DropSpot(); // where it already is
        if (card.chips.isEmpty()) {
            spot.marker = QRect(card.chipArea.left(), card.chipArea.top(), 4, ChipHeight);
        } else if (row < card.chips.size()) {
            const QRect chip = card.chips.at(row);
            spot.marker = QRect(chip.left() - ChipGap / 2 - 2, chip.top() - 2, 4, ChipHeight + 4);
        } else {
            const QRect chip = card.chips.last();
            spot.marker = QRect(chip.right() + ChipGap / 2 - 1, chip.top() - 2, 4, ChipHeight + 4);
        }
        spot.valid = m_model->canDropMimeData(data, Qt::MoveAction, spot.row, 0, spot.parent);
        if (!spot.valid) {
            spot.refusal = m_model->dropRefusal(data, spot.row, spot.parent);
            if (!spot.refusal.isEmpty()) {
                const PagingRule dragged = item.type == PagingPolicyModel::DragItem::Contact
                    ? item.contact
                    : m_model->steps().at(item.step).rules.at(item.rule);
                spot.duplicate = m_model->findRule(s, dragged);
            }
        }
        return spot;
    }
    if (item.type != PagingPolicyModel::DragItem::Contact)
        return spot;
    if (layout.newStep.contains(pos)) {
        DropSpot zone;
        zone.row = count;
        zone.valid = m_model->canDropMimeData(data, Qt::CopyAction, count, 0, {});
        return zone; // the zone lights up; no marker line
    }
    for (int s = 0; s <= count; ++s) {
        const int top = s < count ? layout.cards.at(s).card.top() : layout.newStep.top();
        if (pos.y() <= top)
            return gapSpot(s);
    }
    return spot;
}

void PolicyStepCanvas::dragEnterEvent(QDragEnterEvent* event)
{
    if (m_readOnly
        || m_model->dragItem(event->mimeData()).type == PagingPolicyModel::DragItem::None) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
}

void PolicyStepCanvas::dragMoveEvent(QDragMoveEvent* event)
{
    if (m_readOnly) {
        event->ignore();
        return;
    }
    const QString before = m_drop.refusal;
    m_drop = dropSpotAt(event->mimeData(), event->position().toPoint());
    if (m_drop.valid)
        event->acceptProposedAction();
    else
        event->ignore(); // the drag shows that it cannot drop here
    if (m_drop.refusal != before)
        Q_EMIT dropRefused(m_drop.refusal);
    update();
}

void PolicyStepCanvas::dragLeaveEvent(QDragLeaveEvent* event)
{
    Q_UNUSED(event)
    m_drop = DropSpot();
    update();
}

void PolicyStepCanvas::dropEvent(QDropEvent* event)
{
    if (m_readOnly) {
        event->ignore();
        return;
    }
    const DropSpot spot = dropSpotAt(event->mimeData(), event->position().toPoint());
    m_drop = DropSpot();
    update();
    const Qt::DropAction action = event->proposedAction();
    if (!spot.refusal.isEmpty())
        Q_EMIT dropRefused(spot.refusal);
    if (!spot.valid
        || !m_model->dropMimeData(event->mimeData(), action, spot.row, 0, spot.parent)) {
        event->ignore();
        return;
    }
    event->setDropAction(action);
    event->accept();
    setFocus(Qt::MouseFocusReason);
}

void PolicyStepCanvas::showDragPreview(const QMimeData* data, const QPoint& pos)
{
    m_ghostText.clear();
    m_drop = DropSpot();
    if (data) {
        m_drop = dropSpotAt(data, pos);
        m_ghostPos = pos;
        const PagingPolicyModel::DragItem item = m_model->dragItem(data);
        PagingRule rule = item.contact;
        if (item.type == PagingPolicyModel::DragItem::Rule)
            rule = m_model->steps().at(item.step).rules.at(item.rule);
        if (item.type != PagingPolicyModel::DragItem::None
            && item.type != PagingPolicyModel::DragItem::Step) {
            m_ghostText = rule.notificationType + QLatin1Char('\n')
                + PagingPolicyModel::notificationLabel(rule.notificationType) + QLatin1Char('\n')
                + m_model->contactLabel(rule);
        }
    }
    update();
}

// --- Mouse --------------------------------------------------------------------------------------

void PolicyStepCanvas::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    const QModelIndex index = indexAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && !m_readOnly) {
        m_pressPos = event->position().toPoint();
        m_pressed = index;
        if (!index.isValid() && newStepRect().contains(m_pressPos)) {
            m_model->addStep(-1);
            m_pressed = QModelIndex();
            return;
        }
    }
    if (index.isValid())
        setCurrentIndex(index);
}

void PolicyStepCanvas::mouseMoveEvent(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton) || !m_pressed.isValid())
        return;
    if ((event->position().toPoint() - m_pressPos).manhattanLength()
        < QApplication::startDragDistance())
        return;
    const QModelIndex index = m_pressed;
    m_pressed = QModelIndex();
    startDrag(index);
}

void PolicyStepCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    Q_UNUSED(event)
    m_pressed = QModelIndex();
}

void PolicyStepCanvas::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (m_readOnly)
        return;
    const QModelIndex index = indexAt(event->position().toPoint());
    if (index.isValid())
        showMenuAt(index, event->globalPosition().toPoint());
}

void PolicyStepCanvas::startDrag(const QModelIndex& index)
{
    QMimeData* data = m_model->mimeData({ index });
    if (!data)
        return;
    auto* drag = new QDrag(this);
    drag->setMimeData(data);
    // A picture of what moves: the chip, or the step's card.
    const QRect area = kindOf(index) == Kind::Step ? stepRect(index.row()).intersected(rect())
                                                   : ruleRect(index.parent().row(), index.row());
    if (!area.isEmpty()) {
        QPixmap pixmap(area.size() * devicePixelRatioF());
        pixmap.setDevicePixelRatio(devicePixelRatioF());
        pixmap.fill(Qt::transparent);
        render(&pixmap, QPoint(), QRegion(area), RenderFlags(DrawChildren));
        drag->setPixmap(pixmap);
        drag->setHotSpot(m_pressPos - area.topLeft());
    }
    drag->exec(Qt::MoveAction, Qt::MoveAction);
    m_drop = DropSpot();
    update();
}

// --- Keyboard -----------------------------------------------------------------------------------

void PolicyStepCanvas::focusInEvent(QFocusEvent* event)
{
    QWidget::focusInEvent(event);
    if (!m_current.isValid() && m_model->rowCount() > 0)
        setCurrentIndex(m_model->index(0, 0));
    else if (QAccessible::isActive())
        notifyAccessible(accessibleItem(m_current), QAccessible::Focus);
    update();
}

void PolicyStepCanvas::focusOutEvent(QFocusEvent* event)
{
    QWidget::focusOutEvent(event);
    update();
}

void PolicyStepCanvas::moveCurrent(int key)
{
    const int steps = m_model->rowCount();
    if (steps == 0)
        return;
    if (!m_current.isValid()) {
        setCurrentIndex(m_model->index(0, 0));
        return;
    }
    const bool onStep = kindOf(m_current) == Kind::Step;
    const int step = currentStep();
    const QModelIndex stepIndex = m_model->index(step, 0);
    switch (key) {
    case Qt::Key_Up:
        setCurrentIndex(onStep ? m_model->index(std::max(0, step - 1), 0) : stepIndex);
        break;
    case Qt::Key_Down:
        setCurrentIndex(m_model->index(std::min(steps - 1, step + 1), 0));
        break;
    case Qt::Key_Right:
        if (onStep) {
            if (m_model->rowCount(stepIndex) > 0)
                setCurrentIndex(m_model->index(0, 0, stepIndex));
        } else if (m_current.row() + 1 < m_model->rowCount(stepIndex)) {
            setCurrentIndex(m_model->index(m_current.row() + 1, 0, stepIndex));
        }
        break;
    case Qt::Key_Left:
        if (!onStep) {
            setCurrentIndex(m_current.row() == 0
                    ? stepIndex
                    : m_model->index(m_current.row() - 1, 0, stepIndex));
        }
        break;
    default:
        break;
    }
}

void PolicyStepCanvas::moveCurrentItem(int key) { moveItem(m_current, key); }

bool PolicyStepCanvas::moveItem(const QModelIndex& index, int key)
{
    if (m_readOnly || !index.isValid() || index.model() != m_model)
        return false;
    // Where a drag would drop it: (row, parent) as the model's drop takes them, the row counted
    // before the move.
    int row = -1;
    QModelIndex parent;
    if (kindOf(index) == Kind::Step) {
        const int step = index.row();
        if (key == Qt::Key_Up && step > 0)
            row = step - 1;
        else if (key == Qt::Key_Down && step + 1 < m_model->rowCount())
            row = step + 2;
        else
            return false;
    } else {
        const int step = index.parent().row();
        const int rule = index.row();
        const int rules = m_model->rowCount(index.parent());
        if (key == Qt::Key_Left && rule > 0) {
            parent = index.parent();
            row = rule - 1;
        } else if (key == Qt::Key_Right && rule + 1 < rules) {
            parent = index.parent();
            row = rule + 2;
        } else if (key == Qt::Key_Up && step > 0) {
            parent = m_model->index(step - 1, 0); // at its end
        } else if (key == Qt::Key_Down && step + 1 < m_model->rowCount()) {
            parent = m_model->index(step + 1, 0);
        } else {
            return false;
        }
    }
    const std::unique_ptr<QMimeData> data(m_model->mimeData({ index }));
    return data && m_model->dropMimeData(data.get(), Qt::MoveAction, row, 0, parent);
}

bool PolicyStepCanvas::addContact(int step, const PagingRule& rule)
{
    if (m_readOnly || step < 0 || step >= m_model->rowCount())
        return false;
    const std::unique_ptr<QMimeData> data(PagingPolicyModel::contactMimeData(rule));
    return m_model->dropMimeData(data.get(), Qt::CopyAction, -1, 0, m_model->index(step, 0));
}

void PolicyStepCanvas::removeCurrent() { removeItem(m_current); }

bool PolicyStepCanvas::removeItem(const QModelIndex& index)
{
    if (m_readOnly || !index.isValid() || index.model() != m_model)
        return false;
    const QModelIndex parent = index.parent();
    const int row = index.row();
    // The current item goes with it (a rule with its step): the current one stays close to where
    // the removed item was.
    const bool wasCurrent
        = m_current == index || (m_current.parent() == index && !parent.isValid());
    const bool removed
        = parent.isValid() ? m_model->removeRule(parent.row(), row) : m_model->removeStep(row);
    if (!removed || !wasCurrent)
        return removed;
    const int left = m_model->rowCount(parent);
    if (left > 0)
        setCurrentIndex(m_model->index(std::min(row, left - 1), 0, parent));
    else
        setCurrentIndex(parent);
    return true;
}

void PolicyStepCanvas::keyPressEvent(QKeyEvent* event)
{
    const int key = event->key();
    const bool alt = event->modifiers() & Qt::AltModifier;
    if (m_readOnly
        && (alt
            || (key != Qt::Key_Up && key != Qt::Key_Down && key != Qt::Key_Left
                && key != Qt::Key_Right))) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (key) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Left:
    case Qt::Key_Right:
        if (alt)
            moveCurrentItem(key);
        else
            moveCurrent(key);
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        removeCurrent();
        return;
    case Qt::Key_Insert:
        m_model->addStep(currentStep() < 0 ? -1 : currentStep() + 1);
        return;
    case Qt::Key_Menu:
        showMenuFor(m_current);
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void PolicyStepCanvas::contextMenuEvent(QContextMenuEvent* event)
{
    if (m_readOnly) {
        event->ignore();
        return;
    }
    QModelIndex index = m_current;
    if (event->reason() == QContextMenuEvent::Mouse) {
        index = indexAt(event->pos());
        if (index.isValid())
            setCurrentIndex(index);
    }
    showMenuAt(index, event->globalPos());
}

void PolicyStepCanvas::showMenuFor(const QModelIndex& index)
{
    showMenuAt(index,
        mapToGlobal(index.isValid() ? (kindOf(index) == Kind::Step
                            ? stepRect(index.row()).topLeft() + QPoint(40, 24)
                            : ruleRect(index.parent().row(), index.row()).bottomLeft())
                                    : QPoint(20, 20)));
}

void PolicyStepCanvas::showMenuAt(const QModelIndex& index, const QPoint& globalPos)
{
    QMenu* menu = menuFor(index, this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

QMenu* PolicyStepCanvas::menuFor(const QModelIndex& index, QWidget* parent)
{
    auto* menu = new QMenu(parent);
    QPointer<PagingPolicyModel> model = m_model;
    const int steps = m_model->rowCount();
    // `inStep`/`except`: entries the step already has (but the rule at `except`) are shown
    // disabled, with why.
    const auto addContactMenu = [&](QMenu* into, const std::function<void(const PagingRule&)>& pick,
                                    int inStep = -1, int except = -1) {
        if (m_palette.isEmpty())
            into->addAction(tr("(no contact methods)"))->setEnabled(false);
        for (const PagingRule& rule : std::as_const(m_palette)) {
            const bool present = m_model->findRule(inStep, rule, except) >= 0;
            // The contact's label is the server's: cut, and its '&' not a shortcut letter.
            const QString text = menuText(m_model->ruleText(rule));
            QAction* action
                = into->addAction(present ? tr("%1 (already in this step)").arg(text) : text, this,
                    [pick, rule] { pick(rule); });
            action->setEnabled(!present);
        }
    };
    if (!index.isValid()) {
        menu->addAction(tr("Add step"), this, [model] {
            if (model)
                model->addStep(-1);
        });
        addContactMenu(menu->addMenu(tr("New step with contact")), [model](const PagingRule& rule) {
            if (model)
                model->addStep(-1, PolicyStep { 5, { rule } });
        });
        return menu;
    }
    if (kindOf(index) == Kind::Step) {
        const int step = index.row();
        addContactMenu(
            menu->addMenu(tr("Add contact…")),
            [model, step](const PagingRule& rule) {
                if (model)
                    model->addRule(step, -1, rule);
            },
            step);
        const bool last = step + 1 == m_model->rowCount();
        QMenu* wait = menu->addMenu(last ? tr("Repeat every") : tr("Then wait"));
        auto* group = new QActionGroup(wait);
        const int timeout = index.data(PagingPolicyModel::TimeoutRole).toInt();
        for (int minutes : std::as_const(m_timeouts)) {
            QAction* action = wait->addAction(
                PagingPolicyModel::minutesText(minutes), this, [model, step, minutes] {
                    if (model)
                        model->setTimeout(step, minutes);
                });
            action->setCheckable(true);
            action->setChecked(minutes == timeout);
            group->addAction(action);
        }
        menu->addSeparator();
        QAction* up = menu->addAction(tr("Move step up"), this, [model, step] {
            if (model)
                model->moveStep(step, step - 1);
        });
        up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
        up->setEnabled(step > 0);
        QAction* down = menu->addAction(tr("Move step down"), this, [model, step] {
            if (model)
                model->moveStep(step, step + 1);
        });
        down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
        down->setEnabled(step + 1 < steps);
        QMenu* place = menu->addMenu(tr("Move to place"));
        for (int s = 0; s < steps; ++s) {
            if (s == step)
                continue;
            place->addAction(tr("Step %1").arg(s + 1), this, [model, step, s] {
                if (model)
                    model->moveStep(step, s);
            });
        }
        place->setEnabled(steps > 1);
        menu->addAction(tr("Add step below"), this,
                [model, step] {
                    if (model)
                        model->addStep(step + 1);
                })
            ->setShortcut(QKeySequence(Qt::Key_Insert));
        menu->addSeparator();
        menu->addAction(tr("Remove step %1").arg(step + 1), this,
                [model, step] {
                    if (model)
                        model->removeStep(step);
                })
            ->setShortcut(QKeySequence(Qt::Key_Delete));
        return menu;
    }
    const int step = index.parent().row();
    const int rule = index.row();
    const int rules = m_model->rowCount(index.parent());
    QMenu* moveTo = menu->addMenu(tr("Move to step"));
    for (int s = 0; s < steps; ++s) {
        if (s == step)
            continue;
        moveTo->addAction(tr("Step %1").arg(s + 1), this, [model, step, rule, s] {
            if (model)
                model->moveRule(step, rule, s, -1);
        });
    }
    moveTo->setEnabled(steps > 1);
    QAction* left = menu->addAction(tr("Move left"), this, [model, step, rule] {
        if (model)
            model->moveRule(step, rule, step, rule - 1);
    });
    left->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    left->setEnabled(rule > 0);
    QAction* right = menu->addAction(tr("Move right"), this, [model, step, rule] {
        if (model)
            model->moveRule(step, rule, step, rule + 1);
    });
    right->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    right->setEnabled(rule + 1 < rules);
    addContactMenu(
        menu->addMenu(tr("Change to")),
        [model, step, rule](const PagingRule& to) {
            if (model)
                model->changeRule(step, rule, to);
        },
        step, rule);
    menu->addSeparator();
    menu->addAction(tr("Remove"), this,
            [model, step, rule] {
                if (model)
                    model->removeRule(step, rule);
            })
        ->setShortcut(QKeySequence(Qt::Key_Delete));
    return menu;
}

} // namespace rota
