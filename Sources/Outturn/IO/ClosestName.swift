/// Finds the known name closest to a mistyped one, for "did you mean …?" hints.
///
/// The search is bounded whatever the input: names longer than ``maximumLength`` get no hint;
/// only candidates of similar length are compared; each comparison is a banded edit distance that
/// stops as soon as it cannot beat the best so far; and the whole search stops after
/// ``workLimit`` steps (then the best plausible name found so far is suggested, or none).
package enum ClosestName {
    /// Longest name (in Unicode scalars) that gets a hint; a longer one is not a typo of a name.
    package static let maximumLength = 256
    /// Steps (characters looked at plus edit-distance cells) one search may take: a few tens of
    /// milliseconds, with memory proportional to the name, not to the candidates.
    package static let workLimit = 40_000_000

    /// Among the candidates that are a plausible typo of `name` (a case-insensitive edit distance of
    /// at most a third of the longer name, and at least 1 edit allowed), the one with the smallest
    /// distance; among equally close candidates the first. Nil when none is plausible.
    package static func match(_ name: String, among candidates: [String]) -> String? {
        let target = lowered(name)
        guard target.count <= maximumLength else { return nil }
        var search = Search(target: target)
        for candidate in candidates {
            guard search.work < workLimit else { break }
            if search.consider(candidate) == 0 { break }
        }
        return search.best.map { candidates[$0.index] }
    }

    /// The lowercased Unicode scalars of `text`.
    static func lowered(_ text: String) -> [UInt32] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.map { UInt32($0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0) }
        }
        return text.lowercased().unicodeScalars.map(\.value)
    }

    /// The state of one search: the best candidate so far and three reusable rows of the table.
    private struct Search {
        let target: [UInt32]
        var best: (index: Int, distance: Int)?
        var work = 0
        var next = 0
        var scratch: [UInt32] = []
        var rows: [[Int]] = [[], [], []]
        /// Letters of the target by bucket (scalar value mod 64), for the bag-distance lower bound.
        let targetBag: [Int]
        var bag = [Int](repeating: 0, count: 64)

        init(target: [UInt32]) {
            self.target = target
            var counts = [Int](repeating: 0, count: 64)
            for scalar in target { counts[Int(scalar & 63)] += 1 }
            targetBag = counts
        }

        /// A lower bound on the edit distance from the letters alone: letters of one text that
        /// the other lacks (counted in 64 buckets, which only merges letters and so can only lower
        /// it) need an edit each; a swap fixes none of them.
        mutating func bagDistance() -> Int {
            for index in 0..<64 { bag[index] = targetBag[index] }
            for scalar in scratch { bag[Int(scalar & 63)] -= 1 }
            var surplus = 0, deficit = 0
            for count in bag { if count > 0 { surplus += count } else { deficit -= count } }
            return max(surplus, deficit)
        }

        /// Compares the next candidate; returns the best distance so far (0 ends the search).
        mutating func consider(_ candidate: String) -> Int? {
            defer { next += 1 }
            let n = target.count
            // Scalars ≤ UTF-8 bytes ≤ 4 × scalars: most candidates are rejected on length alone.
            let bytes = candidate.utf8.count
            let widest = max(1, (n + bytes) / 3)
            work += 1
            if bytes + widest < n || bytes / 4 > n + widest { return best?.distance }
            scratch.removeAll(keepingCapacity: true)
            if candidate.utf8.allSatisfy({ $0 < 0x80 }) {
                for byte in candidate.utf8 { scratch.append(UInt32(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)) }
            } else {
                scratch.append(contentsOf: candidate.lowercased().unicodeScalars.lazy.map(\.value))
            }
            work += scratch.count
            let m = scratch.count
            var bound = max(1, max(n, m) / 3)
            if let best { bound = min(bound, best.distance - 1) }
            guard bound >= 0, abs(n - m) <= bound, bagDistance() <= bound else { return best?.distance }
            if let distance = bandedDistance(bound: bound) { best = (next, distance) }
            return best?.distance
        }

        /// Optimal-string-alignment distance between `target` and `scratch` (insertions, deletions,
        /// substitutions and swaps of two neighbouring letters cost 1; a swap is the commonest
        /// typo: "valeu" for "value"), or nil if it exceeds `bound`. Only cells within `bound` of
        /// the diagonal are computed, and it stops at the first row whose every cell exceeds `bound`.
        mutating func bandedDistance(bound k: Int) -> Int? {
            let a = target, b = scratch
            let n = a.count, m = b.count
            if n == 0 || m == 0 { return max(n, m) <= k ? max(n, m) : nil }
            let big = k + 1
            for r in 0..<3 {
                rows[r].removeAll(keepingCapacity: true)
                rows[r].append(contentsOf: repeatElement(big, count: m + 2))
            }
            var previous2 = 0, previous = 1, current = 2
            for j in 0...min(m, k) { rows[previous][j] = j }
            for i in 1...n {
                let lo = max(1, i - k), hi = min(m, i + k)
                if lo > hi { return nil }
                rows[current][lo - 1] = lo == 1 ? min(i, big) : big
                var rowMinimum = rows[current][lo - 1]
                for j in lo...hi {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(rows[previous][j] + 1, rows[current][j - 1] + 1, rows[previous][j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, rows[previous2][j - 2] + 1)
                    }
                    value = min(value, big)
                    rows[current][j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                rows[current][hi + 1] = big
                work += hi - lo + 1
                if rowMinimum > k { return nil }
                (previous2, previous, current) = (previous, current, previous2)
            }
            let distance = rows[previous][m]
            return distance <= k ? distance : nil
        }
    }

    /// Optimal-string-alignment distance of two texts (unbounded; for tests and small inputs).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var d = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in 0...a.count { d[i * width] = i }
        for j in 0...b.count { d[j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1,
                                d[(i - 1) * width + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, d[(i - 2) * width + j - 2] + 1)
                }
                d[i * width + j] = value
            }
        }
        return d[a.count * width + b.count]
    }
}
