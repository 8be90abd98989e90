// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// A page of the window whose content is made when it is first shown (or first asked for), so
// that starting Rota does not pay for views nobody has opened yet.

#include <QWidget>

#include <functional>

namespace rota {

class LazyPage : public QWidget {
    Q_OBJECT
public:
    //! `make` is called once, with no parent needed: the page takes the widget it returns.
    explicit LazyPage(std::function<QWidget*()> make, QWidget* parent = nullptr);

    //! The content, made now if it was not yet.
    QWidget* content();
    //! Whether the content has been made.
    bool isMade() const { return m_content != nullptr; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    std::function<QWidget*()> m_make;
    QWidget* m_content = nullptr;
};

} // namespace rota
