#include "SharedNeedsPanel.h"

#include "BriefingDialog.h"
#include "ListWidgets.h"
#include "services/Permissions.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace yg {

namespace {

QTableWidget* table(const QString& name, const QStringList& headers, QWidget* parent)
{
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QTableWidgetItem* item(const QString& text, RowId id = 0)
{
    auto* i = new QTableWidgetItem(text);
    if (id)
        i->setData(Qt::UserRole, id);
    return i;
}

QTableWidgetItem* number(int n)
{
    auto* i = new QTableWidgetItem;
    i->setData(Qt::DisplayRole, n);
    i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return i;
}

} // namespace

SharedNeedsPanel::SharedNeedsPanel(Database& db, RowId actorId, QWidget* parent)
    : QWidget(parent), m_db(db), m_actor(actorFor(db, actorId))
{
    setObjectName(QStringLiteral("SharedNeedsPanel"));
    auto* layout = new QVBoxLayout(this);
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setWordWrap(true);
    layout->addWidget(m_summaryLabel);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("sharedNeedsErrorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_alertsTable = table(
        QStringLiteral("alertsTableWidget"),
        {tr("Category"), tr("Shared wording"), tr("Town"), tr("Issues"), tr("Enterprises"), tr("Note")}, splitter);
    m_alertsTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    splitter->addWidget(m_alertsTable);

    auto* details = new QWidget(splitter);
    auto* detailsLayout = new QHBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_enterprisesTable = table(QStringLiteral("alertEnterprisesTableWidget"),
                               {tr("Enterprise"), tr("Town"), tr("Small/micro")}, details);
    m_enterprisesTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    detailsLayout->addWidget(m_enterprisesTable, 2);
    auto* issuesBox = new QWidget(details);
    auto* issuesLayout = new QVBoxLayout(issuesBox);
    issuesLayout->setContentsMargins(0, 0, 0, 0);
    m_issuesTable = table(QStringLiteral("alertIssuesTableWidget"),
                          {tr("Number"), tr("Title"), tr("Enterprise"), tr("Stage")}, issuesBox);
    m_issuesTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_issuesTable->horizontalHeader()->setStretchLastSection(false);
    issuesLayout->addWidget(m_issuesTable);
    m_hiddenLabel = new QLabel(issuesBox);
    m_hiddenLabel->setWordWrap(true);
    issuesLayout->addWidget(m_hiddenLabel);
    detailsLayout->addWidget(issuesBox, 3);
    splitter->addWidget(details);

    auto* briefings = new QWidget(splitter);
    auto* briefingsLayout = new QVBoxLayout(briefings);
    briefingsLayout->setContentsMargins(0, 0, 0, 0);
    briefingsLayout->addWidget(new QLabel(tr("Policy briefings planned from alerts"), briefings));
    m_briefingsTable =
        table(QStringLiteral("briefingsTableWidget"),
              {tr("Date"), tr("Host enterprise"), tr("Enterprises"), tr("Issues"), tr("Still open")}, briefings);
    m_briefingsTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    briefingsLayout->addWidget(m_briefingsTable);
    splitter->addWidget(briefings);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    layout->addWidget(splitter, 1);

    auto* buttons = new QHBoxLayout;
    m_planButton = new QPushButton(tr("Plan &briefing…"), this);
    m_planButton->setObjectName(QStringLiteral("planBriefingButton"));
    m_dismissButton = new QPushButton(tr("&Dismiss…"), this);
    m_dismissButton->setObjectName(QStringLiteral("dismissAlertButton"));
    m_applyButton = new QPushButton(tr("Apply &outcome…"), this);
    m_applyButton->setObjectName(QStringLiteral("applyOutcomeButton"));
    auto* refreshButton = new QPushButton(tr("&Refresh"), this);
    buttons->addWidget(m_planButton);
    buttons->addWidget(m_dismissButton);
    buttons->addStretch(1);
    buttons->addWidget(m_applyButton);
    buttons->addWidget(refreshButton);
    layout->addLayout(buttons);

    if (!Permissions::can(m_actor.role, Capability::CreateVisit)) {
        m_planButton->setToolTip(Permissions::refusal(m_actor, Capability::CreateVisit));
        m_applyButton->setToolTip(m_planButton->toolTip());
    }
    if (!Permissions::can(m_actor.role, Capability::DismissSharedNeeds))
        m_dismissButton->setToolTip(Permissions::refusal(m_actor, Capability::DismissSharedNeeds));

    connect(m_alertsTable, &QTableWidget::itemSelectionChanged, this, &SharedNeedsPanel::showDetails);
    connect(m_enterprisesTable, &QTableWidget::itemDoubleClicked, this, [this](QTableWidgetItem* i) {
        emit openEnterpriseRequested(m_enterprisesTable->item(i->row(), 0)->data(Qt::UserRole).toLongLong());
    });
    connect(m_issuesTable, &QTableWidget::itemDoubleClicked, this, [this](QTableWidgetItem* i) {
        emit openIssueRequested(m_issuesTable->item(i->row(), 0)->data(Qt::UserRole).toLongLong());
    });
    connect(m_planButton, &QPushButton::clicked, this, [this] {
        if (BriefingDialog* d = planBriefing())
            d->show();
    });
    connect(m_dismissButton, &QPushButton::clicked, this, &SharedNeedsPanel::askDismiss);
    connect(m_applyButton, &QPushButton::clicked, this, [this] {
        const int row = m_briefingsTable->currentRow();
        if (row >= 0)
            applyOutcome(m_briefingsTable->item(row, 0)->data(Qt::UserRole).toLongLong())->show();
    });
    connect(m_briefingsTable, &QTableWidget::itemSelectionChanged, this, [this] {
        m_applyButton->setEnabled(Permissions::can(m_actor.role, Capability::CreateVisit) &&
                                  m_briefingsTable->currentRow() >= 0);
    });
    connect(refreshButton, &QPushButton::clicked, this, &SharedNeedsPanel::refresh);
    // Detection reads a province's open issues for seconds: every detection runs on a worker
    // thread (its own read-only connection) so the window stays responsive.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1); // one worker thread, one read-only connection for the panel's life
    connect(&m_watcher, &QFutureWatcher<Detected>::finished, this, [this] {
        const Detected d = m_watcher.result();
        present(d.alerts, d.error);
        m_busy = false;
        if (m_again)
            startDetection(); // something changed while it ran
    });
    startDetection();
}

void SharedNeedsPanel::startDetection()
{
    m_busy = true;
    m_again = false;
    showSummary();
    m_errorLabel->setText(tr("Looking for shared needs…"));
    m_errorLabel->show();
    Database* database = &m_db;
    const Cadre actor = m_actor;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [database, actor] {
        Detected d;
        try {
            d.alerts = SharedNeedService(*database).alerts(actor);
        } catch (const Error& e) {
            d.error = e.message();
        } catch (const std::exception& e) {
            spdlog::error("shared-need detection failed: {}", e.what());
            d.error = QCoreApplication::translate("yg::SharedNeedsPanel",
                                                  "Shared needs could not be looked for; the log file says why.");
        }
        return d;
    }));
}

SharedNeedsPanel::~SharedNeedsPanel()
{
    m_watcher.waitForFinished();
}

bool SharedNeedsPanel::waitForAlerts(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_busy && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_busy;
}

void SharedNeedsPanel::refresh()
{
    if (m_busy) {
        m_again = true; // one more when the running one is done
        return;
    }
    startDetection();
}

void SharedNeedsPanel::showSummary()
{
    const SharedNeedSettings s = SharedNeedService(m_db).settings();
    m_summaryLabel->setText(
        tr("An alert is raised when at least %1 issues of one category that share a wording come from at least %2 "
           "enterprises, open or received in the last %3 days (%4). Issues answered by a briefing leave it.")
            .arg(s.minIssues)
            .arg(s.minEnterprises)
            .arg(s.periodDays)
            .arg(s.byTown ? tr("district-wide and in each town") : tr("district-wide")));
}

void SharedNeedsPanel::present(const QList<SharedNeedAlert>& alerts, const QString& error)
{
    SharedNeedService service(m_db);
    const QString selectedKey =
        m_alertsTable->currentRow() >= 0 ? m_alerts.value(m_alertsTable->currentRow()).key : QString();
    QList<BriefingRow> briefings;
    m_alerts = alerts;
    if (error.isEmpty()) {
        try {
            briefings = service.briefings(m_actor);
            m_errorLabel->hide();
        } catch (const Error& e) {
            m_errorLabel->setText(e.message());
            m_errorLabel->show();
        }
    } else {
        m_errorLabel->setText(error);
        m_errorLabel->show();
    }
    m_alertsTable->setRowCount(static_cast<int>(m_alerts.size()));
    int select = m_alerts.isEmpty() ? -1 : 0;
    for (int row = 0; row < m_alerts.size(); ++row) {
        const SharedNeedAlert& a = m_alerts[row];
        m_alertsTable->setItem(row, 0, item(a.categoryName));
        m_alertsTable->setItem(row, 1, item(a.wording));
        m_alertsTable->setItem(row, 2, item(a.townId ? a.townName : tr("District")));
        m_alertsTable->setItem(row, 3, number(a.issueCount()));
        m_alertsTable->setItem(row, 4, number(a.enterpriseCount()));
        m_alertsTable->setItem(
            row, 5,
            item(a.dismissal ? tr("Dismissed on %1 by %2 at %3 issues / %4 enterprises (%5); it has grown since")
                                   .arg(a.dismissal->dismissedOn.toString(Qt::ISODate), a.dismissal->dismissedByName)
                                   .arg(a.dismissal->issueCount)
                                   .arg(a.dismissal->enterpriseCount)
                                   .arg(a.dismissal->reason)
                             : QString()));
        if (a.key == selectedKey)
            select = row;
    }
    m_alertsTable->resizeColumnToContents(0);
    m_alertsTable->resizeColumnToContents(2);
    m_briefingsTable->setRowCount(static_cast<int>(briefings.size()));
    for (int row = 0; row < briefings.size(); ++row) {
        const BriefingRow& b = briefings[row];
        m_briefingsTable->setItem(row, 0, item(b.date.toString(Qt::ISODate), b.visitId));
        m_briefingsTable->setItem(row, 1, item(b.hostName));
        m_briefingsTable->setItem(row, 2, number(b.enterprises));
        m_briefingsTable->setItem(row, 3, number(b.issues));
        m_briefingsTable->setItem(row, 4, number(b.openIssues));
    }
    m_applyButton->setEnabled(false);
    selectAlert(select);
    showDetails();
    emit alertCountChanged(static_cast<int>(m_alerts.size()));
}

void SharedNeedsPanel::selectAlert(int row)
{
    if (row < 0 || row >= m_alertsTable->rowCount()) {
        m_alertsTable->clearSelection();
        m_alertsTable->setCurrentCell(-1, -1);
        return;
    }
    m_alertsTable->selectRow(row);
}

void SharedNeedsPanel::showDetails()
{
    const int row = m_alertsTable->currentRow();
    const bool any = row >= 0 && row < m_alerts.size();
    m_planButton->setEnabled(any && Permissions::can(m_actor.role, Capability::CreateVisit));
    m_dismissButton->setEnabled(any && Permissions::can(m_actor.role, Capability::DismissSharedNeeds));
    m_enterprisesTable->setRowCount(0);
    m_issuesTable->setRowCount(0);
    m_hiddenLabel->clear();
    if (!any)
        return;
    SharedNeedService service(m_db);
    const SharedNeedAlert& a = m_alerts[row];
    const auto enterprises = service.enterprisesOf(a);
    m_enterprisesTable->setRowCount(static_cast<int>(enterprises.size()));
    for (int r = 0; r < enterprises.size(); ++r) {
        m_enterprisesTable->setItem(r, 0, item(enterprises[r].name, enterprises[r].id));
        m_enterprisesTable->setItem(r, 1, item(enterprises[r].townName));
        m_enterprisesTable->setItem(r, 2, item(enterprises[r].smallMicro ? tr("yes") : QString()));
    }
    m_enterprisesTable->resizeColumnToContents(1);
    const auto issues = service.issuesOf(m_actor, a);
    m_issuesTable->setRowCount(static_cast<int>(issues.size()));
    for (int r = 0; r < issues.size(); ++r) {
        m_issuesTable->setItem(r, 0, item(issues[r].number, issues[r].id));
        m_issuesTable->setItem(r, 1, item(issues[r].title));
        m_issuesTable->setItem(r, 2, item(issues[r].enterpriseName));
        m_issuesTable->setItem(r, 3, item(displayName(issues[r].stage)));
    }
    m_issuesTable->resizeColumnToContents(0);
    m_issuesTable->resizeColumnToContents(1);
    m_issuesTable->resizeColumnToContents(3);
    if (issues.size() < a.issueCount())
        m_hiddenLabel->setText(
            tr("%1 more issues belong to other groups and are not shown to you.").arg(a.issueCount() - issues.size()));
}

bool SharedNeedsPanel::dismissSelected(const QString& reason)
{
    const int row = m_alertsTable->currentRow();
    if (row < 0 || row >= m_alerts.size())
        return false;
    try {
        SharedNeedService(m_db).dismiss(m_actor, m_alerts[row], reason);
    } catch (const Error& e) {
        m_errorLabel->setText(e.message());
        m_errorLabel->show();
        return false;
    }
    refresh();
    return true;
}

void SharedNeedsPanel::askDismiss()
{
    const int row = m_alertsTable->currentRow();
    if (row < 0 || row >= m_alerts.size())
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Dismiss alert"),
        tr("Why is \"%1\" (%2 issues) not a shared need to act on? It comes back only if it grows.")
            .arg(m_alerts[row].wording)
            .arg(m_alerts[row].issueCount()),
        QLineEdit::Normal, QString(), &ok);
    if (ok)
        dismissSelected(reason);
}

BriefingDialog* SharedNeedsPanel::planBriefing()
{
    const int row = m_alertsTable->currentRow();
    if (row < 0 || row >= m_alerts.size())
        return nullptr;
    auto* dialog = new BriefingDialog(m_db, m_actor, m_alerts[row], this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BriefingDialog::changed, this, &SharedNeedsPanel::refresh);
    return dialog;
}

BriefingDialog* SharedNeedsPanel::applyOutcome(RowId visitId)
{
    auto* dialog = new BriefingDialog(m_db, m_actor, visitId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BriefingDialog::changed, this, &SharedNeedsPanel::refresh);
    return dialog;
}

SharedNeedBanner::SharedNeedBanner(Database& db, RowId actorId, QWidget* parent, bool detectNow)
    : QLabel(parent), m_db(db), m_actor(actorFor(db, actorId))
{
    setObjectName(QStringLiteral("SharedNeedBanner"));
    setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; border: 1px solid #e0c060; padding: 4px 8px; }"));
    setTextFormat(Qt::RichText);
    connect(this, &QLabel::linkActivated, this, [this] { emit showRequested(); });
    if (detectNow)
        refresh();
    else
        setCount(0);
}

void SharedNeedBanner::refresh()
{
    if (!Permissions::can(m_actor.role, Capability::SharedNeeds)) {
        setCount(0);
        return;
    }
    try {
        setCount(static_cast<int>(SharedNeedService(m_db).alerts(m_actor).size()));
    } catch (const Error&) {
        setCount(0); // the panel shows the message; the banner only counts
    }
}

void SharedNeedBanner::setCount(int count)
{
    m_count = count;
    setText(tr("%1 shared-need alerts — <a href=\"show\">View</a>").arg(count));
    setVisible(count > 0);
}

} // namespace yg
