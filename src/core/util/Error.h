#pragma once

#include <QByteArray>
#include <QString>

#include <exception>

namespace yg {

/**
 * The one exception type of YueGong. Every failure that a person must read carries a
 * complete, human-readable message: what went wrong, where (file, row, field) and why.
 * Core services throw it; the GUI and the CLI catch it at their boundary and show the
 * message. Nothing is half-done when it is thrown: writes run in a transaction that the
 * unwinding rolls back.
 */
class Error : public std::exception
{
public:
    explicit Error(QString message) : m_message(std::move(message)), m_utf8(m_message.toUtf8()) {}

    const QString& message() const noexcept { return m_message; }
    const char* what() const noexcept override { return m_utf8.constData(); }

private:
    QString m_message;
    QByteArray m_utf8;
};

} // namespace yg
