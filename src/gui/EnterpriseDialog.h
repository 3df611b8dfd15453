#pragma once

#include "domain/Entities.h"

#include <QDialog>

#include <memory>

namespace Ui {
class EnterpriseDialog;
}

namespace yg {

class Database;

/**
 * Adds or edits one enterprise. The credit code is checked as it is typed, and the
 * message under the field names the character at fault (domain/CreditCode); Save stays
 * disabled until name, code and town are valid. Saving goes through EnterpriseService,
 * which checks the person's rights and validates again; a refusal (a duplicate code, a
 * change made elsewhere meanwhile) is shown in the dialog, which stays open.
 */
class EnterpriseDialog : public QDialog
{
    Q_OBJECT

public:
    /** enterpriseId 0: a new enterprise. */
    EnterpriseDialog(Database& db, RowId actorId, RowId enterpriseId = 0, QWidget* parent = nullptr);
    ~EnterpriseDialog() override;

    /** Saves what the form holds; false (and the reason shown) when refused. */
    bool save();
    /** The stored enterprise after a successful save. */
    const Enterprise& enterprise() const { return m_enterprise; }
    QString creditCodeMessage() const;
    QString errorText() const;
    bool canSave() const;

    void accept() override;

private:
    void populateChoices();
    void showEnterprise();
    void validateForm();
    Enterprise fromForm() const;

    std::unique_ptr<Ui::EnterpriseDialog> m_ui;
    Database& m_db;
    RowId m_actorId;
    Enterprise m_enterprise;
};

} // namespace yg
