#include "CalendarRepository.h"

#include "storage/ReportAggregates.h"
#include "storage/Sql.h"
#include "storage/SqliteDialect.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>

namespace yg {

WorkCalendar CalendarRepository::load()
{
    WorkCalendar calendar;
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("SELECT day, kind, name FROM calendar_days"));
    sql::exec(q);
    while (q.next()) {
        calendar.setException(sql::toDate(q.value(0)),
                              q.value(1).toString() == QLatin1String("workday") ? WorkCalendar::DayKind::MakeUpWorkday
                                                                                : WorkCalendar::DayKind::Holiday,
                              q.value(2).toString());
    }
    q.finish();
    return calendar;
}

void CalendarRepository::setDay(QDate day, WorkCalendar::DayKind kind, const QString& name)
{
    const bool weekend = day.dayOfWeek() >= 6;
    if (!day.isValid())
        throw Error(QCoreApplication::translate("yg::Storage", "The calendar day is not a valid date."));
    if (kind == WorkCalendar::DayKind::Holiday && weekend) {
        throw Error(QCoreApplication::translate("yg::Storage", "%1 is a weekend day; only weekdays can be holidays.")
                        .arg(day.toString(Qt::ISODate)));
    }
    if (kind == WorkCalendar::DayKind::MakeUpWorkday && !weekend) {
        throw Error(QCoreApplication::translate("yg::Storage",
                                                "%1 is a weekday; only weekend days can be make-up working days.")
                        .arg(day.toString(Qt::ISODate)));
    }
    const QVariantMap before = dayValues(day);
    QSqlQuery& q = cached(QStringLiteral("INSERT INTO calendar_days (day, kind, name, updated_at) VALUES (?, ?, ?, ?) "
                                         "ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, "
                                         "updated_at = excluded.updated_at"));
    q.addBindValue(day.toString(Qt::ISODate));
    q.addBindValue(kind == WorkCalendar::DayKind::Holiday ? QStringLiteral("holiday") : QStringLiteral("workday"));
    q.addBindValue(name.trimmed());
    q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    sql::exec(q);
    m_indexStale = true;
    if (m_db.auditing())
        auditChanged("calendar_days", 0, day.toString(Qt::ISODate), before, dayValues(day),
                     before.isEmpty() ? QStringLiteral("create") : QStringLiteral("update"));
}

void CalendarRepository::removeDay(QDate day)
{
    const QVariantMap before = dayValues(day);
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("DELETE FROM calendar_days WHERE day = ?"));
    q.addBindValue(day.toString(Qt::ISODate));
    sql::exec(q);
    m_indexStale = true;
    if (m_db.auditing() && !before.isEmpty())
        auditChanged("calendar_days", 0, day.toString(Qt::ISODate), before, {}, QStringLiteral("delete"));
}

void CalendarRepository::rebuildIndexIfChanged()
{
    if (m_indexStale)
        rebuildIndex();
}

void CalendarRepository::rebuildIndex()
{
    QSqlDatabase db = connection();
    SqliteDialect::rebuildWorkDayIndex(db);
    ReportAggregates::rebuildIssueCounts(db); // they hold working days to close
    m_indexStale = false;
}

QVariantMap CalendarRepository::dayValues(QDate day)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("SELECT kind, name FROM calendar_days WHERE day = ?"));
    q.addBindValue(day.toString(Qt::ISODate));
    sql::exec(q);
    QVariantMap v;
    if (q.next()) {
        v.insert(QStringLiteral("kind"), q.value(0));
        v.insert(QStringLiteral("name"), q.value(1));
    }
    q.finish();
    return v;
}

QString CalendarRepository::textSetting(const QString& key, const QString& fallback)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    sql::exec(q);
    const QString value = q.next() ? q.value(0).toString() : fallback;
    q.finish();
    return value;
}

int CalendarRepository::intSetting(const QString& key, int fallback)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    sql::exec(q);
    int value = fallback;
    if (q.next()) {
        bool ok = false;
        const int v = q.value(0).toString().toInt(&ok);
        if (ok)
            value = v;
    }
    q.finish();
    return value;
}

void CalendarRepository::setSetting(const QString& key, const QString& value)
{
    QVariantMap before;
    {
        QSqlQuery old = sql::prepare(connection(), QStringLiteral("SELECT value FROM settings WHERE key = ?"));
        old.addBindValue(key);
        sql::exec(old);
        if (old.next())
            before.insert(QStringLiteral("value"), old.value(0));
        old.finish();
    }
    QSqlQuery q =
        sql::prepare(connection(), QStringLiteral("INSERT INTO settings (key, value, updated_at) "
                                                  "VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                                                  "value = excluded.value, updated_at = excluded.updated_at"));
    q.addBindValue(key);
    q.addBindValue(value);
    q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    sql::exec(q);
    if (m_db.auditing())
        auditChanged("settings", 0, key, before, {{QStringLiteral("value"), value}},
                     before.isEmpty() ? QStringLiteral("create") : QStringLiteral("update"));
}

} // namespace yg
