#include "EnterprisePage.h"

#include "EnterpriseDialog.h"
#include "IssueTableModel.h"
#include "ListWidgets.h"
#include "TimelineModel.h"
#include "domain/Period.h"
#include "services/EnterpriseService.h"
#include "services/IssueService.h"
#include "storage/CadreRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/VisitQueries.h"
#include "util/Clock.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace yg {

namespace {

QTableView* makeTable(QWidget* parent, const char* name)
{
    auto* t = new QTableView(parent);
    t->setObjectName(QString::fromLatin1(name));
    setUpListTable(t);
    return t;
}

} // namespace

EnterprisePage::EnterprisePage(Database& db, RowId actorId, RowId enterpriseId, QWidget* parent)
    : QWidget(parent), m_db(db), m_actorId(actorId), m_enterpriseId(enterpriseId)
{
    m_actor = actorFor(db, actorId);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    QFont big = m_titleLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_titleLabel->setFont(big);
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailsLabel = new QLabel(this);
    m_detailsLabel->setObjectName(QStringLiteral("detailsLabel"));
    m_detailsLabel->setWordWrap(true);
    m_detailsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_coverageLabel = new QLabel(this);
    m_coverageLabel->setObjectName(QStringLiteral("coverageLabel"));
    m_coverageLabel->setWordWrap(true);
    m_editButton = new QPushButton(tr("&Edit…"), this);
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_editButton->setVisible(EnterpriseService::canEdit(m_actor));
    m_issuesLabel = new QLabel(this);
    m_issuesLabel->setObjectName(QStringLiteral("openIssuesLabel"));
    m_timelineLabel = new QLabel(this);
    m_timelineLabel->setObjectName(QStringLiteral("timelineLabel"));

    IssueFilter open;
    open.enterpriseId = enterpriseId;
    open.openOnly = true;
    m_issueModel = new IssueTableModel(db, m_actor, this, open);
    m_issueTable = makeTable(this, "openIssuesTableView");
    m_issueTable->setModel(m_issueModel);
    m_issueTable->hideColumn(IssueTableModel::Enterprise);
    m_issueTable->hideColumn(IssueTableModel::Town);
    m_issueTable->setColumnWidth(IssueTableModel::Title, 260);

    m_timelineModel = new TimelineModel(db, enterpriseId, IssueService(db).visibilityFor(m_actor), this);
    m_timelineTable = makeTable(this, "timelineTableView");
    m_timelineTable->setModel(m_timelineModel);
    m_timelineTable->setColumnWidth(TimelineModel::Date, 100);
    m_timelineTable->setColumnWidth(TimelineModel::What, 260);
    m_timelineTable->setColumnWidth(TimelineModel::Who, 90);

    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->addWidget(m_titleLabel);
    titles->addWidget(m_detailsLabel);
    titles->addWidget(m_coverageLabel);
    header->addLayout(titles, 1);
    header->addWidget(m_editButton, 0, Qt::AlignTop);

    auto* issuesBox = new QWidget(this);
    auto* issuesLayout = new QVBoxLayout(issuesBox);
    issuesLayout->setContentsMargins(0, 0, 0, 0);
    issuesLayout->addWidget(m_issuesLabel);
    issuesLayout->addWidget(m_issueTable);
    auto* timelineBox = new QWidget(this);
    auto* timelineLayout = new QVBoxLayout(timelineBox);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->addWidget(m_timelineLabel);
    timelineLayout->addWidget(m_timelineTable);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(issuesBox);
    splitter->addWidget(timelineBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    connect(m_issueTable, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        if (index.isValid())
            emit openIssueRequested(index.data(IssueTableModel::IdRole).toLongLong());
    });
    connect(m_timelineTable, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        if (!index.isValid())
            return;
        const RowId id = index.data(TimelineModel::IdRole).toLongLong();
        if (index.data(TimelineModel::KindRole).toInt() == static_cast<int>(TimelineRow::Kind::Issue))
            emit openIssueRequested(id);
        else
            emit openVisitRequested(id);
    });
    connect(m_editButton, &QPushButton::clicked, this, &EnterprisePage::edit);
    showEnterprise();
}

void EnterprisePage::showEnterprise()
{
    const auto e = EnterpriseRepository(m_db).enterprise(m_enterpriseId);
    if (!e) {
        m_titleLabel->setText(tr("This enterprise no longer exists."));
        return;
    }
    setWindowTitle(e->name);
    m_titleLabel->setText(e->name);
    const auto town = ReferenceRepository(m_db).town(e->townId);
    QStringList facts;
    facts << e->creditCode << (town ? town->name : QString());
    QStringList flags;
    if (e->isKey)
        flags << tr("key enterprise");
    if (e->isSmallMicro)
        flags << tr("small or micro enterprise");
    if (e->isNewForm)
        flags << tr("new form of employment");
    if (!flags.isEmpty())
        facts << flags.join(QStringLiteral("、"));
    facts << tr("%n employee(s)", nullptr, e->employees);
    facts << tr("union: %1").arg(displayName(e->unionStatus));
    if (e->assignedCadreId) {
        if (const auto c = CadreRepository(m_db).cadre(*e->assignedCadreId))
            facts << tr("assigned cadre: %1").arg(c->name);
    }
    if (!e->contactPerson.isEmpty() || !e->contactPhone.isEmpty())
        facts << tr("contact: %1").arg((e->contactPerson + QLatin1Char(' ') + e->contactPhone).trimmed());
    m_detailsLabel->setText(facts.join(QStringLiteral("  ·  ")));

    const QDate today = Clock::today();
    const Period quarter = Period::containing(Period::Kind::Quarter, today);
    const Period year = Period::containing(Period::Kind::Year, today);
    VisitQueries queries(m_db);
    const VisitCount q = queries.visitsBetween(m_enterpriseId, quarter.first(), quarter.last());
    const VisitCount y = queries.visitsBetween(m_enterpriseId, year.first(), year.last());
    QString coverage;
    if (e->isKey) {
        coverage = q.visits > 0 ? tr("Key enterprise: covered in %1 (%n visit(s), last on %2).", nullptr,
                                     static_cast<int>(q.visits))
                                      .arg(quarter.toString(), q.last.toString(Qt::ISODate))
                                : tr("Key enterprise: NOT yet visited in %1.").arg(quarter.toString());
        coverage += QLatin1Char(' ');
    }
    coverage += tr("%n visit(s) in %1.", nullptr, static_cast<int>(y.visits)).arg(year.toString());
    m_coverageLabel->setText(coverage);
    m_coverageLabel->setStyleSheet(e->isKey && q.visits == 0 ? QStringLiteral("color: #b3261e; font-weight: bold;")
                                                             : QString());
    m_issuesLabel->setText(tr("Open issues: %1").arg(m_issueModel->totalCount()));
    m_timelineLabel->setText(tr("Visits and issues, newest first: %1").arg(m_timelineModel->totalCount()));
}

QString EnterprisePage::coverageText() const
{
    return m_coverageLabel->text();
}

void EnterprisePage::refresh()
{
    m_issueModel->reload();
    m_timelineModel->reload();
    showEnterprise();
}

void EnterprisePage::edit()
{
    auto* dialog = new EnterpriseDialog(m_db, m_actorId, m_enterpriseId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &EnterprisePage::refresh);
    dialog->open();
}

} // namespace yg
