#include "PairingDialog.h"
#include "ui_PairingDialog.h"

#include "services/Permissions.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>

namespace yg {

namespace {

QString roleName(Role r)
{
    switch (r) {
    case Role::Cadre:
        return QCoreApplication::translate("yg::PairingDialog", "cadre");
    case Role::Supervisor:
        return QCoreApplication::translate("yg::PairingDialog", "supervisor");
    case Role::Staff:
        return QCoreApplication::translate("yg::PairingDialog", "staff");
    case Role::Admin:
        return QCoreApplication::translate("yg::PairingDialog", "administrator");
    }
    return {};
}

void bigDigits(QLabel* label)
{
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    f.setFamily(QStringLiteral("monospace"));
    label->setFont(f);
}

} // namespace

PairingDialog::PairingDialog(Database& db, const Cadre& actor, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::PairingDialog>()), m_db(db), m_actor(actor)
{
    m_ui->setupUi(this);
    bigDigits(m_ui->ownFingerprintLabel);
    bigDigits(m_ui->peerFingerprintLabel);
    m_ui->pairedTableWidget->setColumnCount(6);
    m_ui->pairedTableWidget->setHorizontalHeaderLabels(
        {tr("Computer (database id)"), tr("Kind"), tr("Fingerprint"), tr("Accounts"), tr("Paired"), tr("Revoked")});

    m_own = ExchangePairing::own(db);
    m_ui->ownFingerprintLabel->setText(m_own.fingerprint());
    m_ui->ownIdentityLineEdit->setText(m_own.text());
    m_ui->ownIdentityLineEdit->setCursorPosition(0);

    const bool mayPair = Permissions::can(actor.role, Capability::PairDatabases);
    m_ui->peerGroupBox->setEnabled(mayPair);
    m_ui->pairedTab->setEnabled(mayPair);
    if (mayPair) {
        for (const PairableAccount& a : ExchangePairing::pairableAccounts(db, actor)) {
            auto* item = new QListWidgetItem(QStringLiteral("%1 (%2, %3)").arg(a.name, a.username, roleName(a.role)),
                                             m_ui->accountsListWidget);
            item->setData(Qt::UserRole, a.username);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        reloadPaired();
        // A database that has an office is a laptop: it pairs its office.
        for (const PairedPeer& p : std::as_const(m_paired)) {
            if (p.active() && p.relation == PeerRelation::Office)
                m_ui->officeRadioButton->setChecked(true);
        }
    } else {
        m_refusal = Permissions::refusal(actor, Capability::PairDatabases);
        m_ui->messageLabel->setText(m_refusal);
    }

    connect(m_ui->copyIdentityButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_own.text()); });
    connect(m_ui->saveIdentityButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the identity line"),
                                                          QStringLiteral("yuegong-identity.txt"),
                                                          tr("Text files (*.txt)"));
        if (path.isEmpty())
            return;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_own.text().toUtf8() + '\n') < 0 || !file.commit())
            QMessageBox::warning(this, windowTitle(), tr("%1 cannot be written: %2").arg(path, file.errorString()));
    });
    connect(m_ui->loadIdentityButton, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("The other computer's identity line"), QString(), tr("Text files (*.txt);;All files (*)"));
        QFile file(path);
        if (!path.isEmpty() && file.open(QIODevice::ReadOnly))
            setPeerIdentity(QString::fromUtf8(file.read(4096)));
    });
    connect(m_ui->peerIdentityLineEdit, &QLineEdit::textChanged, this, &PairingDialog::updatePeer);
    connect(m_ui->laptopRadioButton, &QRadioButton::toggled, this, &PairingDialog::updatePeer);
    connect(m_ui->sameNumbersCheckBox, &QCheckBox::toggled, this, &PairingDialog::updatePeer);
    connect(m_ui->accountsListWidget, &QListWidget::itemChanged, this, &PairingDialog::updatePeer);
    connect(m_ui->pairButton, &QPushButton::clicked, this, &PairingDialog::pairNow);
    connect(m_ui->pairedTableWidget, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = m_ui->pairedTableWidget->currentRow();
        m_ui->revokeButton->setEnabled(row >= 0 && row < m_paired.size() && m_paired[row].active());
    });
    connect(m_ui->revokeButton, &QPushButton::clicked, this, &PairingDialog::revokeSelected);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updatePeer();
}

PairingDialog::~PairingDialog() = default;

void PairingDialog::setPeerIdentity(const QString& text)
{
    m_ui->peerIdentityLineEdit->setText(text.trimmed());
    m_ui->peerIdentityLineEdit->setCursorPosition(0);
}

void PairingDialog::checkAccounts(const QStringList& usernames)
{
    for (int i = 0; i < m_ui->accountsListWidget->count(); ++i) {
        QListWidgetItem* item = m_ui->accountsListWidget->item(i);
        item->setCheckState(usernames.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

void PairingDialog::confirmSameNumbers(bool same)
{
    m_ui->sameNumbersCheckBox->setChecked(same);
}

QStringList PairingDialog::checkedAccounts() const
{
    QStringList out;
    for (int i = 0; i < m_ui->accountsListWidget->count(); ++i) {
        const QListWidgetItem* item = m_ui->accountsListWidget->item(i);
        if (item->checkState() == Qt::Checked)
            out.append(item->data(Qt::UserRole).toString());
    }
    return out;
}

void PairingDialog::updatePeer()
{
    const bool laptop = m_ui->laptopRadioButton->isChecked();
    m_ui->accountsLabel->setVisible(laptop);
    m_ui->accountsListWidget->setVisible(laptop);
    m_peer.reset();
    const QString text = m_ui->peerIdentityLineEdit->text();
    if (text.isEmpty()) {
        m_ui->peerFingerprintLabel->setText(QStringLiteral("—"));
    } else {
        try {
            m_peer = PeerIdentity::parse(text);
            m_ui->peerFingerprintLabel->setText(m_peer->fingerprint());
        } catch (const Error& e) {
            m_ui->peerFingerprintLabel->setText(QStringLiteral("—"));
            m_ui->messageLabel->setText(e.message());
        }
    }
    if (m_peer)
        m_ui->messageLabel->setText(m_refusal);
    m_ui->pairButton->setEnabled(canPair());
}

bool PairingDialog::canPair() const
{
    return m_peer && m_ui->sameNumbersCheckBox->isChecked() && m_ui->peerGroupBox->isEnabled() &&
           (m_ui->officeRadioButton->isChecked() || !checkedAccounts().isEmpty());
}

bool PairingDialog::pairNow()
{
    if (!canPair())
        return false;
    const bool laptop = m_ui->laptopRadioButton->isChecked();
    try {
        const PairedPeer p = ExchangePairing::pair(m_db, m_actor, *m_peer,
                                                   laptop ? PeerRelation::Laptop : PeerRelation::Office,
                                                   laptop ? checkedAccounts() : QStringList());
        m_ui->messageLabel->setText(tr("Paired with %1 (fingerprint %2).").arg(p.databaseId, p.fingerprint));
        m_ui->peerIdentityLineEdit->clear();
        m_ui->sameNumbersCheckBox->setChecked(false);
        reloadPaired();
        return true;
    } catch (const Error& e) {
        m_ui->messageLabel->setText(e.message());
        return false;
    }
}

void PairingDialog::reloadPaired()
{
    try {
        m_paired = ExchangePairing::list(m_db, m_actor);
    } catch (const Error& e) {
        m_paired.clear();
        m_ui->messageLabel->setText(e.message());
    }
    QTableWidget* t = m_ui->pairedTableWidget;
    t->setRowCount(static_cast<int>(m_paired.size()));
    const auto when = [](const QDateTime& at, const QString& by) {
        return at.isValid() ? QStringLiteral("%1 %2")
                                  .arg(at.toTimeZone(Clock::districtZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm")), by)
                            : QString();
    };
    for (int row = 0; row < m_paired.size(); ++row) {
        const PairedPeer& p = m_paired[row];
        const QStringList cells{p.databaseId,
                                p.relation == PeerRelation::Laptop ? tr("laptop") : tr("office"),
                                p.fingerprint,
                                p.accounts.join(QStringLiteral("、")),
                                when(p.pairedAt, p.pairedBy),
                                when(p.revokedAt, p.revokedBy)};
        for (int c = 0; c < cells.size(); ++c)
            t->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    t->resizeColumnsToContents();
    m_ui->revokeButton->setEnabled(false);
}

bool PairingDialog::revokeRow(int row)
{
    if (row < 0 || row >= m_paired.size())
        return false;
    try {
        ExchangePairing::revoke(m_db, m_actor, m_paired[row].databaseId);
        reloadPaired();
        return true;
    } catch (const Error& e) {
        m_ui->messageLabel->setText(e.message());
        return false;
    }
}

void PairingDialog::revokeSelected()
{
    const int row = m_ui->pairedTableWidget->currentRow();
    if (row < 0 || row >= m_paired.size())
        return;
    if (QMessageBox::question(this, tr("Revoke"),
                              tr("Revoke %1? Its exchange files are refused from then on, and it cannot be paired "
                                 "again (a computer set up anew is paired as a new one).")
                                  .arg(m_paired[row].databaseId)) == QMessageBox::Yes)
        revokeRow(row);
}

int PairingDialog::pairedCount() const
{
    return static_cast<int>(m_paired.size());
}

QString PairingDialog::messageText() const
{
    return m_ui->messageLabel->text();
}

} // namespace yg
