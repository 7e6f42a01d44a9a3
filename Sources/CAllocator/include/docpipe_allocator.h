#ifndef DOCPIPE_ALLOCATOR_H
#define DOCPIPE_ALLOCATOR_H

/// Fixes glibc malloc's mmap and trim thresholds (bytes). Returns 1 when both were set, 0 otherwise (another C
/// library, or glibc refused a value). Swift's Glibc module does not expose mallopt.
int docpipe_set_malloc_thresholds(int mmap_threshold, int trim_threshold);

#endif
