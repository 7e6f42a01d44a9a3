// SHA-256 block compression for DocPipeCore: the SHA extensions (SHA-NI) where the CPU has them, portable
// C elsewhere. Padding and the digest layout stay in Swift (DocPipeCore/SHA256.swift).
#ifndef DOCPIPE_SHA256_H
#define DOCPIPE_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether `docpipe_sha256_blocks` uses the CPU's SHA extensions (1) or portable code (0).
int docpipe_sha256_hardware(void);

/// Compresses `count` 64-byte blocks at `data` into `state` (the eight working words, FIPS 180-4 order).
/// `portable` != 0 forces the portable code (tests compare both).
void docpipe_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t count, int portable);

#endif
