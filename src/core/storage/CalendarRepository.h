#pragma once

#include "domain/WorkCalendar.h"
#include "storage/RepositoryBase.h"

namespace yg {

/** The working-day calendar's exceptions (holidays, make-up working days) and settings. */
class CalendarRepository : public RepositoryBase
{
public:
    explicit CalendarRepository(Database& db) : RepositoryBase(db) {}

    /** The whole calendar (a few dozen rows a year). */
    WorkCalendar load();
    /** Adds or replaces one day; a weekday holiday or a weekend make-up day. */
    void setDay(QDate day, WorkCalendar::DayKind kind, const QString& name);
    void removeDay(QDate day);
    /**
     * Rebuilds the working-day index the reports use if days were changed through this
     * repository; call once before committing a batch of changes.
     */
    void rebuildIndexIfChanged();
    /** Rebuilds the working-day index (and the report counts' working days) after days were written by other means. */
    void rebuildIndex();

    /** An integer setting, or `fallback` when it is not set or not a number. */
    int intSetting(const QString& key, int fallback);
    /** A text setting, or `fallback` when it is not set. */
    QString textSetting(const QString& key, const QString& fallback = {});
    void setSetting(const QString& key, const QString& value);

private:
    QVariantMap dayValues(QDate day);
    bool m_indexStale = false;
};

} // namespace yg
