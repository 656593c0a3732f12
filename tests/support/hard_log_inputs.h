#pragma once
// logf's 64 inputs closest to a float rounding boundary over its fast path's domain
// (recoscope-bench-mathf --hard 64; closest: 0 double ulps, farthest listed: 9): the first
// to change if any constant or operation of a log computation moves its double by a few
// ulps. Shared by tst_exact_mathf (core::exactLogf) and tst_gumbel_noise (the SSE2 lanes).

#include <cstdint>

namespace recoscope::test {

inline constexpr std::uint32_t kHardLog[] = {
    0x7be241ccu, 0x152ed9f5u, 0x1675338du, 0x25fd117bu, 0x2cbd9f60u, 0x3808b279u, 0x42eac24bu,
    0x4445654du, 0x47c7cc65u, 0x500fd9bdu, 0x56622d1bu, 0x6415dbf4u, 0x08e7780fu, 0x319b8576u,
    0x37cd79d5u, 0x3e2b3837u, 0x4ed3d59du, 0x731d7b8bu, 0x2cc6b31au, 0x443c215au, 0x4fc7cb0eu,
    0x5d800341u, 0x63242c40u, 0x63b3ba36u, 0x5165586fu, 0x620df8ecu, 0x73b20aa4u, 0x7645f634u,
    0x777818a8u, 0x0cc88552u, 0x0fc00562u, 0x19a54a49u, 0x3e7a91c8u, 0x4abf4304u, 0x6945ec01u,
    0x6a6a3701u, 0x72303a35u, 0x179f7660u, 0x18a3665du, 0x22f40c32u, 0x22f6d580u, 0x39ca897cu,
    0x43733148u, 0x6898d365u, 0x7be1c1c9u, 0x0fe1bc40u, 0x15d38193u, 0x1ce47bb2u, 0x31831780u,
    0x359a7c95u, 0x3742ffbfu, 0x37a9b0a2u, 0x3e4e5926u, 0x4c11bb67u, 0x50a8e505u, 0x65cbb738u,
    0x715f457eu, 0x15c85a68u, 0x21c0e6bdu, 0x2def2929u, 0x4a3dc97bu, 0x07be4328u, 0x103b1c66u,
    0x194650cau};

} // namespace recoscope::test
