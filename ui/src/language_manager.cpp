#include "recoscope/ui/language_manager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace recoscope::ui {

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}
LanguageManager::~LanguageManager() {
    removeTranslators();
}

QStringList LanguageManager::available() {
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

void LanguageManager::removeTranslators() {
    for (QTranslator** t : {&m_app, &m_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
}

bool LanguageManager::setLanguage(const QString& code) {
    if (code == m_code && (m_app || code != QLatin1String("en")))
        return true;
    removeTranslators();
    m_code = QStringLiteral("en");
    if (code == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        // English needs its .qm only for plural forms ("1 entry", "2 entries").
        auto en = std::make_unique<QTranslator>();
        if (en->load(QStringLiteral(":/i18n/recoscope_en.qm"))) {
            m_app = en.release();
            QCoreApplication::installTranslator(m_app);
        }
        return true;
    }
    auto app = std::make_unique<QTranslator>();
    // Compiled in by qt_add_translations (ui/CMakeLists.txt) under :/i18n.
    if (!app->load(QStringLiteral(":/i18n/recoscope_%1.qm").arg(code)))
        return false;
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_%1").arg(code),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        m_qt = qt.release();
    m_app = app.release();
    if (m_qt)
        QCoreApplication::installTranslator(m_qt);
    QCoreApplication::installTranslator(m_app);
    QLocale::setDefault(QLocale(code));
    m_code = code;
    return true;
}

} // namespace recoscope::ui
