// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "pagingpolicyconflictdialog.h"

#include "look.h"
#include "policystyle.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>

namespace rota {

namespace {

// Which of `rules` the other list has not (as a multiset: a rule twice here and once there is
// once "only here").
QList<bool> onlyHere(const QList<PagingRule>& rules, const QList<PagingRule>& other)
{
    QList<PagingRule> rest = other;
    QList<bool> out;
    out.reserve(rules.size());
    for (const PagingRule& rule : rules) {
        const qsizetype at = rest.indexOf(rule);
        if (at >= 0)
            rest.removeAt(at);
        out.append(at < 0);
    }
    return out;
}

QString rulesInOneLine(const PolicyStep& step, const PagingPolicyModel* labels)
{
    if (step.rules.isEmpty())
        return PagingPolicyConflictDialog::tr("no rules");
    QStringList texts;
    for (const PagingRule& rule : step.rules)
        texts.append(labels->ruleText(rule));
    return texts.join(QStringLiteral(", "));
}

} // namespace

QStringList PagingPolicyConflictDialog::compare(
    const QList<PolicyStep>& theirs, const QList<PolicyStep>& mine, const PagingPolicyModel* labels)
{
    QStringList out;
    const qsizetype count = std::max(theirs.size(), mine.size());
    for (qsizetype i = 0; i < count; ++i) {
        const QString step = tr("Step %1").arg(i + 1);
        if (i >= mine.size()) {
            out.append(tr("%1 is only on the server (%2; then wait %3).")
                           .arg(step, rulesInOneLine(theirs.at(i), labels),
                               PagingPolicyModel::minutesText(theirs.at(i).timeout)));
            continue;
        }
        if (i >= theirs.size()) {
            out.append(tr("%1 is only in your edits (%2; then wait %3).")
                           .arg(step, rulesInOneLine(mine.at(i), labels),
                               PagingPolicyModel::minutesText(mine.at(i).timeout)));
            continue;
        }
        const PolicyStep& server = theirs.at(i);
        const PolicyStep& edited = mine.at(i);
        if (server == edited)
            continue;
        if (server.timeout != edited.timeout) {
            out.append(tr("%1: waits %2 on the server, %3 in your edits.")
                           .arg(step, PagingPolicyModel::minutesText(server.timeout),
                               PagingPolicyModel::minutesText(edited.timeout)));
        }
        const QList<bool> serverOnly = onlyHere(server.rules, edited.rules);
        const QList<bool> mineOnly = onlyHere(edited.rules, server.rules);
        bool listed = false;
        for (qsizetype r = 0; r < server.rules.size(); ++r) {
            if (!serverOnly.at(r))
                continue;
            listed = true;
            out.append(
                tr("%1: %2 only on the server.").arg(step, labels->ruleText(server.rules.at(r))));
        }
        for (qsizetype r = 0; r < edited.rules.size(); ++r) {
            if (!mineOnly.at(r))
                continue;
            listed = true;
            out.append(
                tr("%1: %2 only in your edits.").arg(step, labels->ruleText(edited.rules.at(r))));
        }
        if (!listed && server.rules != edited.rules)
            out.append(tr("%1: the same rules in another order.").arg(step));
    }
    return out;
}

QString PagingPolicyConflictDialog::describe(const QList<PolicyStep>& steps,
    const QList<PolicyStep>& other, const PagingPolicyModel* labels, Side side)
{
    if (steps.isEmpty())
        return tr("<p><i>No steps: nobody is paged.</i></p>");
    const bool server = side == Side::Server;
    const QString onlyHereText = server ? tr("only on the server") : tr("only in your edits");
    // Colours from the palette, so that the marks read on a dark desktop as on a light one.
    const QPalette palette = QApplication::palette();
    const look::Tone tone = server ? look::Tone::Error : look::Tone::Success;
    const QString mark = QStringLiteral("background:%1; color:%2")
                             .arg(look::toneBackground(tone, palette).name(),
                                 look::toneColor(tone, palette).name());
    const QString changed = QStringLiteral("background:%1")
                                .arg(look::toneBackground(look::Tone::Warning, palette).name());
    const QString quiet = palette.color(QPalette::PlaceholderText).name();
    const QString sign = server ? QStringLiteral("− ") : QStringLiteral("+ ");
    QString html;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const PolicyStep& step = steps.at(i);
        // What follows the step, as the editor's cards say it (the last one repeats).
        const QString wait
            = policystyle::afterStepText(step.timeout, i + 1 < steps.size() ? int(i) + 2 : 0);
        if (i < other.size() && other.at(i) == step) {
            // The same on both sides: one quiet line, so that what differs stands out.
            html += QStringLiteral("<p style='color:%1; margin:2px 4px'>").arg(quiet)
                + tr("Step %1 — the same on both sides: %2; %3")
                      .arg(QString::number(i + 1), rulesInOneLine(step, labels).toHtmlEscaped(),
                          wait)
                + QStringLiteral("</p>");
            continue;
        }
        const bool stepOnlyHere = i >= other.size();
        html += stepOnlyHere ? QStringLiteral("<div style='%1; padding:4px'>").arg(mark)
                             : QStringLiteral("<div style='%1; padding:4px'>").arg(changed);
        html += tr("<b>Step %1</b>").arg(i + 1);
        if (stepOnlyHere) {
            html += QStringLiteral(" <b>(") + onlyHereText + QStringLiteral(")</b>");
            html += QStringLiteral(" — ") + wait;
        } else if (other.at(i).timeout != step.timeout) {
            html += QStringLiteral(" — <span style='%1'><b>").arg(mark) + wait
                + QStringLiteral("</b></span>");
        } else {
            html += QStringLiteral(" — ") + wait;
        }
        html += QStringLiteral("<ul style='margin:2px'>");
        if (step.rules.isEmpty())
            html += tr("<li><i>no rules</i></li>");
        const QList<bool> only = stepOnlyHere ? QList<bool>(step.rules.size(), false)
                                              : onlyHere(step.rules, other.at(i).rules);
        for (qsizetype r = 0; r < step.rules.size(); ++r) {
            const QString text = labels->ruleText(step.rules.at(r)).toHtmlEscaped();
            if (only.at(r)) {
                html += QStringLiteral("<li><span style='%1'><b>").arg(mark) + sign + text
                    + QStringLiteral("</b> (") + onlyHereText + QStringLiteral(")</span></li>");
            } else {
                html += QStringLiteral("<li>") + text + QStringLiteral("</li>");
            }
        }
        html += QStringLiteral("</ul></div>");
    }
    return html;
}

PagingPolicyConflictDialog::PagingPolicyConflictDialog(const QList<PolicyStep>& theirs,
    const QList<PolicyStep>& mine, const PagingPolicyModel* labels, QWidget* parent, Mode mode)
    : QDialog(parent)
    , m_mode(mode)
    , m_differences(compare(theirs, mine, labels))
    , m_server(new QTextBrowser(this))
    , m_mine(new QTextBrowser(this))
{
    setWindowTitle(tr("The paging policy changed on the server"));
    auto* layout = new QGridLayout(this);
    auto* intro = new QLabel(mode == Mode::Saving
            ? tr("Someone changed this paging policy after you opened it. Nothing has been saved "
                 "yet. Which version should it be?")
            : tr("Someone changed this paging policy after you opened it. Your edits are kept and "
                 "not saved. Which version do you want to go on with?"),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro, 0, 0, 1, 2);
    QString list = tr("<b>What differs:</b>");
    list += QStringLiteral("<ul style='margin:2px'>");
    for (const QString& line : std::as_const(m_differences))
        list += QStringLiteral("<li>") + line.toHtmlEscaped() + QStringLiteral("</li>");
    if (m_differences.isEmpty())
        list += tr("<li>Nothing: both are the same.</li>");
    list += QStringLiteral("</ul>");
    auto* differences = new QLabel(list, this);
    differences->setObjectName(QStringLiteral("differences"));
    differences->setWordWrap(true);
    differences->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(differences, 1, 0, 1, 2);
    layout->addWidget(new QLabel(tr("<b>On the server now</b>"), this), 2, 0);
    layout->addWidget(new QLabel(tr("<b>Your edits</b>"), this), 2, 1);
    m_server->setHtml(describe(theirs, mine, labels, Side::Server));
    m_server->setAccessibleName(tr("The policy on the server"));
    m_mine->setHtml(describe(mine, theirs, labels, Side::Mine));
    m_mine->setAccessibleName(tr("Your edited policy"));
    layout->addWidget(m_server, 3, 0);
    layout->addWidget(m_mine, 3, 1);
    auto* explain = new QLabel(mode == Mode::Saving
            ? tr("<b>Keep mine</b> saves your version over the server's: what only the server has "
                 "goes. <b>Take theirs</b> drops your edits and shows the server's version.")
            : tr("<b>Keep mine</b> keeps your edits; Save then writes them over the server's "
                 "version. <b>Take theirs</b> drops your edits and shows the server's version."),
        this);
    explain->setWordWrap(true);
    layout->addWidget(explain, 4, 0, 1, 2);
    auto* buttons = new QDialogButtonBox(this);
    m_takeTheirs
        = buttons->addButton(tr("Take theirs — drop my edits"), QDialogButtonBox::DestructiveRole);
    m_keepMine = buttons->addButton(mode == Mode::Saving ? tr("Keep mine — save it over theirs")
                                                         : tr("Keep mine — go on editing"),
        QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_keepMine->setDefault(true);
    layout->addWidget(buttons, 5, 0, 1, 2);
    connect(m_keepMine, &QPushButton::clicked, this, [this] {
        Q_EMIT keepMine();
        accept();
    });
    connect(m_takeTheirs, &QPushButton::clicked, this, [this] {
        Q_EMIT takeTheirs();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(760, 480);
}

} // namespace rota
