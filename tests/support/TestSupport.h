#pragma once

#include "domain/Entities.h"
#include "storage/Database.h"
#include "storage/EnterpriseRepository.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

#include <ostream>

// Readable values in GoogleTest failure messages.
inline void PrintTo(const QDate& d, std::ostream* os)
{
    *os << (d.isValid() ? d.toString(Qt::ISODate).toStdString() : std::string("(no date)"));
}
inline void PrintTo(const QString& s, std::ostream* os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace yg::test {

/** A temporary folder with a fresh YueGong database in it, removed afterwards. */
class TempDatabase
{
public:
    TempDatabase();
    QString path() const { return m_path; }
    QString dir() const { return m_dir.path(); }
    Database& db() { return *m_db; }
    /** Closes the database (releases the lock); open() reopens it. */
    void close() { m_db.reset(); }
    void open();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_db;
};

/** SHA-256 of a file's bytes (to prove a file was left untouched). */
QByteArray fileHash(const QString& path);

/**
 * SHA-256 over every row of every table (ordered by rowid / primary key) plus the schema:
 * equal hashes mean equal content.
 */
QByteArray contentHash(const QSqlDatabase& db, const QStringList& exceptTables = {});

/** Minimal valid reference data for repository tests: one town, category, department. */
struct Fixture
{
    Town town;
    Category category;
    Department department;
    CadreGroup group;
    Cadre cadre;
    Cadre supervisor;
    Enterprise enterprise;
};
Fixture makeFixture(Database& db);

/** The message of the yg::Error that fn throws, or empty if it throws none. */
QString errorOf(const std::function<void()>& fn);

/** The cadre with this user name (demo accounts: admin, staff1, supervisor1, cadre01, ...). */
Cadre cadreWithUsername(Database& db, const QString& username);

/** Real, valid credit codes for tests (their check characters verified by GB 32100). */
extern const char* const kValidCreditCodes[];
extern const int kValidCreditCodeCount;

} // namespace yg::test

namespace yg::test {

/** The bytes of one entry of a ZIP file (stored or deflated), e.g. "xl/worksheets/sheet1.xml"; empty if absent. */
QByteArray zipEntry(const QString& zipPath, const QString& entryName);

} // namespace yg::test

namespace yg::test {

/** Enterprise-list filters for tests (set field by field: aggregate initialisers warn as the filter grows). */
EnterpriseFilter textFilter(const QString& text);
EnterpriseFilter keyOnlyFilter();

} // namespace yg::test
