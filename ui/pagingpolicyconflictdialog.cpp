#include "pagingpolicyconflictdialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>

namespace rota {

QString PagingPolicyConflictDialog::describe(
    const QList<PolicyStep>& steps, const QList<PolicyStep>& other, const PagingPolicyModel* labels)
{
    if (steps.isEmpty())
        return tr("<p><i>No steps: nobody is paged.</i></p>");
    QString html;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const PolicyStep& step = steps.at(i);
        const bool differs = i >= other.size() || other.at(i) != step;
        html += differs ? QStringLiteral("<div style='background:#fff4d6; padding:4px'>")
                        : QStringLiteral("<div style='padding:4px'>");
        html += tr("<b>Step %1</b> — then wait %2")
                    .arg(i + 1)
                    .arg(PagingPolicyModel::minutesText(step.timeout));
        html += QStringLiteral("<ul style='margin:2px'>");
        if (step.rules.isEmpty())
            html += tr("<li><i>no rules</i></li>");
        for (const PagingRule& rule : step.rules)
            html += QStringLiteral("<li>") + labels->ruleText(rule).toHtmlEscaped()
                + QStringLiteral("</li>");
        html += QStringLiteral("</ul></div>");
    }
    return html;
}

PagingPolicyConflictDialog::PagingPolicyConflictDialog(const QList<PolicyStep>& theirs,
    const QList<PolicyStep>& mine, const PagingPolicyModel* labels, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("The paging policy changed"));
    auto* layout = new QGridLayout(this);
    auto* intro = new QLabel(tr("Someone changed this paging policy after you opened it. Nothing "
                                "has been saved yet. Which version should it be? Steps that "
                                "differ are highlighted."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro, 0, 0, 1, 2);
    layout->addWidget(new QLabel(tr("<b>On the server now</b>"), this), 1, 0);
    layout->addWidget(new QLabel(tr("<b>Your edits</b>"), this), 1, 1);
    auto* left = new QTextBrowser(this);
    left->setHtml(describe(theirs, mine, labels));
    left->setAccessibleName(tr("The policy on the server"));
    auto* right = new QTextBrowser(this);
    right->setHtml(describe(mine, theirs, labels));
    right->setAccessibleName(tr("Your edited policy"));
    layout->addWidget(left, 2, 0);
    layout->addWidget(right, 2, 1);
    auto* buttons = new QDialogButtonBox(this);
    m_takeTheirs = buttons->addButton(tr("Take theirs"), QDialogButtonBox::DestructiveRole);
    m_keepMine = buttons->addButton(tr("Keep mine"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_keepMine->setDefault(true);
    layout->addWidget(buttons, 3, 0, 1, 2);
    connect(m_keepMine, &QPushButton::clicked, this, [this] {
        Q_EMIT keepMine();
        accept();
    });
    connect(m_takeTheirs, &QPushButton::clicked, this, [this] {
        Q_EMIT takeTheirs();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(720, 420);
}

} // namespace rota
