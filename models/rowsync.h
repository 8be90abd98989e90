// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Rota developers
#pragma once

// Bring a list model's rows in line with a fresh list by the smallest steps (remove, insert, move,
// change) instead of a reset, so that selection and scrolling stay with the rows that remain.

#include <QList>
#include <QSet>

#include <cstddef>
#include <functional>
#include <iterator>
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

//! Brings `rows` in line with `wanted` step by step, where a row is made from a wanted value
//! (make) and kept up to date from one (update): rows are matched by rowKey(row) ==
//! wantedKey(value) (keys unique in each list); a row whose key is no longer wanted is removed,
//! a wanted key without a row gets make(value) at its place, a row found further down moves up,
//! and a matched row is passed to update(row, value), which returns true when the row's own
//! data changed (then steps.changed). Afterwards the rows' keys are the wanted keys, in order.
//! `Rows` is a QList or std::vector (also of std::unique_ptr, for trees).
template <typename Rows, typename Wanted, typename RowKey, typename WantedKey, typename Make,
    typename Update>
void syncRowsTo(Rows& rows, const Wanted& wanted, RowKey rowKey, WantedKey wantedKey, Make make,
    Update update, const RowSyncSteps& steps)
{
    using Key = std::decay_t<decltype(wantedKey(*std::begin(wanted)))>;
    QSet<Key> keys;
    for (const auto& value : wanted)
        keys.insert(wantedKey(value));
    for (int i = static_cast<int>(rows.size()) - 1; i >= 0; --i) {
        if (!keys.contains(rowKey(rows[static_cast<std::size_t>(i)])))
            steps.remove(i, [&rows, i] { rows.erase(rows.begin() + i); });
    }
    const int count = static_cast<int>(std::size(wanted));
    for (int i = 0; i < count; ++i) {
        const auto& value = *(std::begin(wanted) + i);
        const Key key = wantedKey(value);
        int at = -1;
        for (int j = i; j < static_cast<int>(rows.size()); ++j) {
            if (rowKey(rows[static_cast<std::size_t>(j)]) == key) {
                at = j;
                break;
            }
        }
        if (at < 0) {
            steps.insert(
                i, [&rows, &make, &value, i] { rows.insert(rows.begin() + i, make(value)); });
            continue;
        }
        if (at != i) {
            steps.move(at, i, [&rows, at, i] {
                auto moving = std::move(rows[static_cast<std::size_t>(at)]);
                rows.erase(rows.begin() + at);
                rows.insert(rows.begin() + i, std::move(moving));
            });
        }
        if (update(rows[static_cast<std::size_t>(i)], value))
            steps.changed(i);
    }
}

//! Turns `rows` into `fresh` step by step (syncRowsTo with rows of the same type as the list):
//! rows are matched by keyOf(row) (keys unique in each list), a matched row whose same(old, fresh)
//! is false is replaced and reported as changed. Afterwards rows == fresh in order.
template <typename Row, typename KeyOf, typename Same>
void syncRows(
    QList<Row>& rows, const QList<Row>& fresh, KeyOf keyOf, Same same, const RowSyncSteps& steps)
{
    syncRowsTo(
        rows, fresh, keyOf, keyOf, [](const Row& row) { return row; },
        [&same](Row& row, const Row& value) {
            if (same(row, value))
                return false;
            row = value;
            return true;
        },
        steps);
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
