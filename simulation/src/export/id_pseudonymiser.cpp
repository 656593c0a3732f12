#include "recoscope/sim/id_pseudonymiser.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <array>

namespace recoscope::sim {

QByteArray IdPseudonymiser::randomSalt() {
    // system() reads the kernel's CSPRNG (getrandom / /dev/urandom): the salt must not be
    // predictable from the time or a seed, or the pseudonyms could be reversed by
    // hashing every candidate id.
    std::array<quint32, kSaltBytes / 4> words{};
    QRandomGenerator::system()->generate(words.begin(), words.end());
    return QByteArray(reinterpret_cast<const char*>(words.data()), kSaltBytes);
}

QByteArray IdPseudonymiser::digest(QByteArrayView message) const {
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, m_salt);
    mac.addData(message.data(), message.size());
    return mac.result();
}

QByteArray IdPseudonymiser::pseudonym(Domain domain, QByteArrayView id) const {
    // The domain prefix is part of the MAC'd message, so "u:42" and "i:42" differ; the
    // prefix has a fixed length, so no id can be confused with another domain's.
    QByteArray message(domain == Domain::User ? "u:" : "i:");
    message.append(id.data(), id.size());
    return digest(message).toHex().left(kHexDigits);
}

} // namespace recoscope::sim
