#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <QList>

#include "domain/WorkCalendar.h"

namespace yg {

class Database;

/**
 * A district's reference data: towns, issue categories (with default due days) and
 * departments. The Yuecheng profile ships as resources/district/yuecheng.json; another
 * district writes its own file of the same format.
 */
struct DistrictProfile
{
    struct TownEntry
    {
        QString code;
        QString name;
    };
    struct CategoryEntry
    {
        QString code;
        QString name;
        int defaultDueDays = 10;
    };

    /** A public holiday on a weekday or a make-up working day (调休) on a weekend. */
    struct DayEntry
    {
        QDate date;
        WorkCalendar::DayKind kind = WorkCalendar::DayKind::Holiday;
        QString name;
    };

    QString district;
    QString unionName;
    QString adminDivision; ///< 6-digit division code used in credit codes (demo data)
    QList<TownEntry> towns;
    QList<CategoryEntry> categories;
    QStringList departments;
    QList<DayEntry> calendar; ///< optional: added to the calendar the database starts with

    /** The built-in Yuecheng profile. */
    static DistrictProfile yuecheng();
    /** Reads a profile file; throws yg::Error naming the file, the entry and the problem. */
    static DistrictProfile load(const QString& path);
    static DistrictProfile fromJson(const QByteArray& json, const QString& sourceName);

    /**
     * Writes the reference data in one transaction. Each entry gets a name-based (v5)
     * uuid, so the same town or category has the same stable id in every database of the
     * district (laptop and office merge by it). `at` stamps created_at (default: now).
     */
    void applyTo(Database& db, const QDateTime& at = {}) const;

    /**
     * `yuegong-cli init`: a new, empty database holding this profile's reference data.
     * Refuses an existing file; writes "<path>.part" and renames it when complete, so an
     * interrupted run leaves nothing half-made. The first administrator is created next
     * (AccountService::createFirstAdmin).
     */
    void createDatabase(const QString& path) const;
};

} // namespace yg
