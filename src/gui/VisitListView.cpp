#include "VisitListView.h"

#include "ListWidgets.h"
#include "VisitTableModel.h"
#include "domain/Period.h"
#include "storage/ReferenceRepository.h"
#include "util/Error.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace yg {

VisitListView::VisitListView(Database& db, RowId actorId, QWidget* parent) : QWidget(parent), m_db(db)
{
    m_actor = actorFor(db, actorId);

    m_periodEdit = new QLineEdit(this);
    m_periodEdit->setObjectName(QStringLiteral("periodLineEdit"));
    m_periodEdit->setPlaceholderText(tr("Period: 2024-Q3, 2024-07, 2024-W32, 2024 …"));
    m_periodEdit->setToolTip(tr("A week (2024-W32), month (2024-07), quarter (2024-Q3), year (2024) or range "
                                "(2024-01-01..2024-03-31); empty for all dates."));
    m_periodEdit->setClearButtonEnabled(true);
    m_periodMessage = new QLabel(this);
    m_periodMessage->setObjectName(QStringLiteral("periodMessageLabel"));
    m_periodMessage->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_periodMessage->setWordWrap(true);
    m_periodMessage->hide();
    m_cadreCombo = new QComboBox(this);
    m_cadreCombo->setObjectName(QStringLiteral("cadreComboBox"));
    makeSearchable(m_cadreCombo);
    m_townCombo = new QComboBox(this);
    m_townCombo->setObjectName(QStringLiteral("townComboBox"));
    m_enterpriseEdit = new QLineEdit(this);
    m_enterpriseEdit->setObjectName(QStringLiteral("enterpriseLineEdit"));
    m_enterpriseEdit->setPlaceholderText(tr("Enterprise name or credit code"));
    m_enterpriseEdit->setClearButtonEnabled(true);
    m_kindCombo = new QComboBox(this);
    m_kindCombo->setObjectName(QStringLiteral("kindComboBox"));
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_periodEdit, 2);
    filters->addWidget(m_cadreCombo, 1);
    filters->addWidget(m_townCombo, 1);
    filters->addWidget(m_enterpriseEdit, 2);
    filters->addWidget(m_kindCombo, 1);
    filters->addWidget(m_countLabel);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("visitTableView"));
    setUpListTable(m_table);
    m_model = new VisitTableModel(db, m_actor, this);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(VisitTableModel::Date, Qt::DescendingOrder);
    m_table->setColumnWidth(VisitTableModel::Date, 100);
    m_table->setColumnWidth(VisitTableModel::Enterprise, 260);
    m_table->setColumnWidth(VisitTableModel::Town, 100);
    m_table->setColumnWidth(VisitTableModel::Cadres, 110);
    m_table->setColumnWidth(VisitTableModel::Kind, 90);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_periodMessage);
    layout->addWidget(m_table);

    populateChoices();
    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(250);
    connect(&m_filterTimer, &QTimer::timeout, this, &VisitListView::applyFilter);
    connect(m_periodEdit, &QLineEdit::textChanged, this, [this] { m_filterTimer.start(); });
    connect(m_enterpriseEdit, &QLineEdit::textChanged, this, [this] { m_filterTimer.start(); });
    connect(m_cadreCombo, &QComboBox::currentIndexChanged, this, &VisitListView::applyFilter);
    connect(m_townCombo, &QComboBox::currentIndexChanged, this, &VisitListView::applyFilter);
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &VisitListView::applyFilter);
    connect(m_model, &QAbstractItemModel::modelReset, this, &VisitListView::updateCount);
    connect(m_table, &QAbstractItemView::activated, this, &VisitListView::openRow);
    // The summary keeps the current order: put the indicator back where the order is.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
        if (!VisitTableModel::isSortable(column))
            m_table->sortByColumn(VisitTableModel::Date, Qt::DescendingOrder);
    });
    updateCount();
}

void VisitListView::populateChoices()
{
    const QSignalBlocker blockCadres(m_cadreCombo);
    const QSignalBlocker blockTowns(m_townCombo);
    const QSignalBlocker blockKinds(m_kindCombo);
    const QVariant cadre = m_cadreCombo->currentData();
    const QVariant town = m_townCombo->currentData();
    const QVariant kind = m_kindCombo->currentData();
    m_townCombo->clear();
    m_kindCombo->clear();
    m_townCombo->addItem(tr("All towns"));
    m_kindCombo->addItem(tr("All kinds"));
    try {
        fillNames(m_cadreCombo, tr("All cadres"), VisitQueries(m_db).cadreChoices(m_model->filter().visibleTo));
        for (const Town& t : ReferenceRepository(m_db).towns())
            m_townCombo->addItem(t.name, t.meta.id);
    } catch (const Error& e) {
        spdlog::error("visit list choices failed: {}", e.what());
    }
    for (VisitKind k : kAllVisitKinds)
        m_kindCombo->addItem(displayName(k), toKey(k));
    m_cadreCombo->setCurrentIndex(std::max(0, m_cadreCombo->findData(cadre)));
    m_townCombo->setCurrentIndex(std::max(0, m_townCombo->findData(town)));
    m_kindCombo->setCurrentIndex(std::max(0, m_kindCombo->findData(kind)));
}

void VisitListView::setEnterprise(RowId enterpriseId)
{
    m_enterpriseId = enterpriseId;
    applyFilter();
}

void VisitListView::applyFilter()
{
    m_filterTimer.stop();
    VisitFilter f;
    const QString periodText = m_periodEdit->text().trimmed();
    m_periodError.clear();
    if (!periodText.isEmpty()) {
        QString why;
        const auto period = Period::parse(periodText, &why);
        if (period) {
            f.from = period->first();
            f.to = period->last();
        } else {
            m_periodError = why.isEmpty() ? tr("This is not a period.") : why;
        }
    }
    m_periodMessage->setText(m_periodError);
    m_periodMessage->setVisible(!m_periodError.isEmpty());
    if (m_cadreCombo->currentIndex() > 0)
        f.cadreId = m_cadreCombo->currentData().toLongLong();
    if (m_townCombo->currentIndex() > 0)
        f.townId = m_townCombo->currentData().toLongLong();
    if (m_kindCombo->currentIndex() > 0)
        f.kind = fromKey<VisitKind>(m_kindCombo->currentData().toString());
    if (m_enterpriseId > 0)
        f.enterpriseId = m_enterpriseId;
    f.enterpriseText = m_enterpriseEdit->text();
    m_model->setFilter(f);
}

void VisitListView::updateCount()
{
    m_countLabel->setText(tr("%n visit(s)", nullptr, static_cast<int>(m_model->totalCount())));
}

void VisitListView::refresh()
{
    populateChoices();
    applyFilter();
}

void VisitListView::openRow(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    emit openVisitRequested(index.data(VisitTableModel::IdRole).toLongLong());
}

} // namespace yg
