#include "Migrator.h"

#include "storage/AuditedSteps.h"
#include "storage/Sql.h"
#include "storage/SqliteDialect.h"
#include "storage/WriteTransaction.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <spdlog/spdlog.h>

namespace yg {

namespace {

/** The version from which every step has an audit entry or a seal (migration 14). */
constexpr int kStepsAuditedFrom = 14;

QList<MigrationStep> loadSteps()
{
    static const QRegularExpression nameRe(QStringLiteral("^(\\d{3})_([a-z0-9_]+)\\.sql$"));
    QList<MigrationStep> steps;
    const QDir dir(SqliteDialect::migrationsDirectory());
    for (const QString& file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto m = nameRe.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            throw Error(QStringLiteral("built-in migration %1 cannot be read").arg(file));
        steps.append({m.captured(1).toInt(), m.captured(2), QString::fromUtf8(f.readAll())});
    }
    for (int i = 0; i < steps.size(); ++i) {
        if (steps[i].version != i + 1)
            throw Error(QStringLiteral("built-in migrations have a gap before version %1").arg(steps[i].version));
    }
    return steps;
}

} // namespace

const QList<MigrationStep>& Migrator::builtInSteps()
{
    static const QList<MigrationStep> steps = loadSteps();
    return steps;
}

int Migrator::latestVersion()
{
    return static_cast<int>(builtInSteps().size());
}

void Migrator::migrate(QSqlDatabase& db, const QList<MigrationStep>& steps, int target)
{
    const int from = SqliteDialect::schemaVersion(db);
    if (from >= target)
        return;
    spdlog::info("upgrading schema from version {} to {}", from, target);
    WriteTransaction tx(db);
    if (from == 0)
        SqliteDialect::setApplicationId(db, SqliteDialect::kApplicationId);
    for (const MigrationStep& step : steps) {
        if (step.version <= from || step.version > target)
            continue;
        for (const QString& statement : splitScript(step.script)) {
            try {
                sql::execDirect(db, statement);
            } catch (const Error& e) {
                throw Error(QCoreApplication::translate("yg::Database",
                                                        "Upgrading the database to version %1 (%2) failed; "
                                                        "nothing was changed. %3")
                                .arg(step.version)
                                .arg(step.name, e.message()));
            }
        }
    }
    // Steps written before version 14 without an audit entry of their own (a demo district,
    // a spreadsheet import) are sealed once, so that check finds any later edit of them.
    if (from > 0 && from < kStepsAuditedFrom && target >= kStepsAuditedFrom)
        AuditedSteps(db).sealUnaudited(std::nullopt, QStringLiteral("upgrade to version %1").arg(kStepsAuditedFrom));
    SqliteDialect::setSchemaVersion(db, target);
    tx.commit();
}

QStringList Migrator::splitScript(const QString& script)
{
    QStringList out;
    QString current;
    const qsizetype n = script.size();
    int depth = 0; // BEGIN ... END nesting inside CREATE TRIGGER
    auto flushWord = [&](QStringView word) {
        if (word.compare(QLatin1String("BEGIN"), Qt::CaseInsensitive) == 0) {
            // A trigger body; a BEGIN TRANSACTION statement on its own is not nesting.
            if (current.simplified().startsWith(QLatin1String("CREATE"), Qt::CaseInsensitive))
                ++depth;
        } else if (word.compare(QLatin1String("CASE"), Qt::CaseInsensitive) == 0 && depth > 0) {
            ++depth; // CASE ... END inside a trigger body
        } else if (word.compare(QLatin1String("END"), Qt::CaseInsensitive) == 0 && depth > 0) {
            --depth;
        }
    };
    qsizetype wordStart = -1;
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script.at(i);
        const bool wordChar = c.isLetterOrNumber() || c == QLatin1Char('_');
        if (wordChar && wordStart < 0)
            wordStart = current.size();
        if (!wordChar && wordStart >= 0) {
            flushWord(QStringView(current).mid(wordStart));
            wordStart = -1;
        }
        if (c == QLatin1Char('-') && i + 1 < n && script.at(i + 1) == QLatin1Char('-')) {
            while (i < n && script.at(i) != QLatin1Char('\n'))
                ++i;
            current += QLatin1Char('\n');
            continue;
        }
        if (c == QLatin1Char('/') && i + 1 < n && script.at(i + 1) == QLatin1Char('*')) {
            i += 2;
            while (i + 1 < n && !(script.at(i) == QLatin1Char('*') && script.at(i + 1) == QLatin1Char('/')))
                ++i;
            ++i;
            current += QLatin1Char(' ');
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            current += c;
            ++i;
            while (i < n) {
                current += script.at(i);
                if (script.at(i) == c) {
                    if (i + 1 < n && script.at(i + 1) == c) { // doubled quote
                        current += script.at(++i);
                    } else {
                        break;
                    }
                }
                ++i;
            }
            continue;
        }
        if (c == QLatin1Char(';') && depth == 0) {
            const QString s = current.trimmed();
            if (!s.isEmpty())
                out.append(s);
            current.clear();
            continue;
        }
        current += c;
    }
    if (wordStart >= 0)
        flushWord(QStringView(current).mid(wordStart));
    const QString tail = current.trimmed();
    if (!tail.isEmpty())
        out.append(tail);
    return out;
}

} // namespace yg
