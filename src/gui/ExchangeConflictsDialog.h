#pragma once

#include "domain/Entities.h"
#include "storage/ExchangeStore.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace yg {

class Database;

/**
 * The open conflicts of the laptop ↔ office exchange (docs/exchange.md): a record changed
 * on both sides since they last met. The list on the left, the two versions field by field
 * on the right (differing fields marked), and the decision: keep this database's version
 * or apply the incoming one. Every decision goes through Exchange::resolve (permissions,
 * one transaction, audited).
 */
class ExchangeConflictsDialog : public QDialog
{
    Q_OBJECT

public:
    ExchangeConflictsDialog(Database& db, const Cadre& actor, QWidget* parent = nullptr);

    int conflictCount() const;
    /** Decides the conflict in the given row; false with the reason shown if refused. */
    bool decide(int row, bool keepTheirs);
    QString errorText() const;

    /** The translated name of an exchanged table ("visits" → 走访). */
    static QString tableTitle(const QString& table);

private:
    void reload();
    void showConflict(int row);

    Database& m_db;
    Cadre m_actor;
    QList<ExchangeConflict> m_conflicts;
    QListWidget* m_list = nullptr;
    QTableWidget* m_fields = nullptr;
    QPushButton* m_keepMine = nullptr;
    QPushButton* m_keepTheirs = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_merged = nullptr; ///< shown for an enterprise registered on both sides
};

} // namespace yg
