/// Finds a line's position from its name without regard to case, storing only a hash and a
/// position per line (not a second, lowercased copy of every name): a million lines cost about
/// 20 MB instead of about 100 MB. Hash collisions are kept apart in a small dictionary of names.
struct LineNameIndex: Sendable {
    private var byHash: [Int: Int32] = [:]
    private var collisions: [String: Int] = [:]

    /// The position of `key` (a lowercased name) among `names`, or nil.
    func index(of key: String, names: [String]) -> Int? {
        if !collisions.isEmpty, let index = collisions[key] { return index }
        guard let index = byHash[key.hashValue].map(Int.init), names[index].lowercased() == key else { return nil }
        return index
    }

    /// Records that `key` (a lowercased name, not yet recorded) is at position `index`.
    mutating func insert(_ key: String, at index: Int) {
        let hash = key.hashValue
        if byHash[hash] == nil { byHash[hash] = Int32(index) } else { collisions[key] = index }
    }
}
