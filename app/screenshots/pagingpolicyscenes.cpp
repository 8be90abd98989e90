// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#include "mainwindow.h"
#include "pagingpolicycontroller.h"
#include "pagingpolicyeditor.h"
#include "pagingpolicymodel.h"
#include "policypalette.h"
#include "policystepcanvas.h"
#include "scenes.h"
#include "workspace.h"

#include <QMimeData>
#include <QPointer>
#include <QTabWidget>
#include <QTimer>

#include <memory>

namespace rota::scenes {

namespace {

// Shows the paging-policy view and returns its editor (nullptr when there is none).
PagingPolicyEditor* showEditor(Workspace* workspace)
{
    MainWindow* window = workspace ? workspace->window() : nullptr;
    if (!window)
        return nullptr;
    window->showView(QStringLiteral("paging-policy"));
    auto* editor = qobject_cast<PagingPolicyEditor*>(window->page(QStringLiteral("paging-policy")));
    if (editor)
        editor->tabs()->setCurrentIndex(0);
    return editor;
}

// The palette's entry the scenes add to step 1: the third, or the first after it that step 1 does
// not have yet (a step pages each contact once).
PagingRule sceneRule(const PolicyPalette* palette, const PagingPolicyModel* model)
{
    const QList<PagingRule>& rules = palette->rules();
    for (qsizetype k = 0; k < rules.size(); ++k) {
        const PagingRule& rule = rules.at((2 + k) % rules.size());
        if (model->findRule(0, rule) < 0)
            return rule;
    }
    return rules.value(std::min<qsizetype>(2, rules.size() - 1));
}

// Runs `then` with the editor once it has loaded (at once when it has already); not at all when
// the editor goes meanwhile.
void whenLoaded(PagingPolicyEditor* editor, std::function<void(PagingPolicyEditor*)> then)
{
    QPointer<PagingPolicyEditor> guard = editor;
    const auto run = [guard, then] {
        if (guard)
            then(guard);
    };
    if (editor->model()->rowCount() > 0 && !editor->controller()->isBusy()) {
        run();
        return;
    }
    auto* context = new QObject(editor);
    QObject::connect(
        editor->controller(), &PagingPolicyController::loaded, context, [context, run] {
            context->deleteLater();
            QTimer::singleShot(200, run);
        });
    editor->reload();
}

} // namespace

QList<ScreenshotScene> pagingPolicy(Workspace* workspace)
{
    QPointer<Workspace> session = workspace;
    QList<ScreenshotScene> scenes;
    // A contact from the palette held over step 1, between its first two chips, with the
    // insertion marker.
    scenes.append(
        { QStringLiteral("paging-policy-drag"), [session](std::function<void()> ready) -> QWidget* {
             PagingPolicyEditor* editor = showEditor(session);
             if (!editor) {
                 ready();
                 return session ? session->window() : nullptr;
             }
             whenLoaded(editor, [ready](PagingPolicyEditor* loaded) {
                 PolicyStepCanvas* canvas = loaded->canvas();
                 const PagingRule rule = sceneRule(loaded->palette(), loaded->model());
                 const std::unique_ptr<QMimeData> data(PagingPolicyModel::contactMimeData(rule));
                 const QRect first = canvas->ruleRect(0, 0);
                 const QPoint pos = first.isValid()
                     ? QPoint(first.right() + 6, first.center().y() + 10)
                     : canvas->stepRect(0).center();
                 canvas->showDragPreview(data.get(), pos);
                 QTimer::singleShot(100, ready);
             });
             return session->window();
         } });
    // The page after a save, with its result in words: the edit the drag scene shows, and step 2
    // removed (the API cannot delete steps: the result says what happened instead).
    scenes.append({ QStringLiteral("paging-policy-saved"),
        [session](std::function<void()> ready) -> QWidget* {
            PagingPolicyEditor* editor = showEditor(session);
            if (!editor) {
                ready();
                return session ? session->window() : nullptr;
            }
            editor->canvas()->showDragPreview(nullptr, {});
            whenLoaded(editor, [ready](PagingPolicyEditor* loaded) {
                PagingPolicyModel* model = loaded->model();
                model->addRule(0, 1, sceneRule(loaded->palette(), model));
                if (model->rowCount() > 2)
                    model->removeStep(1);
                PagingPolicyController* controller = loaded->controller();
                auto* context = new QObject(loaded);
                QObject::connect(
                    controller, &PagingPolicyController::saved, context, [context, ready] {
                        context->deleteLater();
                        QTimer::singleShot(150, ready);
                    });
                controller->save();
            });
            return session->window();
        } });
    return scenes;
}

} // namespace rota::scenes
