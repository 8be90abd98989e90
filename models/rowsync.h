#pragma once

// Bring a list model's rows in line with a fresh list by the smallest steps (remove, insert, move,
// change) instead of a reset, so that selection and scrolling stay with the rows that remain.

#include <QList>
#include <QSet>

#include <functional>
#include <type_traits>

namespace rota {

//! What a model does around each step of syncRows. The begin/end calls of QAbstractItemModel are
//! protected, so the model supplies them: `edit` changes the list and must run between the model's
//! begin…() and end…() calls.
struct RowSyncSteps {
    std::function<void(int row, const std::function<void()>& edit)> remove;
    std::function<void(int row, const std::function<void()>& edit)> insert;
    std::function<void(int from, int to, const std::function<void()>& edit)> move;
    std::function<void(int row)> changed; //!< after the row at `row` took new values
};

//! Turns `rows` into `fresh` step by step; rows are matched by keyOf(row) (keys unique in each
//! list), a matched row whose same(old, fresh) is false is replaced and reported as changed.
//! Afterwards rows == fresh in order.
template <typename Row, typename KeyOf, typename Same>
void syncRows(
    QList<Row>& rows, const QList<Row>& fresh, KeyOf keyOf, Same same, const RowSyncSteps& steps)
{
    QSet<decltype(keyOf(fresh.first()))> keys;
    for (const Row& r : fresh)
        keys.insert(keyOf(r));
    for (int i = static_cast<int>(rows.size()) - 1; i >= 0; --i) {
        if (!keys.contains(keyOf(rows.at(i))))
            steps.remove(i, [&rows, i] { rows.removeAt(i); });
    }
    for (int i = 0; i < fresh.size(); ++i) {
        int at = -1;
        for (int j = i; j < rows.size(); ++j) {
            if (keyOf(rows.at(j)) == keyOf(fresh.at(i))) {
                at = j;
                break;
            }
        }
        if (at < 0) {
            steps.insert(i, [&rows, &fresh, i] { rows.insert(i, fresh.at(i)); });
            continue;
        }
        if (at != i)
            steps.move(at, i, [&rows, at, i] { rows.move(at, i); });
        if (!same(rows.at(i), fresh.at(i))) {
            rows[i] = fresh.at(i);
            steps.changed(i);
        }
    }
}

//! `rows` without the rows whose key an earlier row has (the first of each key stays), for a
//! server's list that syncRows needs with unique keys.
template <typename Row, typename KeyOf>
QList<Row> firstOfEachKey(const QList<Row>& rows, KeyOf keyOf)
{
    QList<Row> unique;
    unique.reserve(rows.size());
    QSet<std::decay_t<decltype(keyOf(rows.first()))>> seen;
    for (const Row& row : rows) {
        const auto key = keyOf(row);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        unique.append(row);
    }
    return unique;
}

} // namespace rota
