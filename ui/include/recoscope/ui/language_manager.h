#pragma once
// Installs the application's and Qt's own translators for a language ("en", "zh_CN").
// Widgets react through QEvent::LanguageChange (retranslateUi). GUI thread only.

#include <QObject>
#include <QString>

class QTranslator;

namespace recoscope::ui {

class LanguageManager : public QObject {
    Q_OBJECT
public:
    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    /// Languages the workbench ships, as codes.
    static QStringList available();
    /// Switches language; false when the translation is missing (English stays).
    bool setLanguage(const QString& code);
    QString language() const { return m_code; }

private:
    void removeTranslators();
    QTranslator* m_app = nullptr;
    QTranslator* m_qt = nullptr;
    QString m_code = QStringLiteral("en");
};

} // namespace recoscope::ui
