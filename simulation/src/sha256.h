#pragma once
// SHA-256 of byte ranges added in turn, as a lowercase hex string: the digest
// QCryptographicHash::Sha256 gives for the same bytes, computed by OpenSSL's libcrypto,
// which uses the CPU's SHA extensions where it has them (decision 0058). The world's
// catalogue and population hashes read every generated table (about 200 MB on `large`),
// which Qt 6.4's portable implementation took 1.5 s to digest.
//
// Not copyable; one thread at a time. Private to the simulation library.

#include <QString>

#include <cstddef>
#include <memory>

namespace recoscope::sim {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    /// Adds `size` bytes from `data` (nothing for size 0; data may then be null).
    void addData(const void* data, std::size_t size);
    /// The digest of everything added, 64 lowercase hex digits. Call once, last.
    QString hexResult();

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace recoscope::sim
