#pragma once

#include "domain/Entities.h"

#include <QStringList>

namespace yg {

/**
 * Field rules of each record, shared by every entry point (form, import, CLI): each
 * returns the list of problems in plain words, naming the field; empty means valid.
 * Rules that need the database (uniqueness, existence of a town) are checked by storage.
 */
QStringList validate(const Town& town);
QStringList validate(const Cadre& cadre);
QStringList validate(const Enterprise& enterprise);
QStringList validate(const Visit& visit);
QStringList validate(const Issue& issue);

/** Throws yg::Error with "<what>: problem; problem" if the list is not empty. */
void throwIfInvalid(const QString& what, const QStringList& problems);

} // namespace yg
