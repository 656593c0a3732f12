#include "sha256.h"

#include <openssl/evp.h>

#include <QByteArray>

#include <cstdio>
#include <cstdlib>

namespace recoscope::sim {

// libcrypto's EVP interface: it picks the SHA-NI (or AVX2) code path at run time, so a
// portable build digests at memory speed on a CPU that has it and still gives the
// standard digest everywhere. A failure of these calls means an unusable libcrypto (out
// of memory, a broken installation): a bug to stop at, not an input to report.
struct Sha256::Context {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

namespace {

[[noreturn]] void libcryptoFailed(const char* call) {
    std::fprintf(stderr, "recoscope: OpenSSL's %s failed (libcrypto unusable)\n", call);
    std::abort();
}

} // namespace

Sha256::Sha256() : m_context(std::make_unique<Context>()) {
    if (!m_context->ctx)
        libcryptoFailed("EVP_MD_CTX_new");
    if (EVP_DigestInit_ex(m_context->ctx, EVP_sha256(), nullptr) != 1)
        libcryptoFailed("EVP_DigestInit_ex");
}

Sha256::~Sha256() = default;

void Sha256::addData(const void* data, std::size_t size) {
    if (size == 0)
        return;
    if (EVP_DigestUpdate(m_context->ctx, data, size) != 1)
        libcryptoFailed("EVP_DigestUpdate");
}

QString Sha256::hexResult() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(m_context->ctx, digest, &length) != 1 || length != 32)
        libcryptoFailed("EVP_DigestFinal_ex");
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(digest), static_cast<qsizetype>(length)).toHex());
}

} // namespace recoscope::sim
