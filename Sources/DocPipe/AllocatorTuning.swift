import CAllocator

/// How the process asks the C allocator to treat memory it frees. For the command-line tools (an edge of the
/// system, like file I/O); the library never calls it on its own.
public enum AllocatorTuning {
    /// Keeps freed memory in the process between documents.
    ///
    /// glibc's defaults give memory at the top of the heap back to the kernel once 128 KB of it is free, and serve
    /// large blocks from fresh mappings above a threshold that moves with the program's history. A batch that
    /// builds and frees a document's layers, one document after another, then faults its working memory back
    /// in, zero-filled by the kernel, for every document — how often depends on where earlier blocks happened to
    /// land, so the same binary ran the extract stage at 40 MB/s in one process and 50 in the next
    /// (`docpipe-bench stages`), with the same instruction count. Fixing both thresholds (blocks under 32 MB from the
    /// heap, trimming only above 64 MB free) keeps the pages; peak memory is unchanged, as the heap never grows past
    /// what the largest documents need at once.
    ///
    /// Settings the user made through `GLIBC_TUNABLES` or `MALLOC_*` variables win: nothing is changed then.
    /// Returns whether the thresholds were set (not when the user's settings win, nor with another C library).
    @discardableResult
    public static func keepFreedMemory(environment: [String: String]) -> Bool {
        guard !userTunesAllocator(environment) else { return false }
        return docpipe_set_malloc_thresholds(32 << 20, 64 << 20) == 1
    }

    /// The environment already sets glibc's allocator: `GLIBC_TUNABLES` with a `glibc.malloc.` entry, or one of
    /// the older variables for the same settings.
    static func userTunesAllocator(_ environment: [String: String]) -> Bool {
        if let t = environment["GLIBC_TUNABLES"], t.contains("glibc.malloc.") { return true }
        return legacyVariables.contains { environment[$0] != nil }
    }

    static let legacyVariables = ["MALLOC_TOP_PAD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_MMAP_MAX_"]
}
