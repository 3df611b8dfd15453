#pragma once

#include <QString>

namespace yg {

/**
 * Installs the translation for a language: "zh_CN", "en", or empty for the system
 * locale (Chinese on a Chinese locale, English otherwise). Replaces any translation
 * installed before, so the language can be switched at run time. Returns the language
 * actually in use ("zh_CN" or "en").
 */
QString installTranslations(const QString& language = {});

} // namespace yg
