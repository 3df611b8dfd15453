#include "NominationsDialog.h"

#include "services/EvaluationService.h"
#include "storage/CadreRepository.h"
#include "util/Error.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace yg {

NominationsDialog::NominationsDialog(Database& db, const Cadre& actor, int year, QWidget* parent)
    : QDialog(parent), m_db(db), m_actor(actor), m_year(year)
{
    setWindowTitle(tr("Nominations for the %1 annual evaluation").arg(year));
    resize(860, 480);
    auto* layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 5, this);
    m_table->setHorizontalHeaderLabels({tr("Kind"), tr("Title"), tr("Cadre"), tr("Score"), tr("Selected")});
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    layout->addWidget(m_table);

    auto* scoreRow = new QHBoxLayout;
    m_score = new QDoubleSpinBox(this);
    m_score->setRange(0, 100);
    m_score->setDecimals(1);
    auto* scoreButton = new QPushButton(tr("Set score"), this);
    auto* selectButton = new QPushButton(tr("Select"), this);
    auto* unselectButton = new QPushButton(tr("Unselect"), this);
    scoreRow->addWidget(new QLabel(tr("Score (0–100)"), this));
    scoreRow->addWidget(m_score);
    scoreRow->addWidget(scoreButton);
    scoreRow->addStretch();
    scoreRow->addWidget(selectButton);
    scoreRow->addWidget(unselectButton);
    layout->addLayout(scoreRow);

    auto* form = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->addItem(displayName(NominationKind::Research), static_cast<int>(NominationKind::Research));
    m_kind->addItem(displayName(NominationKind::Suggestion), static_cast<int>(NominationKind::Suggestion));
    m_cadre = new QComboBox(this);
    for (const Cadre& c : CadreRepository(db).cadres()) {
        if (c.role == Role::Cadre || c.role == Role::Supervisor)
            m_cadre->addItem(c.name);
    }
    m_title = new QLineEdit(this);
    auto* addButton = new QPushButton(tr("Add nomination"), this);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Cadre"), m_cadre);
    form->addRow(tr("Title"), m_title);
    form->addRow(QString(), addButton);
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b03a2e;"));
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(addButton, &QPushButton::clicked, this, [this] {
        if (add(static_cast<NominationKind>(m_kind->currentData().toInt()), m_cadre->currentText(), m_title->text()))
            m_title->clear();
    });
    connect(m_title, &QLineEdit::textChanged, addButton,
            [addButton](const QString& t) { addButton->setEnabled(!t.trimmed().isEmpty()); });
    addButton->setEnabled(false);
    connect(scoreButton, &QPushButton::clicked, this, [this] { score(m_table->currentRow(), m_score->value()); });
    connect(selectButton, &QPushButton::clicked, this, [this] { select(m_table->currentRow(), true); });
    connect(unselectButton, &QPushButton::clicked, this, [this] { select(m_table->currentRow(), false); });
    reload();
}

void NominationsDialog::reload()
{
    m_nominations = EvaluationService(m_db).nominations(m_year);
    CadreRepository cadres(m_db);
    m_table->setRowCount(int(m_nominations.size()));
    for (int r = 0; r < m_nominations.size(); ++r) {
        const Nomination& n = m_nominations[r];
        const auto c = cadres.cadre(n.cadreId);
        const QStringList cells{displayName(n.kind), n.title, c ? c->name : QString(),
                                n.score ? QString::number(*n.score, 'f', 1) : QStringLiteral("—"),
                                n.selected ? tr("selected") : QString()};
        for (int col = 0; col < cells.size(); ++col)
            m_table->setItem(r, col, new QTableWidgetItem(cells[col]));
    }
}

bool NominationsDialog::attempt(const std::function<void()>& change)
{
    try {
        change();
    } catch (const Error& e) {
        m_error->setText(e.message());
        return false;
    }
    m_error->clear();
    reload();
    return true;
}

bool NominationsDialog::add(NominationKind kind, const QString& cadreName, const QString& title)
{
    return attempt([&] {
        const auto cadre = CadreRepository(m_db).cadreByName(cadreName);
        if (!cadre)
            throw Error(tr("There is no cadre named '%1'.").arg(cadreName));
        Nomination n;
        n.year = m_year;
        n.kind = kind;
        n.cadreId = cadre->meta.id;
        n.title = title;
        EvaluationService(m_db).addNomination(m_actor, n);
    });
}

bool NominationsDialog::score(int row, double value)
{
    if (row < 0 || row >= m_nominations.size()) {
        m_error->setText(tr("Choose a nomination in the list first."));
        return false;
    }
    const RowId id = m_nominations[row].meta.id;
    return attempt([&] { EvaluationService(m_db).scoreNomination(m_actor, id, value); });
}

bool NominationsDialog::select(int row, bool selected)
{
    if (row < 0 || row >= m_nominations.size()) {
        m_error->setText(tr("Choose a nomination in the list first."));
        return false;
    }
    const RowId id = m_nominations[row].meta.id;
    return attempt([&] { EvaluationService(m_db).selectNomination(m_actor, id, selected); });
}

int NominationsDialog::rowCount() const
{
    return m_table->rowCount();
}

QString NominationsDialog::errorText() const
{
    return m_error->text();
}

} // namespace yg
