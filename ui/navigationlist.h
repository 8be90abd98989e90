#pragma once

#include <QListWidget>

namespace rota {

struct MainView;

//! The column of main views on the left of the main window: an icon and a title per view, on the
//! window's background, with a rounded, tinted selection derived from the current palette (so dark
//! themes work too) and a focus ring while it has keyboard focus.
class NavigationList : public QListWidget {
    Q_OBJECT
public:
    explicit NavigationList(QWidget* parent = nullptr);

    void addView(const MainView& view);

    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();
    QIcon icon(const QString& path) const;
};

} // namespace rota
