#pragma once

#include <QListWidget>

namespace rota {

struct MainView;

//! The column of main views on the left of the main window: an icon and a title per view, with a
//! quiet, tinted selection derived from the current palette (so dark themes work too).
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
    void updateIcons();
};

} // namespace rota
