#include "DistrictProfile.h"

#include "storage/AuditLog.h"
#include "storage/CalendarRepository.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqliteDialect.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUuid>

namespace yg {

DistrictProfile DistrictProfile::yuecheng()
{
    return load(QStringLiteral(":/district/yuecheng.json"));
}

DistrictProfile DistrictProfile::load(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(QCoreApplication::translate("yg::DistrictProfile", "The district profile %1 cannot be read: %2")
                        .arg(path, f.errorString()));
    return fromJson(f.readAll(), path);
}

DistrictProfile DistrictProfile::fromJson(const QByteArray& json, const QString& source)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (doc.isNull())
        throw Error(QCoreApplication::translate("yg::DistrictProfile", "%1 is not valid JSON (at byte %2: %3).")
                        .arg(source)
                        .arg(error.offset)
                        .arg(error.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QStringLiteral("yuegong-district-profile"))
        throw Error(QCoreApplication::translate(
                        "yg::DistrictProfile",
                        "%1 is not a YueGong district profile (its \"format\" is not \"yuegong-district-profile\").")
                        .arg(source));
    DistrictProfile p;
    p.district = root.value(QStringLiteral("district")).toString();
    p.unionName = root.value(QStringLiteral("union")).toString();
    p.adminDivision = root.value(QStringLiteral("adminDivision")).toString();
    QSet<QString> seen;
    const QJsonArray towns = root.value(QStringLiteral("towns")).toArray();
    for (qsizetype i = 0; i < towns.size(); ++i) {
        const QJsonObject t = towns.at(i).toObject();
        TownEntry e{t.value(QStringLiteral("code")).toString().trimmed(),
                    t.value(QStringLiteral("name")).toString().trimmed()};
        if (e.code.isEmpty() || e.name.isEmpty())
            throw Error(
                QCoreApplication::translate("yg::DistrictProfile", "%1: town %2 needs a \"code\" and a \"name\".")
                    .arg(source)
                    .arg(i + 1));
        if (seen.contains(QStringLiteral("t:") + e.name))
            throw Error(QCoreApplication::translate("yg::DistrictProfile", "%1: town %2 \"%3\" is listed twice.")
                            .arg(source)
                            .arg(i + 1)
                            .arg(e.name));
        seen.insert(QStringLiteral("t:") + e.name);
        p.towns.append(e);
    }
    const QJsonArray categories = root.value(QStringLiteral("categories")).toArray();
    for (qsizetype i = 0; i < categories.size(); ++i) {
        const QJsonObject c = categories.at(i).toObject();
        CategoryEntry e{c.value(QStringLiteral("code")).toString().trimmed(),
                        c.value(QStringLiteral("name")).toString().trimmed(),
                        c.value(QStringLiteral("defaultDueDays")).toInt(10)};
        if (e.code.isEmpty() || e.name.isEmpty() || e.defaultDueDays <= 0)
            throw Error(QCoreApplication::translate(
                            "yg::DistrictProfile",
                            "%1: category %2 needs a \"code\", a \"name\" and \"defaultDueDays\" of at least 1.")
                            .arg(source)
                            .arg(i + 1));
        p.categories.append(e);
    }
    for (const QJsonValue& d : root.value(QStringLiteral("departments")).toArray()) {
        if (!d.toString().trimmed().isEmpty())
            p.departments.append(d.toString().trimmed());
    }
    const QJsonArray days = root.value(QStringLiteral("calendar")).toArray();
    for (qsizetype i = 0; i < days.size(); ++i) {
        const QJsonObject d = days.at(i).toObject();
        DayEntry e;
        e.date = QDate::fromString(d.value(QStringLiteral("date")).toString(), Qt::ISODate);
        const QString kind = d.value(QStringLiteral("kind")).toString();
        e.kind =
            kind == QLatin1String("workday") ? WorkCalendar::DayKind::MakeUpWorkday : WorkCalendar::DayKind::Holiday;
        e.name = d.value(QStringLiteral("name")).toString().trimmed();
        const bool weekend = e.date.isValid() && e.date.dayOfWeek() >= 6;
        if (!e.date.isValid() || (kind != QLatin1String("holiday") && kind != QLatin1String("workday")) ||
            weekend != (e.kind == WorkCalendar::DayKind::MakeUpWorkday))
            throw Error(QCoreApplication::translate("yg::DistrictProfile",
                                                    "%1: calendar day %2 needs a \"date\" (YYYY-MM-DD) and a \"kind\": "
                                                    "\"holiday\" on a weekday or \"workday\" on a weekend.")
                            .arg(source)
                            .arg(i + 1));
        p.calendar.append(e);
    }
    if (p.towns.isEmpty() || p.categories.isEmpty())
        throw Error(QCoreApplication::translate("yg::DistrictProfile",
                                                "%1: a district profile needs at least one town and one category.")
                        .arg(source));
    return p;
}

void DistrictProfile::applyTo(Database& db, const QDateTime& at) const
{
    static const QUuid ns(QStringLiteral("6f1c8a52-3a7e-4d0b-9a57-2f3c0b8e5d11"));
    auto stableMeta = [&](const QString& kind, const QString& key) {
        RecordMeta m;
        m.uuid = QUuid::createUuidV5(ns, kind + QLatin1Char('/') + key).toString(QUuid::WithoutBraces);
        m.createdAt = at.isValid() ? at : Clock::nowUtc();
        return m;
    };
    ReferenceRepository refs(db);
    WriteTransaction tx(db.connection());
    int order = 0;
    for (const TownEntry& t : towns) {
        Town town{stableMeta(QStringLiteral("town"), t.code), t.code, t.name, ++order};
        refs.insert(town);
    }
    order = 0;
    for (const CategoryEntry& c : categories) {
        Category category{stableMeta(QStringLiteral("category"), c.code), c.code, c.name, c.defaultDueDays, ++order};
        refs.insert(category);
    }
    order = 0;
    for (const QString& d : departments) {
        Department department{stableMeta(QStringLiteral("department"), d), d, ++order};
        refs.insert(department);
    }
    // Report headers name the union; a profile without one keeps what the database has.
    CalendarRepository settings(db);
    if (!unionName.trimmed().isEmpty())
        settings.setSetting(QStringLiteral("district.union_name"), unionName.trimmed());
    if (!district.trimmed().isEmpty())
        settings.setSetting(QStringLiteral("district.name"), district.trimmed());
    if (!calendar.isEmpty()) {
        CalendarRepository days(db);
        for (const DayEntry& d : calendar)
            days.setDay(d.date, d.kind, d.name);
        days.rebuildIndexIfChanged();
    }
    tx.commit();
}

void DistrictProfile::createDatabase(const QString& path) const
{
    const QFileInfo target(path);
    if (target.exists())
        throw Error(QCoreApplication::translate("yg::DistrictProfile",
                                                "%1 already exists; a new database is written to a new file only.")
                        .arg(QDir::toNativeSeparators(target.absoluteFilePath())));
    const QString temp = target.absoluteFilePath() + QStringLiteral(".part");
    const QStringList suffixes{QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".lock")};
    for (const QString& suffix : suffixes)
        QFile::remove(temp + suffix);
    try {
        auto db = Database::open(temp);
        // The reference data is audited as one entry, like other bulk writes.
        db->setAuditing(false);
        applyTo(*db);
        db->setAuditing(true);
        {
            WriteTransaction tx(db->connection());
            AuditLog(*db).append(
                std::nullopt, QStringLiteral("*"), std::nullopt, QString(), QStringLiteral("bulk"),
                QJsonObject{{QStringLiteral("init"), QStringLiteral("new database from a district profile")},
                            {QStringLiteral("towns"), towns.size()},
                            {QStringLiteral("categories"), categories.size()},
                            {QStringLiteral("departments"), departments.size()},
                            {QStringLiteral("calendarDays"), calendar.size()}});
            tx.commit();
        }
        db->checkpoint();
        // One self-contained file (every open switches it back to WAL), as the demo does.
        QSqlDatabase connection = db->connection();
        SqliteDialect::useRollbackJournal(connection);
    } catch (...) {
        for (const QString& suffix : suffixes)
            QFile::remove(temp + suffix);
        throw;
    }
    if (QFileInfo::exists(target.absoluteFilePath()) || !QFile::rename(temp, target.absoluteFilePath())) {
        QFile::remove(temp);
        throw Error(
            QCoreApplication::translate("yg::DistrictProfile", "The new database could not be moved into place at %1.")
                .arg(QDir::toNativeSeparators(target.absoluteFilePath())));
    }
}

} // namespace yg
