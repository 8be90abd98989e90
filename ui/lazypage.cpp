// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "lazypage.h"

#include <QVBoxLayout>

#include <utility>

namespace rota {

LazyPage::LazyPage(std::function<QWidget*()> make, QWidget* parent)
    : QWidget(parent)
    , m_make(std::move(make))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

QWidget* LazyPage::content()
{
    if (!m_content && m_make) {
        m_content = std::exchange(m_make, nullptr)();
        layout()->addWidget(m_content);
        // Made while the page is being shown: its children were shown already, and the layout
        // would show the content only at the next turn of the event loop.
        if (isVisible())
            m_content->show();
        // The content's own focus order and shortcuts: focus goes where the page is focused.
        setFocusProxy(m_content);
    }
    return m_content;
}

void LazyPage::showEvent(QShowEvent* event)
{
    content();
    QWidget::showEvent(event);
}

} // namespace rota
