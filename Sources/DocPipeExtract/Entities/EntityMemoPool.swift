#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Token-pass word memos (`EntityScanner.WordMemo` tables) kept between documents. An entry depends
/// only on a token's bytes and kind and on the lexicon (`EntityScanner.tokenWord`), so a table left by
/// one document serves the next: it misses only on words no earlier document held, and no table is
/// cleared per document. A table is taken by one document's scan at a time (one per concurrent scan);
/// `EntityRecognizer` uses `shared` with `EntityLexicon.shared` only.
final class EntityMemoPool: @unchecked Sendable {
    static let shared = EntityMemoPool()

    /// Guards `free`.
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private var free: [[EntityScanner.WordMemo]] = []

    init() {
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deinitialize(count: 1)
        lock.deallocate()
    }

    /// A table to use (a kept one, else an empty one).
    func take() -> [EntityScanner.WordMemo] {
        pthread_mutex_lock(lock)
        let kept = free.popLast()
        pthread_mutex_unlock(lock)
        return kept ?? EntityScanner.emptyMemo()
    }

    /// Keeps `memo` for a later `take`.
    func give(_ memo: [EntityScanner.WordMemo]) {
        pthread_mutex_lock(lock)
        free.append(memo)
        pthread_mutex_unlock(lock)
    }
}
