#pragma once

#include "domain/Evaluation.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace yg {

class Database;

/**
 * The year's nominations for the annual evaluation (优秀调研成果, 合理化建议): staff add
 * them, score them (0–100) and mark the selected ones. Every change goes through
 * EvaluationService (checked, audited, one transaction each).
 */
class NominationsDialog : public QDialog
{
    Q_OBJECT

public:
    NominationsDialog(Database& db, const Cadre& actor, int year, QWidget* parent = nullptr);

    /** Adds a nomination from the form; false with the reason shown if refused. */
    bool add(NominationKind kind, const QString& cadreName, const QString& title);
    /** Scores / selects the nomination in the given row. */
    bool score(int row, double value);
    bool select(int row, bool selected);
    int rowCount() const;
    QString errorText() const;

private:
    void reload();
    bool attempt(const std::function<void()>& change);

    Database& m_db;
    Cadre m_actor;
    int m_year;
    QList<Nomination> m_nominations;
    QTableWidget* m_table = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_cadre = nullptr;
    QLineEdit* m_title = nullptr;
    QDoubleSpinBox* m_score = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace yg
