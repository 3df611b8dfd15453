#include "ExchangeConflictsDialog.h"

#include "domain/Enums.h"

#include "exchange/Exchange.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace yg {

namespace {

/** A column as a person reads it ("contact_person" → 联系人); other columns keep their name. */
QString fieldLabel(const QString& column)
{
    static const QHash<QString, const char*> kLabels{
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Name")},
        {QStringLiteral("credit_code"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Credit code")},
        {QStringLiteral("town_id"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Town")},
        {QStringLiteral("address"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Address")},
        {QStringLiteral("industry"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Industry")},
        {QStringLiteral("employees"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Employees")},
        {QStringLiteral("is_key"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Key enterprise")},
        {QStringLiteral("is_small_micro"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Small or micro")},
        {QStringLiteral("is_new_form"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "New form of employment")},
        {QStringLiteral("union_status"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Union status")},
        {QStringLiteral("union_members"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Union members")},
        {QStringLiteral("contact_person"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Contact person")},
        {QStringLiteral("contact_phone"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Contact phone")},
        {QStringLiteral("assigned_cadre_id"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Assigned cadre")},
        {QStringLiteral("notes"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Notes")},
        {QStringLiteral("created_at"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Created")},
        {QStringLiteral("updated_at"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Last changed")},
        {QStringLiteral("visit_date"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Visit date")},
        {QStringLiteral("enterprise_id"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Enterprise")},
        {QStringLiteral("author_id"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Recorded by")},
        {QStringLiteral("kind"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Kind")},
        {QStringLiteral("summary"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Summary")},
        {QStringLiteral("next_visit_date"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Next visit")},
        {QStringLiteral("title"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Title")},
        {QStringLiteral("description"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Description")},
        {QStringLiteral("raised_by"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Raised by")},
        {QStringLiteral("owner_id"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Owner")},
        {QStringLiteral("category_id"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Category")},
        {QStringLiteral("received_on"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Received")},
        {QStringLiteral("due_date"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Due date")},
        {QStringLiteral("quarter"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Quarter")},
        {QStringLiteral("body"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Text")},
        {QStringLiteral("role"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Role")},
        {QStringLiteral("group_id"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Group")},
        {QStringLiteral("weekly_quota"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Weekly visit quota")},
        {QStringLiteral("active_from"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Active from")},
        {QStringLiteral("active_to"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Active until")},
        {QStringLiteral("username"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "User name")},
        {QStringLiteral("visit_id"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Visit")},
    };
    const char* label = kLabels.value(column);
    return label ? QCoreApplication::translate("yg::ExchangeConflictsDialog", label) : column;
}

/** A field's value in the person's words: yes/no for flags, the name of a key (未建会, 走访…). */
QString shown(const QString& table, const QString& field, const QJsonValue& v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("—");
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    const QString text = v.isString() ? v.toString() : v.toVariant().toString();
    auto yesNo = [&] {
        return v.toVariant().toInt() ? QCoreApplication::translate("yg::ExchangeConflictsDialog", "Yes")
                                     : QCoreApplication::translate("yg::ExchangeConflictsDialog", "No");
    };
    auto named = [&](auto parsed) { return parsed ? displayName(*parsed) : text; };
    if (table == QLatin1String("enterprises")) {
        if (field == QLatin1String("is_key") || field == QLatin1String("is_small_micro") ||
            field == QLatin1String("is_new_form"))
            return yesNo();
        if (field == QLatin1String("union_status"))
            return named(fromKey<UnionStatus>(text));
    } else if (table == QLatin1String("cadres")) {
        if (field == QLatin1String("resident") || field == QLatin1String("disabled"))
            return yesNo();
        if (field == QLatin1String("role"))
            return named(fromKey<Role>(text));
    } else if (table == QLatin1String("visits") && field == QLatin1String("kind")) {
        return named(fromKey<VisitKind>(text));
    }
    return text;
}

} // namespace

QString ExchangeConflictsDialog::tableTitle(const QString& table)
{
    static const QHash<QString, const char*> titles{
        {QStringLiteral("towns"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Town")},
        {QStringLiteral("categories"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Issue category")},
        {QStringLiteral("departments"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Department")},
        {QStringLiteral("cadres"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Account")},
        {QStringLiteral("cadre_groups"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Group")},
        {QStringLiteral("calendar_days"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Calendar day")},
        {QStringLiteral("settings"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Setting")},
        {QStringLiteral("enterprises"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Enterprise")},
        {QStringLiteral("visits"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Visit")},
        {QStringLiteral("issues"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Issue")},
        {QStringLiteral("quarterly_notes"), QT_TRANSLATE_NOOP("yg::ExchangeConflictsDialog", "Quarterly note")},
    };
    const char* title = titles.value(table);
    return title ? QCoreApplication::translate("yg::ExchangeConflictsDialog", title) : table;
}

ExchangeConflictsDialog::ExchangeConflictsDialog(Database& db, const Cadre& actor, QWidget* parent)
    : QDialog(parent), m_db(db), m_actor(actor)
{
    setWindowTitle(tr("Exchange conflicts"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("These records were changed both here and in the other database since the two last "
                                "exchanged. Nothing was overwritten: decide for each which version to keep."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* splitter = new QSplitter(this);
    m_list = new QListWidget(splitter);
    m_list->setObjectName(QStringLiteral("conflictsListWidget"));
    m_fields = new QTableWidget(0, 3, splitter);
    m_fields->setObjectName(QStringLiteral("fieldsTableWidget"));
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("This database"), tr("Incoming")});
    m_fields->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_fields->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_fields->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setWordWrap(true);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    m_merged = new QLabel(tr("This enterprise was registered in both databases (the same credit code). It is one "
                             "enterprise here now, and the visits and issues recorded under either registration "
                             "belong to it. The two registrations differ in the fields marked: decide which to keep."),
                          this);
    m_merged->setObjectName(QStringLiteral("mergedLabel"));
    m_merged->setWordWrap(true);
    m_merged->setStyleSheet(QStringLiteral("background: #e8f0fe; padding: 6px;"));
    m_merged->hide();
    layout->addWidget(m_merged);
    layout->addWidget(splitter, 1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_keepMine = buttons->addButton(tr("Keep this database's version"), QDialogButtonBox::ActionRole);
    m_keepMine->setObjectName(QStringLiteral("keepMinePushButton"));
    m_keepTheirs = buttons->addButton(tr("Keep the incoming version"), QDialogButtonBox::ActionRole);
    m_keepTheirs->setObjectName(QStringLiteral("keepTheirsPushButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_keepMine, &QPushButton::clicked, this, [this] { decide(m_list->currentRow(), false); });
    connect(m_keepTheirs, &QPushButton::clicked, this, [this] { decide(m_list->currentRow(), true); });
    connect(m_list, &QListWidget::currentRowChanged, this, &ExchangeConflictsDialog::showConflict);
    resize(900, 520);
    reload();
}

int ExchangeConflictsDialog::conflictCount() const
{
    return static_cast<int>(m_conflicts.size());
}

QString ExchangeConflictsDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ExchangeConflictsDialog::reload()
{
    m_error->hide();
    try {
        m_conflicts = Exchange::conflicts(m_db, m_actor);
    } catch (const Error& e) {
        m_conflicts.clear();
        m_error->setText(e.message());
        m_error->show();
    }
    m_list->clear();
    for (const ExchangeConflict& c : m_conflicts) {
        const QString label = c.mine.value(QStringLiteral("name")).toString().isEmpty()
                                  ? c.mine.value(QStringLiteral("title")).toString()
                                  : c.mine.value(QStringLiteral("name")).toString();
        m_list->addItem(tr("%1 %2\n%3").arg(c.id).arg(tableTitle(c.table), label.isEmpty() ? c.key.left(8) : label));
    }
    const bool any = !m_conflicts.isEmpty();
    m_keepMine->setEnabled(any);
    m_keepTheirs->setEnabled(any);
    if (any)
        m_list->setCurrentRow(0);
    else
        showConflict(-1);
}

void ExchangeConflictsDialog::showConflict(int row)
{
    m_fields->setRowCount(0);
    m_merged->hide();
    if (row < 0 || row >= m_conflicts.size())
        return;
    ExchangeConflict c = m_conflicts.at(row);
    m_merged->setVisible(c.registeredTwice);
    c.mine = Exchange::readableFields(m_db, c.table, c.mine);
    c.theirs = Exchange::readableFields(m_db, c.table, c.theirs);
    QStringList fields = c.mine.keys();
    for (const QString& f : c.theirs.keys()) {
        if (!fields.contains(f))
            fields.append(f);
    }
    // Fields kept from the record's creation (its creation time) are not decided about:
    // shown, never marked (two registrations of one enterprise always differ there).
    QSet<QString> kept;
    if (const ExchangeTable* t = exchangeTable(c.table)) {
        for (const ExchangeColumn& col : t->columns) {
            if (!col.content)
                kept.insert(col.name);
        }
    }
    const auto differs = [&](const QString& f) { return !kept.contains(f) && c.mine.value(f) != c.theirs.value(f); };
    // The differing fields first: they are what the person decides about.
    std::stable_sort(fields.begin(), fields.end(),
                     [&](const QString& a, const QString& b) { return differs(a) > differs(b); });
    m_fields->setRowCount(static_cast<int>(fields.size()));
    for (int i = 0; i < fields.size(); ++i) {
        const QString& f = fields.at(i);
        const QStringList cells{fieldLabel(f), shown(c.table, f, c.mine.value(f)),
                                shown(c.table, f, c.theirs.value(f))};
        for (int col = 0; col < 3; ++col) {
            auto* item = new QTableWidgetItem(cells.at(col));
            if (differs(f)) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                item->setBackground(QColor(255, 243, 205));
            }
            m_fields->setItem(i, col, item);
        }
    }
    m_fields->resizeRowsToContents();
}

bool ExchangeConflictsDialog::decide(int row, bool keepTheirs)
{
    if (row < 0 || row >= m_conflicts.size())
        return false;
    try {
        Exchange::resolve(m_db, m_actor, m_conflicts.at(row).id, keepTheirs);
    } catch (const Error& e) {
        m_error->setText(e.message());
        m_error->show();
        return false;
    }
    reload();
    return true;
}

} // namespace yg
