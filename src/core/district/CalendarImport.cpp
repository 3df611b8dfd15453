#include "CalendarImport.h"

#include "exchange/Csv.h"
#include "storage/CalendarRepository.h"
#include "storage/Database.h"
#include "storage/WriteTransaction.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace yg {

namespace {

struct Day
{
    QDate date;
    WorkCalendar::DayKind kind;
    QString name;
};

std::optional<WorkCalendar::DayKind> kindOf(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("holiday") || t == QStringLiteral("放假") || t == QStringLiteral("休"))
        return WorkCalendar::DayKind::Holiday;
    if (t == QLatin1String("workday") || t == QStringLiteral("上班") || t == QStringLiteral("调休") ||
        t == QStringLiteral("班"))
        return WorkCalendar::DayKind::MakeUpWorkday;
    return std::nullopt;
}

} // namespace

CalendarImportResult importCalendar(Database& db, const QString& path)
{
    const QString file = QFileInfo(path).fileName();
    // Excel and WPS save CSV as UTF-8 (with BOM) or GB18030; quoted names may hold commas.
    const CsvText csv = readCsvFile(path, CsvEncoding::Auto);
    CsvReader reader(csv.text);
    QStringList problems;
    QList<Day> days;
    QStringList cells;
    int number = 0;
    bool header = true;
    while (reader.next(&cells, &number)) {
        if (header) {
            header = false;
            if (cells.value(0).toLower() != QLatin1String("date") ||
                cells.value(1).toLower() != QLatin1String("kind")) {
                problems << QCoreApplication::translate("yg::CalendarImport",
                                                        "%1 line 1: the header must be date,kind,name")
                                .arg(file);
                break;
            }
            continue;
        }
        const QDate date = QDate::fromString(cells.value(0).trimmed(), Qt::ISODate);
        const auto kind = kindOf(cells.value(1));
        if (!date.isValid()) {
            problems << QCoreApplication::translate("yg::CalendarImport",
                                                    "%1 line %2, column date: '%3' is not a date like 2027-02-08")
                            .arg(file)
                            .arg(number)
                            .arg(cells.value(0).trimmed());
            continue;
        }
        if (!kind) {
            problems << QCoreApplication::translate("yg::CalendarImport",
                                                    "%1 line %2, column kind: '%3' is neither holiday nor workday")
                            .arg(file)
                            .arg(number)
                            .arg(cells.value(1).trimmed());
            continue;
        }
        const bool weekend = date.dayOfWeek() >= 6;
        if (*kind == WorkCalendar::DayKind::Holiday && weekend) {
            problems << QCoreApplication::translate("yg::CalendarImport",
                                                    "%1 line %2: %3 is a weekend day; only weekdays can be holidays")
                            .arg(file)
                            .arg(number)
                            .arg(date.toString(Qt::ISODate));
            continue;
        }
        if (*kind == WorkCalendar::DayKind::MakeUpWorkday && !weekend) {
            problems << QCoreApplication::translate(
                            "yg::CalendarImport", "%1 line %2: %3 is a weekday; only weekend days can be make-up days")
                            .arg(file)
                            .arg(number)
                            .arg(date.toString(Qt::ISODate));
            continue;
        }
        days.append({date, *kind, cells.mid(2).join(QLatin1Char(',')).trimmed()});
    }
    if (days.isEmpty() && problems.isEmpty())
        problems << QCoreApplication::translate("yg::CalendarImport", "the file has no days to import");
    if (!problems.isEmpty()) {
        throw Error(
            QCoreApplication::translate("yg::CalendarImport", "The calendar was not imported; nothing was changed:") +
            QStringLiteral("\n  ") + problems.join(QStringLiteral("\n  ")));
    }

    CalendarRepository calendar(db);
    const WorkCalendar before = calendar.load();
    CalendarImportResult result;
    WriteTransaction tx(db.connection());
    for (const Day& d : days) {
        const bool known = before.hasException(d.date);
        const bool same = known && before.isWorkingDay(d.date) == (d.kind == WorkCalendar::DayKind::MakeUpWorkday) &&
                          before.nameOf(d.date) == d.name;
        if (same) {
            ++result.unchanged;
            continue;
        }
        calendar.setDay(d.date, d.kind, d.name);
        ++(known ? result.changed : result.added);
    }
    calendar.rebuildIndexIfChanged();
    tx.commit();
    return result;
}

} // namespace yg
