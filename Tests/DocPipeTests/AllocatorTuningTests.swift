import Testing
@testable import DocPipe

@Suite struct AllocatorTuningTests {
    @Test(arguments: [
        ([:], false),
        (["PATH": "/usr/bin", "MALLOC_": "x"], false),
        (["GLIBC_TUNABLES": "glibc.rtld.nns=2"], false),
        (["GLIBC_TUNABLES": "glibc.malloc.trim_threshold=1048576"], true),
        (["GLIBC_TUNABLES": "glibc.rtld.nns=2:glibc.malloc.arena_max=2"], true),
        (["MALLOC_ARENA_MAX": "2"], false),
        (["MALLOC_TOP_PAD_": "0"], true),
        (["MALLOC_TRIM_THRESHOLD_": "131072"], true),
        (["MALLOC_MMAP_THRESHOLD_": "131072"], true),
    ] as [([String: String], Bool)])
    func theUsersAllocatorSettingsWin(_ environment: [String: String], _ userSet: Bool) {
        #expect(AllocatorTuning.userTunesAllocator(environment) == userSet)
        if userSet { #expect(!AllocatorTuning.keepFreedMemory(environment: environment)) }
    }

    /// Really calls `mallopt`: the test process keeps the thresholds afterwards, which changes no result, only
    /// when memory goes back to the kernel.
    @Test func glibcTakesTheThresholds() {
        #if canImport(Glibc)
        #expect(AllocatorTuning.keepFreedMemory(environment: [:]))
        #endif
    }
}
