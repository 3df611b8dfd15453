#pragma once

#include "domain/Entities.h"
#include "exchange/ExchangePairing.h"

#include <QDialog>

#include <memory>

namespace Ui {
class PairingDialog;
}

namespace yg {

class Database;

/**
 * File → Exchange → Paired computers (docs/exchange.md "Pairing and signatures"): this
 * computer's identity line and fingerprint to give the other computer; the other's line
 * pasted or loaded, its fingerprint shown to compare on both screens (as Bluetooth or Signal
 * do), the accounts that work on a laptop, and Pair only once the person confirms the
 * numbers match; the paired computers with revoking. Everything goes through ExchangePairing
 * (permissions, one transaction, audited).
 */
class PairingDialog : public QDialog
{
    Q_OBJECT

public:
    PairingDialog(Database& db, const Cadre& actor, QWidget* parent = nullptr);
    ~PairingDialog() override;

    /** Puts the other computer's identity line in (as pasted). */
    void setPeerIdentity(const QString& text);
    /** Checks the accounts with these user names. */
    void checkAccounts(const QStringList& usernames);
    /** Confirms the two screens show the same numbers. */
    void confirmSameNumbers(bool same);
    bool canPair() const;
    /** Pairs as the Pair button does; false with the reason shown if refused. */
    bool pairNow();
    /** Revokes the paired computer in a row of the list (no question asked); false if refused. */
    bool revokeRow(int row);
    int pairedCount() const;
    QString messageText() const;

private:
    void updatePeer();
    void reloadPaired();
    void revokeSelected();
    QStringList checkedAccounts() const;

    std::unique_ptr<Ui::PairingDialog> m_ui;
    Database& m_db;
    Cadre m_actor;
    PeerIdentity m_own;
    std::optional<PeerIdentity> m_peer;
    QList<PairedPeer> m_paired;
    QString m_refusal; ///< why this person may not pair, if they may not
};

} // namespace yg
