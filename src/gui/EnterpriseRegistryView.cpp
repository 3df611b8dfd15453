#include "EnterpriseRegistryView.h"

#include "EnterpriseDialog.h"
#include "EnterpriseTableModel.h"
#include "ListWidgets.h"
#include "services/EnterpriseService.h"
#include "storage/ReferenceRepository.h"
#include "storage/VisitQueries.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace yg {

EnterpriseRegistryView::EnterpriseRegistryView(Database& db, RowId actorId, QWidget* parent)
    : QWidget(parent), m_db(db), m_actorId(actorId)
{
    m_canEdit = EnterpriseService::canEdit(actorFor(db, actorId));

    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("registrySearchLineEdit"));
    m_searchEdit->setPlaceholderText(tr("Name or credit code"));
    m_searchEdit->setClearButtonEnabled(true);
    m_townCombo = new QComboBox(this);
    m_townCombo->setObjectName(QStringLiteral("townComboBox"));
    m_unionCombo = new QComboBox(this);
    m_unionCombo->setObjectName(QStringLiteral("unionComboBox"));
    m_cadreCombo = new QComboBox(this);
    m_cadreCombo->setObjectName(QStringLiteral("cadreComboBox"));
    makeSearchable(m_cadreCombo);
    m_keyCheck = new QCheckBox(tr("Key"), this);
    m_keyCheck->setObjectName(QStringLiteral("keyCheckBox"));
    m_smallMicroCheck = new QCheckBox(tr("Small/micro"), this);
    m_smallMicroCheck->setObjectName(QStringLiteral("smallMicroCheckBox"));
    m_newFormCheck = new QCheckBox(tr("New form"), this);
    m_newFormCheck->setObjectName(QStringLiteral("newFormCheckBox"));
    m_notVisitedCheck = new QCheckBox(tr("Not visited since"), this);
    m_notVisitedCheck->setObjectName(QStringLiteral("notVisitedCheckBox"));
    m_notVisitedDate = new QDateEdit(Clock::today().addMonths(-3), this);
    m_notVisitedDate->setObjectName(QStringLiteral("notVisitedDateEdit"));
    m_notVisitedDate->setCalendarPopup(true);
    m_notVisitedDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_notVisitedDate->setEnabled(false);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_addButton = new QPushButton(tr("&New enterprise…"), this);
    m_addButton->setObjectName(QStringLiteral("addButton"));
    m_editButton = new QPushButton(tr("&Edit…"), this);
    m_editButton->setObjectName(QStringLiteral("editButton"));
    for (QPushButton* b : {m_addButton, m_editButton}) {
        b->setEnabled(m_canEdit);
        if (!m_canEdit)
            b->setToolTip(tr("Staff and administrators keep the enterprise registry."));
    }

    auto* firstRow = new QHBoxLayout;
    firstRow->addWidget(m_searchEdit, 3);
    firstRow->addWidget(m_townCombo, 1);
    firstRow->addWidget(m_unionCombo, 1);
    firstRow->addWidget(m_cadreCombo, 1);
    firstRow->addWidget(m_addButton);
    firstRow->addWidget(m_editButton);
    auto* secondRow = new QHBoxLayout;
    secondRow->addWidget(m_keyCheck);
    secondRow->addWidget(m_smallMicroCheck);
    secondRow->addWidget(m_newFormCheck);
    secondRow->addSpacing(12);
    secondRow->addWidget(m_notVisitedCheck);
    secondRow->addWidget(m_notVisitedDate);
    secondRow->addStretch(1);
    secondRow->addWidget(m_countLabel);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("enterpriseTableView"));
    setUpListTable(m_table);
    m_model = new EnterpriseTableModel(db, this);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(EnterpriseTableModel::Name, Qt::AscendingOrder);
    m_table->setColumnWidth(EnterpriseTableModel::Name, 280);
    m_table->setColumnWidth(EnterpriseTableModel::CreditCode, 170);
    m_table->setColumnWidth(EnterpriseTableModel::Town, 100);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(firstRow);
    layout->addLayout(secondRow);
    layout->addWidget(m_table);

    populateChoices();
    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(250);
    connect(&m_filterTimer, &QTimer::timeout, this, &EnterpriseRegistryView::applyFilter);
    connect(m_searchEdit, &QLineEdit::textChanged, this, [this] { m_filterTimer.start(); });
    for (QComboBox* c : {m_townCombo, m_unionCombo, m_cadreCombo})
        connect(c, &QComboBox::currentIndexChanged, this, &EnterpriseRegistryView::applyFilter);
    for (QCheckBox* c : {m_keyCheck, m_smallMicroCheck, m_newFormCheck, m_notVisitedCheck})
        connect(c, &QCheckBox::toggled, this, &EnterpriseRegistryView::applyFilter);
    connect(m_notVisitedCheck, &QCheckBox::toggled, m_notVisitedDate, &QWidget::setEnabled);
    connect(m_notVisitedDate, &QDateEdit::dateChanged, this, [this] {
        if (m_notVisitedCheck->isChecked())
            applyFilter();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &EnterpriseRegistryView::updateCount);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        if (index.isValid())
            emit openEnterpriseRequested(index.data(EnterpriseTableModel::IdRole).toLongLong());
    });
    connect(m_addButton, &QPushButton::clicked, this, &EnterpriseRegistryView::addEnterprise);
    connect(m_editButton, &QPushButton::clicked, this, &EnterpriseRegistryView::editSelected);
    updateCount();
}

void EnterpriseRegistryView::populateChoices()
{
    const QSignalBlocker b1(m_townCombo);
    const QSignalBlocker b2(m_unionCombo);
    const QSignalBlocker b3(m_cadreCombo);
    const QVariant town = m_townCombo->currentData();
    const QVariant status = m_unionCombo->currentData();
    const QVariant cadre = m_cadreCombo->currentData();
    m_townCombo->clear();
    m_unionCombo->clear();
    m_townCombo->addItem(tr("All towns"));
    m_unionCombo->addItem(tr("Any union status"));
    try {
        for (const Town& t : ReferenceRepository(m_db).towns())
            m_townCombo->addItem(t.name, t.meta.id);
        fillNames(m_cadreCombo, tr("Any cadre"), VisitQueries(m_db).cadreChoices(std::nullopt));
    } catch (const Error& e) {
        spdlog::error("registry choices failed: {}", e.what());
    }
    for (UnionStatus s : kAllUnionStatuses)
        m_unionCombo->addItem(displayName(s), toKey(s));
    m_townCombo->setCurrentIndex(std::max(0, m_townCombo->findData(town)));
    m_unionCombo->setCurrentIndex(std::max(0, m_unionCombo->findData(status)));
    m_cadreCombo->setCurrentIndex(std::max(0, m_cadreCombo->findData(cadre)));
}

void EnterpriseRegistryView::applyFilter()
{
    m_filterTimer.stop();
    EnterpriseFilter f;
    f.text = m_searchEdit->text();
    if (m_townCombo->currentIndex() > 0)
        f.townId = m_townCombo->currentData().toLongLong();
    if (m_unionCombo->currentIndex() > 0)
        f.unionStatus = fromKey<UnionStatus>(m_unionCombo->currentData().toString());
    if (m_cadreCombo->currentIndex() > 0)
        f.assignedCadreId = m_cadreCombo->currentData().toLongLong();
    f.keyOnly = m_keyCheck->isChecked();
    f.smallMicroOnly = m_smallMicroCheck->isChecked();
    f.newFormOnly = m_newFormCheck->isChecked();
    if (m_notVisitedCheck->isChecked())
        f.notVisitedSince = m_notVisitedDate->date();
    m_model->setFilter(f);
}

void EnterpriseRegistryView::updateCount()
{
    m_countLabel->setText(tr("%n enterprise(s)", nullptr, static_cast<int>(m_model->totalCount())));
}

void EnterpriseRegistryView::refresh()
{
    populateChoices();
    applyFilter();
}

EnterpriseDialog* EnterpriseRegistryView::createDialog(RowId enterpriseId)
{
    return new EnterpriseDialog(m_db, m_actorId, enterpriseId, this);
}

void EnterpriseRegistryView::runDialog(EnterpriseDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &EnterpriseRegistryView::refresh);
    dialog->open();
}

void EnterpriseRegistryView::addEnterprise()
{
    runDialog(createDialog(0));
}

void EnterpriseRegistryView::editSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        runDialog(createDialog(current.data(EnterpriseTableModel::IdRole).toLongLong()));
}

} // namespace yg
