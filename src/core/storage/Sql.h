#pragma once

#include "domain/Entities.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace yg::sql {

/** Prepares a statement; throws yg::Error naming the statement and SQLite's reason. */
QSqlQuery prepare(const QSqlDatabase& db, const QString& statement);
/** Executes a prepared statement; throws yg::Error on failure (never swallows a QSqlError). */
void exec(QSqlQuery& query);
/** Prepares and executes a statement without parameters. */
QSqlQuery execDirect(const QSqlDatabase& db, const QString& statement);
/** Runs a single-value SELECT and returns its first column (invalid QVariant if no row). */
QVariant scalar(const QSqlDatabase& db, const QString& statement);

// Conversions between domain values and column values; NULL stands for "absent".
QVariant dateValue(const QDate& d);
QVariant idValue(const std::optional<RowId>& id);
QVariant textOrNull(const QString& s);
QDate toDate(const QVariant& v);
std::optional<RowId> toOptionalId(const QVariant& v);

} // namespace yg::sql
