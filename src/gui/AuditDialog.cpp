#include "AuditDialog.h"
#include "ui_AuditDialog.h"

#include "services/AdminService.h"
#include "storage/AuditLog.h"
#include "storage/CadreRepository.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>

namespace yg {

AuditTableModel::AuditTableModel(Database& db, const Cadre& actor, QObject* parent)
    : PagedTableModel<AuditEntry>(parent), m_db(db), m_actor(actor)
{
    reload();
}

int AuditTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 AuditTableModel::queryCount()
{
    return AdminService(m_db).auditCount(m_actor, m_filter);
}

QList<AuditEntry> AuditTableModel::queryWindow(int offset, int limit)
{
    return AdminService(m_db).auditEntries(m_actor, m_filter, offset, limit);
}

void AuditTableModel::setFilter(const AuditFilter& filter)
{
    m_filter = filter;
    reload();
}

QVariant AuditTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry& e = rowAt(index.row());
    if (role == Qt::ToolTipRole && index.column() == Changes)
        return AdminService::describeChanges(e.changes);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return e.at.toTimeZone(Clock::districtZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case User:
        return e.actorId ? e.actorName : tr("system");
    case Record:
        if (e.table == QLatin1String("*"))
            return tr("whole database");
        return e.table + QStringLiteral(" #") + (e.recordId ? QString::number(*e.recordId) : e.recordUuid);
    case Action:
        return e.action;
    case Changes:
        return AdminService::describeChanges(e.changes);
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case User:
        return tr("User");
    case Record:
        return tr("Record");
    case Action:
        return tr("Action");
    case Changes:
        return tr("Changes (old → new)");
    default:
        return {};
    }
}

AuditDialog::AuditDialog(Database& db, const Cadre& actor, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::AuditDialog>()), m_db(db), m_actor(actor)
{
    m_ui->setupUi(this);
    m_ui->tableComboBox->addItem(tr("All records"));
    const struct
    {
        const char* table;
        const char* name;
    } tables[] = {{"issues", QT_TR_NOOP("Issues")},
                  {"issue_events", QT_TR_NOOP("Issue steps")},
                  {"visits", QT_TR_NOOP("Visits")},
                  {"enterprises", QT_TR_NOOP("Enterprises")},
                  {"cadres", QT_TR_NOOP("People and accounts")},
                  {"calendar_days", QT_TR_NOOP("Calendar")},
                  {"settings", QT_TR_NOOP("Settings")},
                  {"categories", QT_TR_NOOP("Categories")}};
    for (const auto& t : tables)
        m_ui->tableComboBox->addItem(tr(t.name), QLatin1String(t.table));
    m_ui->userComboBox->addItem(tr("Everyone"));
    for (const Cadre& c : CadreRepository(db).cadres())
        m_ui->userComboBox->addItem(c.name, c.meta.id);
    const QDate today = Clock::today();
    m_ui->fromDateEdit->setDate(today.addYears(-5));
    m_ui->toDateEdit->setDate(today);
    m_model = new AuditTableModel(db, actor, this);
    m_ui->auditTableView->setModel(m_model);
    m_ui->auditTableView->setColumnWidth(AuditTableModel::Time, 150);
    m_ui->auditTableView->setColumnWidth(AuditTableModel::Record, 160);
    connect(m_ui->tableComboBox, &QComboBox::currentIndexChanged, this, &AuditDialog::applyFilter);
    connect(m_ui->userComboBox, &QComboBox::currentIndexChanged, this, &AuditDialog::applyFilter);
    connect(m_ui->recordLineEdit, &QLineEdit::textChanged, this, &AuditDialog::applyFilter);
    connect(m_ui->fromDateEdit, &QDateEdit::dateChanged, this, &AuditDialog::applyFilter);
    connect(m_ui->toDateEdit, &QDateEdit::dateChanged, this, &AuditDialog::applyFilter);
    connect(m_ui->exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export audit trail"), QStringLiteral("audit.csv"),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    applyFilter();
    const RowId broken = AuditLog(db).firstBrokenEntry();
    m_ui->chainLabel->setText(broken == 0
                                  ? tr("The chain of entries is intact.")
                                  : tr("Warning: entry %1 does not match the chain; the trail was changed outside "
                                       "the app.")
                                        .arg(broken));
}

AuditDialog::~AuditDialog() = default;

void AuditDialog::applyFilter()
{
    AuditFilter f;
    f.table = m_ui->tableComboBox->currentData().toString();
    bool isNumber = false;
    const RowId record = m_ui->recordLineEdit->text().trimmed().toLongLong(&isNumber);
    if (isNumber && record > 0)
        f.recordId = record;
    if (m_ui->userComboBox->currentData().isValid())
        f.actorId = m_ui->userComboBox->currentData().toLongLong();
    f.from = m_ui->fromDateEdit->date();
    f.to = m_ui->toDateEdit->date();
    m_model->setFilter(f);
    m_ui->countLabel->setText(tr("%n entries", nullptr, static_cast<int>(m_model->totalCount())));
}

void AuditDialog::setFilterControls(const QString& table, std::optional<RowId> record, std::optional<RowId> user)
{
    m_ui->tableComboBox->setCurrentIndex(std::max(0, m_ui->tableComboBox->findData(table)));
    m_ui->recordLineEdit->setText(record ? QString::number(*record) : QString());
    m_ui->userComboBox->setCurrentIndex(user ? std::max(0, m_ui->userComboBox->findData(*user)) : 0);
}

qint64 AuditDialog::exportTo(const QString& path)
{
    try {
        return AdminService(m_db).exportAudit(m_actor, m_model->filter(), path);
    } catch (const Error& e) {
        QMessageBox::warning(this, tr("Export audit trail"), e.message());
        return -1;
    }
}

} // namespace yg
