#pragma once

#include <QString>
#include <QStringList>

namespace yg {

/**
 * The text side of search, without storage: how a query splits into terms and how a
 * result's snippet marks the matches. A snippet marks each match with kMatchStart and
 * kMatchEnd (control characters no record contains), so the GUI can escape the text and
 * then make the matches bold.
 */
namespace SearchText {

inline constexpr QChar kMatchStart = QChar(0x0002);
inline constexpr QChar kMatchEnd = QChar(0x0003);

/** The terms of a query: split on white space, duplicates and FTS quote characters removed. */
QStringList terms(const QString& query);

/** Terms of 1–2 characters cannot match a trigram index (they go to the short-term index). */
bool isShort(const QString& term);

/**
 * An FTS5 MATCH expression that requires every term as a phrase ("a" AND "b"), each
 * quoted so that no character of the query is read as FTS5 syntax.
 */
QString matchExpression(const QStringList& terms);

/**
 * A piece of `text` of about `width` characters around the first match of any term, with
 * every match marked (case-insensitive); the text's start when nothing matches. "…" shows
 * that text was cut.
 */
QString snippet(const QString& text, const QStringList& terms, int width = 60);

/** Whether `text` contains at least one of the terms (case-insensitive). */
bool containsAny(const QString& text, const QStringList& terms);

} // namespace SearchText

} // namespace yg
