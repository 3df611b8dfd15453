#include "ReportExport.h"

#include "util/Error.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace yg {

namespace {

QString number(const std::optional<qint64>& v)
{
    return v ? QString::number(*v) : QStringLiteral("—");
}

QString days(const std::optional<double>& v)
{
    return v ? QString::number(*v, 'f', 1) : QStringLiteral("—");
}

QString cell(QString v)
{
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')))
        v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return v;
}

void writeCsv(const QString& path, const QList<QStringList>& rows)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        throw Error(
            QCoreApplication::translate("yg::ReportExport", "%1 cannot be written: %2").arg(path, f.errorString()));
    f.write("\xEF\xBB\xBF");
    for (const QStringList& row : rows) {
        QStringList cells;
        for (const QString& c : row)
            cells << cell(c);
        f.write(cells.join(QLatin1Char(',')).toUtf8() + "\r\n");
    }
    if (!f.commit())
        throw Error(
            QCoreApplication::translate("yg::ReportExport", "%1 cannot be written: %2").arg(path, f.errorString()));
}

QList<QStringList> breakdownRows(const QList<ReportBreakdownRow>& rows, const QString& keyHeader)
{
    QList<QStringList> out{{keyHeader, QCoreApplication::translate("yg::ReportExport", "Visits"),
                            QCoreApplication::translate("yg::ReportExport", "Issues collected"),
                            QCoreApplication::translate("yg::ReportExport", "Resolved"),
                            QCoreApplication::translate("yg::ReportExport", "Resolution rate")}};
    for (const ReportBreakdownRow& r : rows) {
        out.append({r.label, number(r.visits), QString::number(r.collected), QString::number(r.resolved),
                    Rate{r.resolved, r.collected}.percentText()});
    }
    return out;
}

} // namespace

QList<QStringList> reportFigureRows(const Report& report)
{
    const ReportFigures& c = report.current;
    const ReportFigures& p = report.previous;
    auto row = [](const QString& label, const QString& a, const QString& b) { return QStringList{label, a, b}; };
    return {
        row(QCoreApplication::translate("yg::ReportExport", "Figure"),
            QCoreApplication::translate("yg::ReportExport", "This period (%1 to %2)")
                .arg(c.from.toString(Qt::ISODate), c.to.toString(Qt::ISODate)),
            QCoreApplication::translate("yg::ReportExport", "Previous period (%1 to %2)")
                .arg(p.from.toString(Qt::ISODate), p.to.toString(Qt::ISODate))),
        row(QCoreApplication::translate("yg::ReportExport", "Visits (家次)"), number(c.counts.visits),
            number(p.counts.visits)),
        row(QCoreApplication::translate("yg::ReportExport", "Enterprises visited"), number(c.counts.enterprisesVisited),
            number(p.counts.enterprisesVisited)),
        row(QCoreApplication::translate("yg::ReportExport", "Key-enterprise coverage"), c.coverage.percentText(),
            p.coverage.percentText()),
        row(QCoreApplication::translate("yg::ReportExport", "Issues collected"), QString::number(c.counts.collected),
            QString::number(p.counts.collected)),
        row(QCoreApplication::translate("yg::ReportExport", "Resolved"), QString::number(c.counts.resolved),
            QString::number(p.counts.resolved)),
        row(QCoreApplication::translate("yg::ReportExport", "Resolution rate (化解率)"), c.resolution.percentText(),
            p.resolution.percentText()),
        row(QCoreApplication::translate("yg::ReportExport", "Closed unresolved"), QString::number(c.counts.unresolved),
            QString::number(p.counts.unresolved)),
        row(QCoreApplication::translate("yg::ReportExport", "Withdrawn"), QString::number(c.counts.withdrawn),
            QString::number(p.counts.withdrawn)),
        row(QCoreApplication::translate("yg::ReportExport", "Open"), QString::number(c.counts.open),
            QString::number(p.counts.open)),
        row(QCoreApplication::translate("yg::ReportExport", "Overdue"), QString::number(c.counts.overdue),
            QString::number(p.counts.overdue)),
        row(QCoreApplication::translate("yg::ReportExport", "Closed within the due date"), c.withinDue.percentText(),
            p.withinDue.percentText()),
        row(QCoreApplication::translate("yg::ReportExport", "Average working days to close"),
            days(c.counts.averageDaysToClose), days(p.counts.averageDaysToClose)),
        row(QCoreApplication::translate("yg::ReportExport", "Median working days to close"),
            days(c.counts.medianDaysToClose), days(p.counts.medianDaysToClose)),
        row(QCoreApplication::translate("yg::ReportExport", "Follow-ups satisfied or basically satisfied"),
            c.satisfaction.percentText(), p.satisfaction.percentText()),
        row(QCoreApplication::translate("yg::ReportExport", "Returns by departments"),
            QString::number(c.counts.departmentReturns), QString::number(p.counts.departmentReturns)),
        row(QCoreApplication::translate("yg::ReportExport", "Cadre-weeks meeting the visit quota"),
            c.quotaMet.percentText(), p.quotaMet.percentText()),
    };
}

QStringList writeReportCsv(const Report& report, const QString& path)
{
    const QFileInfo info(path);
    const QString base = info.path() + QLatin1Char('/') + info.completeBaseName();
    const QString ext = info.suffix().isEmpty() ? QStringLiteral("csv") : info.suffix();
    const QStringList files{path, base + QStringLiteral("-by-town.") + ext,
                            base + QStringLiteral("-by-category.") + ext, base + QStringLiteral("-by-cadre.") + ext,
                            base + QStringLiteral("-by-month.") + ext};
    writeCsv(files[0], reportFigureRows(report));
    writeCsv(files[1], breakdownRows(report.byTown, QCoreApplication::translate("yg::ReportExport", "Town")));
    writeCsv(files[2], breakdownRows(report.byCategory, QCoreApplication::translate("yg::ReportExport", "Category")));
    writeCsv(files[3], breakdownRows(report.byCadre, QCoreApplication::translate("yg::ReportExport", "Cadre")));
    writeCsv(files[4], breakdownRows(report.byMonth, QCoreApplication::translate("yg::ReportExport", "Month")));
    return files;
}

} // namespace yg
