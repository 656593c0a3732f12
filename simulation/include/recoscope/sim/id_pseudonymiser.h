#pragma once
// Keyed pseudonyms for exported ids (docs/export-format.md): HMAC-SHA256 of the id with a
// secret salt as the key, shown as the first kHexDigits hex digits of the digest. Users
// and items hash in different domains (the message is "u:" or "i:" followed by the id's
// bytes), so a user and an item that share an external id get unrelated pseudonyms.
// Without the salt a pseudonym cannot be recomputed from a guessed id (unlike a plain
// hash); with the same salt, the same id always gets the same pseudonym, which is what
// makes two exports linkable. Plain value type; any thread.

#include <QByteArray>
#include <QByteArrayView>

namespace recoscope::sim {

class IdPseudonymiser {
public:
    enum class Domain { User, Item };

    /// Bytes of a salt drawn by randomSalt().
    static constexpr int kSaltBytes = 32;
    /// The shortest salt a user may pass back (--salt): 128 bits.
    static constexpr int kMinSaltBytes = 16;
    /// Hex digits kept of the 64-digit digest: 64 bits. For n distinct ids the chance that
    /// any two share a pseudonym is about n^2 / 2^65 (birthday bound): 3e-8 for a
    /// million ids, 3e-6 for ten million. The exporter still checks every export and
    /// fails rather than merge two ids.
    static constexpr int kHexDigits = 16;

    /// `salt` is the HMAC key, any length (an empty key is valid HMAC but useless).
    explicit IdPseudonymiser(QByteArray salt) : m_salt(std::move(salt)) {}

    /// kSaltBytes from the operating system's cryptographically secure generator
    /// (QRandomGenerator::system()).
    static QByteArray randomSalt();

    /// HMAC-SHA256(salt, message): the raw 32-byte digest.
    QByteArray digest(QByteArrayView message) const;
    /// The pseudonym of an id: lower-case hex, kHexDigits long.
    QByteArray pseudonym(Domain domain, QByteArrayView id) const;

    const QByteArray& salt() const { return m_salt; }

private:
    QByteArray m_salt;
};

} // namespace recoscope::sim
