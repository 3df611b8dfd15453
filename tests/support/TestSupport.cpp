#include "TestSupport.h"

#include "storage/AccountRepository.h"
#include "storage/CadreRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/Sql.h"
#include "storage/WriteTransaction.h"
#include "util/Error.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>

#include <stdexcept>

namespace yg::test {

const char* const kValidCreditCodes[] = {
    "91330100799655058B", // Alibaba (China) Co., Ltd., Hangzhou
    "91350100M000100Y43", // the example printed in GB 32100-2015
    "914403001922038216", // Huawei Technologies Co., Ltd.
    "9144030071526726XG", // Tencent Technology (Shenzhen) Co., Ltd.
    "91110000802100433B", // Beijing Baidu Netcom Science and Technology Co., Ltd.
};
const int kValidCreditCodeCount = 5;

QString errorOf(const std::function<void()>& fn)
{
    try {
        fn();
    } catch (const Error& e) {
        return e.message();
    }
    return {};
}

Cadre cadreWithUsername(Database& db, const QString& username)
{
    const auto account = AccountRepository(db).byUsername(username);
    if (!account)
        throw std::runtime_error("no such demo account");
    return *CadreRepository(db).cadre(account->cadreId);
}

TempDatabase::TempDatabase()
{
    if (!m_dir.isValid())
        throw std::runtime_error("no temporary folder");
    m_path = m_dir.filePath(QStringLiteral("test.yuegong"));
    open();
}

void TempDatabase::open()
{
    m_db = Database::open(m_path);
}

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

QByteArray contentHash(const QSqlDatabase& db, const QStringList& exceptTables)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    QSqlQuery tables = sql::execDirect(
        db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                           "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")); // their shadow tables count
    QList<QString> names;
    while (tables.next()) {
        if (exceptTables.contains(tables.value(0).toString()))
            continue;
        names << tables.value(0).toString();
        h.addData(tables.value(1).toString().toUtf8());
    }
    tables.finish();
    for (const QString& name : names) {
        const QString order = db.record(name).count() > 1 ? QStringLiteral("1, 2") : QStringLiteral("1");
        QSqlQuery rows = sql::execDirect(db, QStringLiteral("SELECT * FROM \"%1\" ORDER BY %2").arg(name, order));
        while (rows.next()) {
            const QSqlRecord r = rows.record();
            for (int i = 0; i < r.count(); ++i) {
                h.addData(rows.value(i).toString().toUtf8());
                h.addData(QByteArrayView("\x1f", 1));
            }
            h.addData(QByteArrayView("\x1e", 1));
        }
    }
    return h.result().toHex();
}

Fixture makeFixture(Database& db)
{
    ReferenceRepository refs(db);
    CadreRepository cadres(db);
    EnterpriseRepository enterprises(db);
    Fixture f;
    WriteTransaction tx(db.connection());
    f.town = Town{{}, QStringLiteral("jishan"), QStringLiteral("稽山街道"), 1};
    refs.insert(f.town);
    f.category = Category{{}, QStringLiteral("wage_dispute"), QStringLiteral("欠薪与劳动争议"), 5, 1};
    refs.insert(f.category);
    f.department = Department{{}, QStringLiteral("区人力资源和社会保障局"), 1};
    refs.insert(f.department);
    f.supervisor.name = QStringLiteral("沈国平");
    f.supervisor.role = Role::Supervisor;
    f.supervisor.activeFrom = QDate(2023, 4, 1);
    cadres.insert(f.supervisor);
    f.group = CadreGroup{{}, QStringLiteral("第一联络组"), f.supervisor.meta.id};
    cadres.insert(f.group);
    f.cadre.name = QStringLiteral("王建国");
    f.cadre.role = Role::Cadre;
    f.cadre.groupId = f.group.meta.id;
    f.cadre.townIds = {f.town.meta.id};
    f.cadre.activeFrom = QDate(2023, 4, 1);
    f.cadre.weeklyQuota = 4;
    f.cadre.resident = true;
    cadres.insert(f.cadre);
    f.enterprise.name = QStringLiteral("绍兴越州纺织有限公司");
    f.enterprise.creditCode = QString::fromLatin1(kValidCreditCodes[0]);
    f.enterprise.townId = f.town.meta.id;
    f.enterprise.employees = 120;
    f.enterprise.isKey = true;
    f.enterprise.unionStatus = UnionStatus::Established;
    f.enterprise.unionMembers = 100;
    f.enterprise.assignedCadreId = f.cadre.meta.id;
    enterprises.insert(f.enterprise);
    tx.commit();
    return f;
}

} // namespace yg::test

#include <zlib.h>

namespace yg::test {

QByteArray zipEntry(const QString& zipPath, const QString& entryName)
{
    QFile f(zipPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray zip = f.readAll();
    auto u16 = [&](qsizetype at) { return quint16(uchar(zip[at])) | quint16(uchar(zip[at + 1])) << 8; };
    auto u32 = [&](qsizetype at) { return quint32(u16(at)) | quint32(u16(at + 2)) << 16; };
    // The end-of-central-directory record, then the central directory's entries.
    const qsizetype eocd = zip.lastIndexOf(QByteArray("PK\x05\x06", 4));
    if (eocd < 0)
        return {};
    qsizetype at = u32(eocd + 16);
    for (int i = 0, n = u16(eocd + 10); i < n && zip.mid(at, 4) == QByteArray("PK\x01\x02", 4); ++i) {
        const quint16 method = u16(at + 10);
        const quint32 compressed = u32(at + 20);
        const quint32 size = u32(at + 24);
        const quint16 nameLength = u16(at + 28);
        const qsizetype next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
        const QByteArray name = zip.mid(at + 46, nameLength);
        if (name == entryName.toUtf8()) {
            const qsizetype local = u32(at + 42);
            const qsizetype data = local + 30 + u16(local + 26) + u16(local + 28);
            const QByteArray raw = zip.mid(data, compressed);
            if (method == 0)
                return raw;
            QByteArray out(qsizetype(size), '\0');
            z_stream s{};
            s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.constData()));
            s.avail_in = uInt(raw.size());
            s.next_out = reinterpret_cast<Bytef*>(out.data());
            s.avail_out = uInt(out.size());
            if (inflateInit2(&s, -MAX_WBITS) != Z_OK)
                return {};
            const int rc = inflate(&s, Z_FINISH);
            inflateEnd(&s);
            return rc == Z_STREAM_END ? out : QByteArray();
        }
        at = next;
    }
    return {};
}

} // namespace yg::test

namespace yg::test {

EnterpriseFilter textFilter(const QString& text)
{
    EnterpriseFilter f;
    f.text = text;
    return f;
}

EnterpriseFilter keyOnlyFilter()
{
    EnterpriseFilter f;
    f.keyOnly = true;
    return f;
}

} // namespace yg::test
