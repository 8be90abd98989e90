// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "plaintext.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QHelpEvent>
#include <QLabel>
#include <QTextDocument>
#include <QToolTip>

namespace rota {

namespace {

constexpr QChar Ellipsis(0x2026);
constexpr QChar ZeroWidthSpace(0x200B);
// Inside a word longer than WrapChars, a place to wrap after every this many characters: the
// label then wraps it at its own width (lines a few characters ragged), not at a fixed one.
constexpr int BreakEvery = 10;

// Shows the model's tooltip of the cell under the pointer through plainToolTip; everything else
// goes on to the view as before.
class PlainToolTipFilter : public QObject {
public:
    explicit PlainToolTipFilter(QAbstractItemView* view)
        : QObject(view)
        , m_view(view)
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::ToolTip || watched != m_view->viewport())
            return QObject::eventFilter(watched, event);
        const auto* help = static_cast<QHelpEvent*>(event);
        const QModelIndex index = m_view->indexAt(help->pos());
        const QString text
            = index.isValid() ? plainToolTip(index.data(Qt::ToolTipRole).toString()) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(
                help->globalPos(), text, m_view->viewport(), m_view->visualRect(index));
        return true;
    }

private:
    QAbstractItemView* m_view;
};

} // namespace

QString clipped(const QString& text, int maxChars)
{
    if (maxChars < 1 || text.size() <= maxChars)
        return text;
    QString cut = text.left(maxChars - 1);
    // Not half of a surrogate pair at the cut.
    if (!cut.isEmpty() && cut.back().isHighSurrogate())
        cut.chop(1);
    return cut + Ellipsis;
}

QString breakable(const QString& text)
{
    QString out;
    out.reserve(text.size() + text.size() / BreakEvery);
    qsizetype start = 0;
    while (start < text.size()) {
        // The next run: spaces, or a word up to the next space.
        const bool space = text.at(start).isSpace() || text.at(start) == ZeroWidthSpace;
        qsizetype end = start;
        while (end < text.size()
            && (text.at(end).isSpace() || text.at(end) == ZeroWidthSpace) == space)
            ++end;
        if (space || end - start <= WrapChars) {
            out.append(QStringView(text).mid(start, end - start));
        } else {
            for (qsizetype i = start; i < end; ++i) {
                out.append(text.at(i));
                // Never between the halves of a surrogate pair, nor after the last character.
                if ((i - start + 1) % BreakEvery == 0 && i + 1 < end
                    && !text.at(i).isHighSurrogate())
                    out.append(ZeroWidthSpace);
            }
        }
        start = end;
    }
    return out;
}

QString plainToolTip(const QString& text)
{
    if (text.isEmpty())
        return QString();
    return Qt::convertFromPlainText(breakable(clipped(text, ToolTipChars)), Qt::WhiteSpaceNormal);
}

QString menuText(const QString& text, int maxChars)
{
    QString shown = clipped(text, maxChars);
    shown.replace(QLatin1Char('&'), QLatin1String("&&"));
    // A tab would start the shortcut column; a line break a second line.
    for (const QChar c : { QChar(u'\t'), QChar(u'\n'), QChar(u'\r') })
        shown.replace(c, QLatin1Char(' '));
    return shown;
}

void makePlainLabel(QLabel* label) { label->setTextFormat(Qt::PlainText); }

void setPlainLabelText(QLabel* label, const QString& text, int maxChars)
{
    label->setTextFormat(Qt::PlainText);
    const QString shown = clipped(text, maxChars);
    label->setText(label->wordWrap() ? breakable(shown) : shown);
}

void usePlainToolTips(QAbstractItemView* view)
{
    view->viewport()->installEventFilter(new PlainToolTipFilter(view));
}

} // namespace rota
